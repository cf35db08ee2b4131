using System.Buffers;

namespace Moderation.Classifier.Normalization;

/// <summary>
/// Symbols written for letters inside a word ("j@ckp0t", "$lot", "gr@ti$", "m@xw!n", "jud0|", "g()cor", "+idak", "!n",
/// "p3r§3n", "m∆xwin", "|&lt;amu", "ga¢or", "ma×win", emoji and signs drawn as letters "g⭕cor", "©ek", "✝olol", "〽️axwin",
/// and "ga(or" where the parenthesis has a letter on both sides). "©" and "®" after a word ("Google®") stay signs.
/// A symbol is read as its letter only in a word with a letter, next to a letter or digit, and not where it usually
/// means itself: "$100", "18+", "a+", "c#", "#judol", "@admin" (a handle unless the word has another symbol) and a
/// sentence's "mantap!" keep their meaning. E-mails and links are tokens before this runs.
/// </summary>
internal static class SymbolLetters
{
    private static readonly SearchValues<char> Candidates = SearchValues.Create("@$!|€+#(§∆¢×⭕○◯✝©®〽❌✖✔");

    /// <summary>The letter a symbol stands for, or '\0'. "()" and "|&lt;" are read as 'o' and 'k' by <see cref="Read"/>.</summary>
    public static char LetterFor(char symbol) => symbol switch
    {
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        '|' => 'l',
        '€' => 'e',
        '+' => 't',
        '#' => 'h',
        '§' => 's',
        '∆' => 'a',
        '¢' => 'c',
        '×' => 'x',
        '(' => 'c',
        '⭕' or '○' or '◯' => 'o',
        '✝' => 't',
        '©' => 'c',
        '®' => 'r',
        '〽' => 'm',
        '❌' or '✖' => 'x',
        '✔' => 'v',
        _ => '\0',
    };

    /// <summary>Cheap pre-check: most comments have none of the symbols.</summary>
    public static bool MayContain(ReadOnlySpan<char> text) => text.ContainsAny(Candidates);

    /// <summary>
    /// Rewrites symbols that stand for letters in place, marking the ')' of "()" as removed. Words that overlap
    /// <paramref name="isToken"/> (entities) are left alone, as are positions already removed (joined separators).
    /// </summary>
    /// <returns>Whether anything was read as a letter.</returns>
    public static bool Read(Span<char> text, Span<bool> removed, Func<int, int, bool> isToken)
    {
        var changed = false;
        var start = 0;
        while (start < text.Length)
        {
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            if (end > start && !isToken(start, end))
            {
                changed |= ReadWord(text, removed, start, end);
            }

            start = end;
        }

        return changed;
    }

    private static bool ReadWord(Span<char> text, Span<bool> removed, int start, int end)
    {
        // Some symbols at the edges of a word are themselves: "#judol", a sentence's "mantap!". The others are read
        // as letters there too: "$lot", "+idak", "bonu$", "slo+", "ole#", "@nj!ng" (a real "@admin" is a token).
        while (start < end && !char.IsLetterOrDigit(text[start]) && text[start] is not ('$' or '|' or '€' or '!' or '+' or '@' or '§' or '∆' or '¢' or '×' or '⭕' or '○' or '◯' or '✝' or '©' or '®' or '〽') && !IsPair(text, start, end))
        {
            start++;
        }

        var letters = 0;
        var symbols = 0;
        var disguised = false;
        for (var i = start; i < end; i++)
        {
            if (char.IsLetter(text[i]))
            {
                letters++;
            }
            else if (LetterFor(text[i]) != '\0' || IsPair(text, i, end))
            {
                symbols++;
                // "!" and the signs that are also themselves after a word ("Google®") count only between letters.
                disguised |= text[i] is not ('!' or '✝' or '©' or '®')
                    || i > start && i + 1 < end && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
            }
            else
            {
                disguised |= char.IsAsciiDigit(text[i]);
            }
        }

        // A final "!", "✝", "©" or "®" is a letter only in a word disguised elsewhere too ("m@xw!n!", "!n!", "f@gg⭕✝", but
        // not "mantap!!" or "Google®").
        while (end > start && !char.IsLetterOrDigit(text[end - 1])
            && !(text[end - 1] is '$' or '|' or '€' or '+' or '#' or '@' or '§' or '∆' or '¢' or '×' or '⭕' or '○' or '◯' or '〽'
                || end - 2 >= start && IsPair(text, end - 2, end)
                || text[end - 1] is '!' or '✝' or '©' or '®' && disguised))
        {
            symbols -= LetterFor(text[end - 1]) != '\0' ? 1 : 0;
            end--;
        }

        // At least one letter and two letters or symbols ("!n", "t()"); "$100" stays, and so do "a+", "c#".
        if (letters == 0 || letters + symbols < 2)
        {
            return false;
        }

        // Symbols next to symbols ("$|()+") are read once a neighbour has become a letter.
        var any = false;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = start; i < end; i++)
            {
                if (!removed[i] && TryRead(text, removed, start, end, i, twoCharacters: letters + symbols == 2))
                {
                    changed = any = true;
                }
            }
        }

        return any;
    }

    /// <summary>
    /// Whether the handle at <paramref name="at"/> (an '@') is a disguised word instead: preceded by a symbol that
    /// stands for a letter or holding another one ("$@ma", "|&lt;@mu", "@nj!ng", "@p@"). A final "!" does not count ("@budi!").
    /// </summary>
    public static bool IsDisguisedHandle(string text, int at)
    {
        if (at > 0 && !char.IsWhiteSpace(text[at - 1]) && (LetterFor(text[at - 1]) != '\0' || at > 1 && text[at - 2] == '|' && text[at - 1] == '<'))
        {
            return true; // "$@ma", "|<@mu"
        }

        var end = at + 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        while (end > at + 1 && text[end - 1] is '!' or '.' or ',' or '?')
        {
            end--;
        }

        return text.AsSpan(at + 1, end - at - 1).ContainsAny(Candidates);
    }

    /// <summary>"()" written for an 'o' ("g()cor") and "|&lt;" for a 'k' ("|&lt;amu"); a lone parenthesis is punctuation ("(mantap!)").</summary>
    private static bool IsPair(ReadOnlySpan<char> text, int i, int end) =>
        i + 1 < end && (text[i] == '(' && text[i + 1] == ')' || text[i] == '|' && text[i + 1] == '<');

    private static bool TryRead(Span<char> text, Span<bool> removed, int start, int end, int i, bool twoCharacters)
    {
        var width = IsPair(text, i, end) ? 2 : 1;
        var letter = width == 2 ? (text[i] == '(' ? 'o' : 'k') : LetterFor(text[i]);
        if (letter == '\0' || twoCharacters && letter is 't' or 'h')
        {
            return false;
        }

        // Next to a letter or a leetspeak digit ("jud0|"), and not a sign before an amount ("us$100", "€5").
        var before = i > start ? text[i - 1] : ' ';
        var after = i + width < end ? text[i + width] : ' ';
        if (!(char.IsLetterOrDigit(before) || char.IsLetterOrDigit(after)) || char.IsAsciiDigit(after) && text[i] is '$' or '€' or '¢')
        {
            return false;
        }

        // A lone parenthesis is a 'c' only between two letters ("ga(or"), not in "f(x" or "3(a".
        if (width == 1 && text[i] == '(' && !(char.IsLetter(before) && char.IsLetter(after)))
        {
            return false;
        }

        text[i] = letter;
        if (width == 2)
        {
            text[i + 1] = letter; // not written (removed), but a letter to the symbol after it
            removed[i + 1] = true;
        }

        return true;
    }
}
