using System.Buffers;
using System.Text.RegularExpressions;

namespace Moderation.Classifier.Normalization;

/// <summary>The kinds of structured things replaced by a token in the normalised text.</summary>
internal enum EntityKind
{
    Link,
    Email,
    Phone,
    Handle,
    Messenger,
}

/// <summary>
/// What a text contains that some entity pattern needs: every pattern's match contains its hint, so a pattern whose hint
/// is missing cannot match and is not run (most comments have none of them).
/// </summary>
[Flags]
internal enum EntityHints
{
    None = 0,

    /// <summary>A "/", or a dot followed by a letter or digit ("situs.com", "http://").</summary>
    Dotted = 1,

    /// <summary>An "@".</summary>
    At = 2,

    /// <summary>Seven or more ASCII digits.</summary>
    Digits = 4,

    /// <summary>A dot or an "at" written otherwise: "dot", "titik", "[.]", "(at)", " .com", ". com".</summary>
    WrittenDot = 8,

    /// <summary>Eight or more occurrences of a digit's name ("nol", "delapan", "seven").</summary>
    DigitNames = 16,
}

/// <summary>
/// Patterns for links, e-mails, phone numbers, handles and messenger contacts. They run on the folded text
/// (lower case, styled letters already plain, white space only " "), so "𝐰𝐚.𝐦𝐞" is found like "wa.me".
/// </summary>
internal static partial class EntityPatterns
{
    /// <summary>The patterns in the order they claim text (earlier ones win where matches overlap), each with its hint.</summary>
    public static IReadOnlyList<(Regex Pattern, EntityKind Kind, EntityHints Needs)> Ordered { get; } =
    [
        (MessengerLink(), EntityKind.Messenger, EntityHints.Dotted),
        (Email(), EntityKind.Email, EntityHints.At),
        (DisguisedEmail(), EntityKind.Email, EntityHints.WrittenDot),
        (Link(), EntityKind.Link, EntityHints.Dotted),
        (DisguisedLink(), EntityKind.Link, EntityHints.WrittenDot),
        (MessengerNumber(), EntityKind.Messenger, EntityHints.Digits),
        (MessengerHandle(), EntityKind.Messenger, EntityHints.At),
        (IndonesianPhone(), EntityKind.Phone, EntityHints.Digits),
        (InternationalPhone(), EntityKind.Phone, EntityHints.Digits),
        (SpacedNumber(), EntityKind.Phone, EntityHints.Digits),
        (SpelledNumber(), EntityKind.Phone, EntityHints.DigitNames),
        (Handle(), EntityKind.Handle, EntityHints.At),
    ];

    // Top-level domains a link can end in ("kom" is ".com" respelled by sound, as alay writes it).
    private const string Domains = "com|kom|net|org|id|co|me|ly|io|info|biz|xyz|top|site|online|vip|club|link|app|live|tv|gg|asia|us|uk|ru|cc|to|be|gl|sg|my|store|shop|fun|win|bet|games?|pro|click|icu|life|art|cx|ws|tk|ml";

    // A dot written in brackets: "[.]", "( . )", "(dot)", "{titik}".
    private const string BracketedDot = @" *[\[({<] ?(?:\.|dot|titik) ?[\])}>] *";

    // A dot written as a word between spaces ("slot88 dot com", "titik"), or as a dot with a space before or after it;
    // the latter only before the few domains that are not also ordinary words, so that "a top . top" stays text.
    // (The folded text has only " " for white space.)
    private const string SpacedDot = @"(?: +(?:dot|titik) +| +\. ?|\. )";
    private const string SpacedDotDomains = "com|net|org|xyz|vip|biz";

    // A dot of an e-mail's domain written otherwise: in brackets, or as a word.
    private const string WrittenDot = "(?:" + BracketedDot + @"| +(?:dot|titik) +)";

    // The labels of an e-mail's domain up to its last dot ("gmail (dot) co [.] "), and the dots that may separate them.
    private const string DomainLabels = @"[a-z0-9\-]+(?:(?:\.|" + WrittenDot + @")[a-z0-9\-]+)*";

