namespace Moderation.Classifier.Normalization;

/// <summary>
/// Words broken by punctuation without a space ("ga.cor", "sl_ot", "max-win", "anj/ing", "covid-19"). Such a word is
/// joined when one of its pieces is too short to be a word of its own (three characters or fewer), so "anak-anak",
/// "bagus.mantap" and "10.30" stay apart. Spaces are not joined: "sl ot" cannot be told from two words.
/// </summary>
internal static class BrokenWords
{
    private const int MaxPieces = 3;
    private const int ShortPiece = 3;

    /// <summary>Marks the punctuation of broken words as removed; words that overlap <paramref name="isToken"/> (entities) are left alone.</summary>
    public static void Join(string text, bool[] removed, Func<int, int, bool> isToken)
    {
        Span<int> breaks = stackalloc int[MaxPieces - 1];
        var start = 0;
        while (start < text.Length)
        {
            if (!char.IsLetterOrDigit(text[start]))
            {
                start++;
                continue;
            }

            // A run of letters and digits with single break characters between them.
            var count = 0;
            var shortest = int.MaxValue;
            var pieceStart = start;
            var letters = false;
            var end = start;
            var tooMany = false;
            while (true)
            {
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    letters |= char.IsLetter(text[end]);
                    end++;
                }

                shortest = Math.Min(shortest, end - pieceStart);
                if (end + 1 < text.Length && IsBreak(text[end]) && char.IsLetterOrDigit(text[end + 1]))
                {
                    if (count == breaks.Length)
                    {
                        tooMany = true; // "a.b.c.d" is a spaced-letter run or an abbreviation, not a broken word
                    }
                    else
                    {
                        breaks[count++] = end;
                    }

                    pieceStart = ++end;
                    continue;
                }

                break;
            }

            if (count > 0 && !tooMany && letters && shortest <= ShortPiece && !isToken(start, end)
                && (end >= text.Length || text[end] is not ('@' or '/')))
            {
                foreach (var at in breaks[..count])
                {
                    removed[at] = true;
                }
            }

            start = end;
        }
    }

    private static bool IsBreak(char c) => c is '.' or '-' or '_' or '/' or '~' or ',' or '·' or '•' or '*' or ':';
}
