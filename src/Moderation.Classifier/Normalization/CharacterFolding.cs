using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Moderation.Classifier.Normalization;

/// <summary>What one code point of the original text becomes.</summary>
/// <param name="Text">The folded characters: empty for invisible characters, lower-case Latin for letters that have a Latin reading.</param>
/// <param name="Styled">True when a letter was written in a styled or look-alike form (𝐆, Ｇ, Ⓖ, Cyrillic г...).</param>
internal readonly record struct FoldedCodePoint(string Text, bool Styled);

/// <summary>
/// Unicode compatibility folding per code point, with look-alikes, invisible characters and diacritics handled.
/// Results are cached: a comment is mostly ASCII, and the rest repeats a small alphabet.
/// </summary>
internal static class CharacterFolding
{
    private static readonly FoldedCodePoint[] AsciiTable = BuildAscii();
    private static readonly ConcurrentDictionary<int, FoldedCodePoint> Cache = new();

    public static FoldedCodePoint Fold(int codePoint) =>
        codePoint < 128 ? AsciiTable[codePoint] : Cache.GetOrAdd(codePoint, FoldUncached);

    /// <summary>Characters that render as nothing and are used to break words up invisibly.</summary>
    public static bool IsInvisible(int codePoint) =>
        codePoint is 0x00AD or 0x034F or 0x061C or 0x17B4 or 0x17B5 or 0x180E
            or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F)
            or 0xFEFF or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>
    /// Letters that render as a blank the width of a letter (Hangul fillers, the blank Braille pattern). Unicode calls
    /// them letters or symbols, not spaces, so they are used in place of spaces to get past filters: they are spaces.
    /// </summary>
    public static bool IsBlankLetter(int codePoint) => codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    private static FoldedCodePoint[] BuildAscii()
    {
        var table = new FoldedCodePoint[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = new FoldedCodePoint(((char)c is >= 'A' and <= 'Z' ? (char)(c + 32) : (char)c).ToString(), false);
        }

        return table;
    }

    private static FoldedCodePoint FoldUncached(int codePoint)
    {
        if (IsInvisible(codePoint))
        {
            return new FoldedCodePoint(string.Empty, false);
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            // Combining marks (diacritics, "Zalgo" stacks, the keycap enclosing mark) add no letters.
            return new FoldedCodePoint(string.Empty, false);
        }

        if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control
            || IsBlankLetter(codePoint))
        {
            return new FoldedCodePoint(" ", false);
        }

        if (EmojiPunctuation(codePoint) is { } punctuation)
        {
            return new FoldedCodePoint(punctuation, false);
        }

        if (DingbatDigit(codePoint) is { } dingbat)
        {
            return new FoldedCodePoint(dingbat, false);
        }

        if (LookalikeLetters.TryMap(codePoint, out var latin) || LookalikeLetters.TryMap(LowerCase(codePoint), out latin))
        {
            return new FoldedCodePoint(latin.ToString(), true);
        }

        if (category == UnicodeCategory.DecimalDigitNumber && CharUnicodeInfo.GetDecimalDigitValue(char.ConvertFromUtf32(codePoint), 0) is var digit and >= 0)
        {
            // Digits of other scripts look like ours ("૦" for "0", and so for "o" in leetspeak): read them as ours.
            return new FoldedCodePoint(((char)('0' + digit)).ToString(), codePoint > 0x7F);
        }

        var original = char.ConvertFromUtf32(codePoint);
        var decomposed = original.Normalize(NormalizationForm.FormKD);
        if (decomposed == original)
        {
            return new FoldedCodePoint(original.ToLowerInvariant(), false);
        }

        // Keep the letters and digits of the decomposition: "⒜" is "(a)", "é" is "e" + accent.
        var kept = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                // A decomposition can end in a look-alike: the micro sign "µ" is the Greek "μ", read as "u".
                var lower = Rune.ToLowerInvariant(rune);
                kept.Append(LookalikeLetters.TryMap(lower.Value, out var letter) ? letter.ToString() : lower.ToString());
            }
        }

        if (kept.Length == 0)
        {
            // Punctuation and symbols whose compatibility form is other punctuation (fullwidth "！"): keep the form.
            var fallback = decomposed.Trim();
            return new FoldedCodePoint(fallback.Length == 0 ? " " : fallback.ToLowerInvariant(), false);
        }

        return new FoldedCodePoint(kept.ToString(), IsStyledBlock(codePoint) && IsAsciiAlphanumeric(kept));
    }

    // Emoji drawn as punctuation are that punctuation, so that inside a word they are read as letters like it ("💲lot",
    // "g❗la") and at its end stay punctuation ("mantap❗"); the radio button is read like the circle "⭕" ("🔘k").
    private static string? EmojiPunctuation(int codePoint) => codePoint switch
    {
        0x1F4B2 => "$", // heavy dollar sign
        0x2757 or 0x2755 => "!", // heavy and white exclamation mark
        0x1F518 => "\u2B55", // the radio button is drawn as an "o" like the heavy large circle
        _ => null,
    };

    // Circled digits without a compatibility form, used to write phone numbers past filters ("➀➇➀➁", "❶❽"); those
    // with one (①) already fold to their digit. The ones standing for 10 are left alone.
    private static string? DingbatDigit(int codePoint) => codePoint switch
    {
        >= 0x2776 and <= 0x277E => ((char)('1' + codePoint - 0x2776)).ToString(), // ❶-❾ negative circled
        >= 0x2780 and <= 0x2788 => ((char)('1' + codePoint - 0x2780)).ToString(), // ➀-➈ circled sans-serif
        >= 0x278A and <= 0x2792 => ((char)('1' + codePoint - 0x278A)).ToString(), // ➊-➒ negative circled sans-serif
        >= 0x24F5 and <= 0x24FD => ((char)('1' + codePoint - 0x24F5)).ToString(), // ⓵-⓽ double circled
        0x24FF or 0x1F10B or 0x1F10C => "0", // ⓿ 🄋 🄌
        _ => null,
    };

    private static int LowerCase(int codePoint) =>
        Rune.IsValid(codePoint) ? Rune.ToLowerInvariant(new Rune(codePoint)).Value : codePoint;

    private static bool IsStyledBlock(int codePoint) =>
        codePoint is (>= 0x1D400 and <= 0x1D7FF) // mathematical alphanumerics 𝐆 𝕊 𝓢
            or (>= 0xFF00 and <= 0xFFEF) // fullwidth Ｇ
            or (>= 0x2460 and <= 0x24FF) // enclosed alphanumerics Ⓖ ⓖ ⑴
            or (>= 0x1F100 and <= 0x1F1FF) // enclosed supplement 🄶
            or (>= 0x2100 and <= 0x214F) // letterlike ℂ ℍ ℕ
            or (>= 0x1D00 and <= 0x1DBF) // phonetic extensions, modifier letters ᴳ
            or (>= 0x2070 and <= 0x209F) // super- and subscripts
            or (>= 0x02B0 and <= 0x02FF) // spacing modifier letters ʰ
            or (>= 0x3200 and <= 0x32FF); // enclosed CJK letters and months (㋐ is not Latin; harmless)

    private static bool IsAsciiAlphanumeric(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