    /// <summary>The hints a folded text has (see <see cref="EntityHints"/>).</summary>
    public static EntityHints HintsOf(string text)
    {
        var hints = EntityHints.None;
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '@')
            {
                hints |= EntityHints.At;
            }
            else if (c == '/' || (c == '.' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1])))
            {
                hints |= EntityHints.Dotted;
            }
            else if (char.IsAsciiDigit(c) && ++digits == 7)
            {
                hints |= EntityHints.Digits;
            }
        }

        var span = text.AsSpan();
        if (span.IndexOfAny(WrittenDots) >= 0)
        {
            hints |= EntityHints.WrittenDot;
        }

        var names = 0;
        for (var at = span.IndexOfAny(DigitNameMarks); at >= 0 && ++names < 8; at = span.IndexOfAny(DigitNameMarks))
        {
            span = span[(at + 1)..];
        }

        return names >= 8 ? hints | EntityHints.DigitNames : hints;
    }

    // Every way BracketedDot, SpacedDot and a bracketed "at" can be written.
    private static readonly SearchValues<string> WrittenDots = SearchValues.Create(
        ["dot", "titik", "[.", "(.", "{.", "<.", "[ .", "( .", "{ .", "< .", "[at", "(at", "{at", "<at", "[ at", "( at", "{ at", "< at", "[@", "(@", "{@", "<@", "[ @", "( @", "{ @", "< @",
            " .com", " .net", " .org", " .xyz", " .vip", " .biz", ". com", ". net", ". org", ". xyz", ". vip", ". biz"],
        StringComparison.Ordinal);

    private static readonly SearchValues<string> DigitNameMarks = SearchValues.Create(
        ["nol", "kosong", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
        StringComparison.Ordinal);

    /// <summary>The token that stands for an entity in the normalised text.</summary>
    public static string TokenOf(EntityKind kind) => kind switch
    {
        EntityKind.Link => "_link_",
        EntityKind.Email => "_email_",
        EntityKind.Phone => "_phone_",
        EntityKind.Handle => "_handle_",
        EntityKind.Messenger => "_messenger_",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [GeneratedRegex(@"(?:https?://)?(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|t\.me|telegram\.me|line\.me)(?:/\S*)?", RegexOptions.CultureInvariant)]
    private static partial Regex MessengerLink();

    [GeneratedRegex(@"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:https?://|www\.)\S+|(?<![\w@.])[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.(?:" + Domains + @")(?![a-z0-9])(?:[/?#]\S*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // A link whose dots are written otherwise ("slot88 (dot) com", "slot88[.]com", "slot88 titik com").
    [GeneratedRegex(@"(?<![\w@.])[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:(?:\.|" + BracketedDot + @")[a-z0-9\-]+)*(?:" + BracketedDot + "(?:" + Domains + ")|" + SpacedDot + "(?:" + SpacedDotDomains + @"))(?![a-z0-9])(?:[/?#]\S*)?", RegexOptions.CultureInvariant)]
    private static partial Regex DisguisedLink();

    // An e-mail address whose "@" is written in brackets ("john [at] gmail.com"), or as the word "at" when its dot is
    // written otherwise too ("john at gmail dot com"; "look at situs.com" stays a link).
    [GeneratedRegex(@"(?<![a-z0-9])[a-z0-9][a-z0-9._%+\-]*(?: *[\[({<] ?(?:at|@) ?[\])}>] *" + DomainLabels + @"(?:\.|" + WrittenDot + ")| +at +" + DomainLabels + WrittenDot + ")(?:" + Domains + @")(?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DisguisedEmail();

    [GeneratedRegex(@"(?<![a-z])(?:wa|whatsapp|whatsap|watsap|wasap|whatapp|telegram|tele|tg|line)\s*[:.=\-]?\s*(?:\+?62|0)8(?:[\s.\-]?\d){7,12}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MessengerNumber();

    [GeneratedRegex(@"(?<![a-z])(?:telegram|tele|tg)\s*[:.=\-]?\s*@[a-z0-9_]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex MessengerHandle();

    [GeneratedRegex(@"(?<![\w+])(?:\+?62[\s.\-]?|0)8\d(?:[\s.\-]?\d){7,11}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IndonesianPhone();

    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[\s.\-]?|0)\d{2,4}(?:[\s.\-]?\d){5,10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPhone();

    // A number written one digit at a time ("0 8 1 2 3 4 5 6 7 8") or in pairs from its leading 0 ("08 12 34 56 78"),
    // with up to three separator characters between them. A date ("17.08.2024") has a longer group and is not one.
    [GeneratedRegex(@"(?<![\w+])(?:\+?\d(?:[\s.\-]{1,3}\d){8,14}|(?:\+|0)\d(?:[\s.\-]{1,3}\d\d){4,7})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedNumber();

    // A number of eight or more digits spelled out in Indonesian or English words ("nol delapan satu dua ...").
    [GeneratedRegex(@"(?<![a-z])" + SpelledDigit + @"(?:[\s,.\-]+" + SpelledDigit + "){7,}", RegexOptions.CultureInvariant)]
    private static partial Regex SpelledNumber();

    private const string SpelledDigit = "(?:nol|kosong|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|zero|one|two|three|four|five|six|seven|eight|nine)(?![a-z])";

    [GeneratedRegex(@"(?<![\w@])@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
