namespace Moderation.Classifier.Normalization;

/// <summary>Laughter is written in endless variants ("wkwkwk", "hahahaha", "xixixi"); each family becomes one word.</summary>
internal static class Laughter
{
    public static bool IsLaughter(ReadOnlySpan<char> word) => word.Length >= 4 && Standard(word).Length > 0;

    public static string Standard(ReadOnlySpan<char> word)
    {
        if (IsRepeatOf(word, "wk") || IsRepeatOf(word, "kw"))
        {
            return "wkwk";
        }

        if (IsRepeatOf(word, "ha") || IsRepeatOf(word, "ah") || IsRepeatOf(word, "he") || IsRepeatOf(word, "hi"))
        {
            return "haha";
        }

        if (IsRepeatOf(word, "xi") || IsRepeatOf(word, "ix"))
        {
            return "xixi";
        }

        return IsRepeatOf(word, "lo") && word.Length >= 6 ? "lol" : string.Empty;
    }

    // "wkwkw" and "hahah" count: the word only has to follow the unit's pattern letter by letter.
    private static bool IsRepeatOf(ReadOnlySpan<char> word, string unit)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] != unit[i % unit.Length])
            {
                return false;
            }
        }

        return word.Length >= 4;
    }
}
