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
/// Patterns for links, e-mails, phone numbers, handles and messenger contacts. They run on the folded text
/// (lower case, styled letters already plain), so "𝐰𝐚.𝐦𝐞" is found like "wa.me".
/// </summary>
internal static partial class EntityPatterns
{
    /// <summary>The patterns in the order they claim text: earlier ones win where matches overlap.</summary>
    public static IReadOnlyList<(Regex Pattern, EntityKind Kind)> Ordered { get; } =
    [
        (MessengerLink(), EntityKind.Messenger),
        (Email(), EntityKind.Email),
        (Link(), EntityKind.Link),
        (MessengerNumber(), EntityKind.Messenger),
        (MessengerHandle(), EntityKind.Messenger),
        (IndonesianPhone(), EntityKind.Phone),
        (InternationalPhone(), EntityKind.Phone),
        (Handle(), EntityKind.Handle),
    ];

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

    [GeneratedRegex(@"(?:https?://|www\.)\S+|(?<![\w@.])[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.(?:com|net|org|id|co|me|ly|io|info|biz|xyz|top|site|online|vip|club|link|app|live|tv|gg|asia|us|uk|ru|cc|to|be|gl|sg|my|store|shop|fun|win|bet|games?|pro|click|icu|life|art|cx|ws|tk|ml)(?![a-z0-9])(?:[/?#]\S*)?", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![a-z])(?:wa|whatsapp|whatsap|watsap|wasap|whatapp|telegram|tele|tg|line)\s*[:.=\-]?\s*(?:\+?62|0)8(?:[\s.\-]?\d){7,12}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MessengerNumber();

    [GeneratedRegex(@"(?<![a-z])(?:telegram|tele|tg)\s*[:.=\-]?\s*@[a-z0-9_]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex MessengerHandle();

    [GeneratedRegex(@"(?<![\w+])(?:\+?62[\s.\-]?|0)8\d(?:[\s.\-]?\d){7,11}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IndonesianPhone();

    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[\s.\-]?|0)\d{2,4}(?:[\s.\-]?\d){5,10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<![\w@])@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
