namespace Moderation.Classifier.Normalization;

/// <summary>
/// Words broken by punctuation or an emoji without a space ("ga.cor", "sl_ot", "max-win", "anj/ing", "covid-19",
/// "bonu💰s", "ma-x-wi-n"). Such a word is joined when one of its pieces is too short to be a word of its own (three
/// characters or fewer), so "anak-anak", "bagus.mantap", "mantap👍keren" and "10.30" stay apart. Three or more breaks
/// are joined only when every break is the same mark and every piece is short ("p~er~s~en"), so "state-of-the-art"
/// stays apart. A row of emoji between words ("mantap🔥🔥keren") is not a break, and spaces are not joined: "sl ot"
/// cannot be told from two words.
/// </summary>
internal static class BrokenWords
{
    private const int MaxBreaks = 8;
    private const int ShortPiece = 3;

    /// <summary>Marks the punctuation of broken words as removed; words that overlap <paramref name="isToken"/> (entities) are left alone.</summary>
    public static void Join(string text, bool[] removed, Func<int, int, bool> isToken)
    {
        Span<int> breaks = stackalloc int[MaxBreaks];
        Span<int> widths = stackalloc int[MaxBreaks];
        var start = 0;
        while (start < text.Length)
        {
            if (!char.IsLetterOrDigit(text[start]))
            {
                start++;
                continue;
            }

            // A run of letters and digits with single break marks between them.
            var count = 0;
            var shortest = int.MaxValue;
            var longest = 0;
            var piecesWithLetters = 0;
            var sameBreak = true;
            var pieceStart = start;
            var end = start;
            var tooMany = false;
            while (true)
            {
                var pieceHasLetter = false;
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    pieceHasLetter |= char.IsLetter(text[end]);
                    end++;
                }

                shortest = Math.Min(shortest, end - pieceStart);
                longest = Math.Max(longest, end - pieceStart);
                piecesWithLetters += pieceHasLetter ? 1 : 0;
                var width = BreakWidth(text, end);
                if (width > 0 && end + width < text.Length && char.IsLetterOrDigit(text[end + width]))
                {
                    if (count == MaxBreaks)
                    {
                        tooMany = true;
                    }
                    else
                    {
                        sameBreak &= count == 0 || text.AsSpan(breaks[0], widths[0]).SequenceEqual(text.AsSpan(end, width));
                        breaks[count] = end;
                        widths[count++] = width;
                    }

                    pieceStart = end += width;
                    continue;
                }

                break;
            }

            var broken = count <= 2
                ? shortest <= ShortPiece
                : sameBreak && longest <= ShortPiece && piecesWithLetters >= 2;
            if (count > 0 && !tooMany && piecesWithLetters > 0 && broken && !isToken(start, end)
                && (end >= text.Length || text[end] is not ('@' or '/')))
            {
                for (var b = 0; b < count; b++)
                {
                    removed.AsSpan(breaks[b], widths[b]).Fill(true);
                }
            }

            start = end;
        }
    }

    // One punctuation mark or one emoji; the emoji's variation selector was folded away before this runs.
    private static int BreakWidth(string text, int i)
    {
        if (i >= text.Length)
        {
            return 0;
        }

        if (text[i] is '.' or '-' or '_' or '/' or '~' or ',' or '·' or '•' or '*' or ':' or '^')
        {
            return 1;
        }

        if (text[i] < '\u00A0')
        {
            return 0; // the rest of ASCII: spaces, letters, and punctuation that is not a break
        }

        if (SymbolLetters.LetterFor(text[i]) != '\0')
        {
            return 0; // a sign drawn as a letter ("g⭕cor") is read as one, not dropped as a break
        }

        return Emoji.WidthAt(text, i);
    }
}
