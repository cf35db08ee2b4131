using System.Text;

namespace Moderation.Classifier.Evaluation;

/// <summary>
/// Rewrites comments the way gambling promoters disguise them, to test that the classifier is not fooled.
/// Deterministic: the same text, kind and seed always give the same rewrite.
/// </summary>
public static class ObfuscationRewriter
{
    // (capital A, small a, digit 0) code points of styled alphabets without gaps; -1 where the alphabet has none.
    private static readonly (int Capital, int Small, int Digit)[] Alphabets =
    [
        (0x1D400, 0x1D41A, 0x1D7CE), // bold
        (0x1D468, 0x1D482, -1), // bold italic
        (0x1D4D0, 0x1D4EA, -1), // bold script
        (0x1D56C, 0x1D586, -1), // bold fraktur
        (0x1D538, 0x1D552, 0x1D7D8), // double-struck (capital gaps filled from letterlike symbols)
        (0x1D5A0, 0x1D5BA, 0x1D7E2), // sans-serif
        (0x1D5D4, 0x1D5EE, 0x1D7EC), // sans-serif bold
        (0x1D608, 0x1D622, -1), // sans-serif italic
        (0x1D63C, 0x1D656, -1), // sans-serif bold italic
        (0x1D670, 0x1D68A, 0x1D7F6), // monospace
        (0xFF21, 0xFF41, 0xFF10), // fullwidth
        (0x24B6, 0x24D0, -1), // circled
        (0x1F170, 0x1F170, -1), // negative squared (capitals only)
        (0x1F130, 0x1F130, -1), // squared (capitals only)
    ];

    private static readonly Dictionary<char, int> DoubleStruckGaps = new()
    {
        ['C'] = 0x2102, ['H'] = 0x210D, ['N'] = 0x2115, ['P'] = 0x2119, ['Q'] = 0x211A, ['R'] = 0x211D, ['Z'] = 0x2124,
    };

    private static readonly Dictionary<char, string> Lookalikes = new()
    {
        ['a'] = "аα", ['c'] = "сϲ", ['e'] = "еε", ['o'] = "оο", ['p'] = "рρ", ['x'] = "хχ", ['y'] = "уγ", ['i'] = "іι",
        ['s'] = "ѕ", ['j'] = "ј", ['k'] = "κ", ['v'] = "ν", ['h'] = "һ", ['d'] = "ԁ", ['w'] = "ԝ",
        ['A'] = "АΑ", ['B'] = "ВΒ", ['C'] = "С", ['E'] = "ЕΕ", ['H'] = "НΗ", ['I'] = "ІΙ", ['K'] = "КΚ", ['M'] = "МΜ",
        ['N'] = "Ν", ['O'] = "ОΟ", ['P'] = "РΡ", ['T'] = "ТΤ", ['X'] = "ХΧ", ['Y'] = "УΥ", ['Z'] = "Ζ", ['S'] = "Ѕ", ['J'] = "Ј",
    };

    private static readonly Dictionary<char, char> Leet = new()
    {
        ['a'] = '4', ['e'] = '3', ['i'] = '1', ['o'] = '0', ['s'] = '5', ['t'] = '7', ['g'] = '9', ['b'] = '8',
    };

    private static readonly string[] Separators = [" ", ".", "-", "_", "*", "·", ". ", "|"];
    private static readonly string[] ZeroWidth = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];
    private static readonly ObfuscationKind[] Kinds =
        [ObfuscationKind.Styled, ObfuscationKind.Lookalike, ObfuscationKind.Leet, ObfuscationKind.Split, ObfuscationKind.ZeroWidth, ObfuscationKind.Stretch];

    // The held-out family (ObfuscationKind.Unseen): written apart from the tables above and never used for training
    // copies, so that `eval --obfuscate unseen` measures disguises the heads have not seen.
    private static readonly ObfuscationKind[] UnseenKinds =
    [
        ObfuscationKind.SymbolLeet, ObfuscationKind.OtherStyles, ObfuscationKind.OtherLookalikes, ObfuscationKind.Combining,
        ObfuscationKind.PartialSplit, ObfuscationKind.ConsonantStretch, ObfuscationKind.OtherInvisible,
    ];

    // Per style, what 'a'..'z' become (capitals are written with the same letters: several styles have no capitals).
    private static readonly string[][] OtherAlphabets =
    [
        Letters(0x1D44E, new() { ['h'] = 0x210E }), // italic 𝑔𝑎𝑐𝑜𝑟
        Letters(0x1D4B6, new() { ['e'] = 0x212F, ['g'] = 0x210A, ['o'] = 0x2134 }), // script 𝒸𝒶𝓈𝒾𝓃ℴ
        Letters(0x1D51E, []), // fraktur 𝔤𝔞𝔠𝔬𝔯
        Letters(0x249C, []), // parenthesised ⒢⒜⒞⒪⒭
        Letters(0x1F150, []), // negative circled 🅖🅐🅒🅞🅡
        [.. "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ".Select(c => c.ToString())], // small capitals
        [.. "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖqʳˢᵗᵘᵛʷˣʸᶻ".Select(c => c.ToString())], // superscript (no q)
    ];

    private static readonly Dictionary<char, string[]> OtherLookalikeLetters = new()
    {
        ['a'] = ["á", "à", "ä", "â", "ɑ", "Ꭺ"], ['b'] = ["Ᏼ"], ['c'] = ["ç", "Ꮯ"], ['d'] = ["đ"], ['e'] = ["é", "è", "ê", "ë", "Ꭼ"],
        ['g'] = ["ğ"], ['h'] = ["հ", "Ꮋ"], ['i'] = ["í", "ï", "ı", "ì"], ['j'] = ["Ꭻ"], ['k'] = ["Ꮶ"], ['l'] = ["Ꮮ"], ['m'] = ["Ꮇ"],
        ['n'] = ["ո", "ñ"], ['o'] = ["օ", "ø", "ö", "ó"], ['p'] = ["Ꮲ"], ['r'] = ["ř"], ['s'] = ["Ꮪ"], ['t'] = ["Ꭲ"],
        ['u'] = ["ս", "ü", "ú"], ['v'] = ["Ꮩ"], ['w'] = ["Ꮃ"], ['y'] = ["ý", "ÿ"], ['z'] = ["Ꮓ"],
    };

    private static readonly Dictionary<char, string> SymbolsForLetters = new()
    {
        ['a'] = "@", ['s'] = "$", ['i'] = "!", ['l'] = "|", ['e'] = "€", ['o'] = "()", ['t'] = "+", ['h'] = "#",
    };

    private static readonly string[] WordBreaks = [" ", ".", "-", "_", "'", "/", "~", ","];
    private static readonly string[] OtherInvisibles = ["\u00AD", "\u2063", "\u2062", "\u2061", "\u180E", "\uFE0F", "\u034F"];

    /// <summary>Rewrites a text with one kind of obfuscation; the seed (for example a hash of the row id) fixes the choices.</summary>
    public static string Rewrite(string text, ObfuscationKind kind, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var random = new Random(seed);
        if (kind == ObfuscationKind.Mixed)
        {
            var first = Kinds[random.Next(Kinds.Length)];
            var second = Kinds[random.Next(Kinds.Length)];
            var once = RewriteWords(text, first, random, 0.7);
            return second == first || second == ObfuscationKind.Split ? once : RewriteWords(once, second, random, 0.5);
        }

        if (kind == ObfuscationKind.Unseen)
        {
            // Word-shape changes (breaks, stretches) first, so that the letter changes then reach the new pieces too.
            var first = UnseenKinds[random.Next(UnseenKinds.Length)];
            var second = UnseenKinds[random.Next(UnseenKinds.Length)];
            if (second is ObfuscationKind.PartialSplit or ObfuscationKind.ConsonantStretch)
            {
                (first, second) = (second, first);
            }

            var once = RewriteWords(text, first, random, 0.7);
            return second == first ? once : RewriteWords(once, second, random, 0.5);
        }

        return RewriteWords(text, kind, random, 0.8);
    }

    /// <summary>
    /// The text with the later vowels of most words of four letters or more dropped ("gacor" → "gcr", "bodoh" →
    /// "bdh"), as chat writes them. For training copies only: no eval kind uses it, so the blind vowel-dropping check
    /// (EXPERIMENTS.md step 21) measures the copies, not the same code twice.
    /// </summary>
    public static string DropVowels(string text, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var random = new Random(seed);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var end = i;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                end++;
            }

            if (end == i)
            {
                builder.Append(text[i++]);
                continue;
            }

            var drop = end - i >= 4 && random.NextDouble() < 0.7;
            builder.Append(text[i]);
            for (var k = i + 1; k < end; k++)
            {
                if (!drop || char.ToLowerInvariant(text[k]) is not ('a' or 'e' or 'i' or 'o' or 'u'))
                {
                    builder.Append(text[k]);
                }
            }

            i = end;
        }

        return builder.ToString();
    }

    /// <summary>Writes every letter and digit of a text in one styled alphabet, chosen by the seed (the "fancy font" test).</summary>
    public static string StyleAll(string text, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var alphabet = Alphabets[new Random(seed).Next(Alphabets.Length)];
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            builder.Append(Style(c, alphabet));
        }

        return builder.ToString();
    }

    /// <summary>A stable seed from a row id and a run seed.</summary>
    public static int SeedFor(string id, int seed)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static string RewriteWords(string text, ObfuscationKind kind, Random random, double share)
    {
        var builder = new StringBuilder(text.Length * 2);
        var alphabet = Alphabets[random.Next(Alphabets.Length)];
        var separator = Separators[random.Next(Separators.Length)];
        var unseen = Array.IndexOf(UnseenKinds, kind) >= 0;
        var otherAlphabet = unseen ? OtherAlphabets[random.Next(OtherAlphabets.Length)] : [];
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var word = text[start..i];
            var letters = word.Count(char.IsAsciiLetter);
            builder.Append(letters >= 2 && random.NextDouble() < share
                ? unseen ? RewriteUnseen(word, kind, random, otherAlphabet) : RewriteWord(word, kind, random, alphabet, separator)
                : word);
            if (i < text.Length)
            {
                builder.Append(text[i]);
            }

            start = i + 1;
        }

        return builder.ToString();
    }

    private static string RewriteWord(string word, ObfuscationKind kind, Random random, (int Capital, int Small, int Digit) alphabet, string separator)
    {
        var builder = new StringBuilder(word.Length * 3);
        switch (kind)
        {
            case ObfuscationKind.Styled:
                foreach (var c in word)
                {
                    builder.Append(Style(c, alphabet));
                }

                break;
            case ObfuscationKind.Lookalike:
                foreach (var c in word)
                {
                    builder.Append(Lookalikes.TryGetValue(c, out var options) && random.NextDouble() < 0.6 ? options[random.Next(options.Length)] : c);
                }

                break;
            case ObfuscationKind.Leet:
                foreach (var c in word)
                {
                    builder.Append(Leet.TryGetValue(char.ToLowerInvariant(c), out var digit) && random.NextDouble() < 0.7 ? digit : c);
                }

                break;
            case ObfuscationKind.Split:
                for (var i = 0; i < word.Length; i++)
                {
                    builder.Append(word[i]);
                    if (i + 1 < word.Length && char.IsLetterOrDigit(word[i]) && char.IsLetterOrDigit(word[i + 1]))
                    {
                        builder.Append(separator);
                    }
                }

                break;
            case ObfuscationKind.ZeroWidth:
                InsertInvisibles(builder, word, random, ZeroWidth);
                break;
            case ObfuscationKind.Stretch:
                var stretched = false;
                foreach (var c in word)
                {
                    builder.Append(c);
                    if (!stretched && "aiueoAIUEO".Contains(c, StringComparison.Ordinal) && random.NextDouble() < 0.6)
                    {
                        builder.Append(c, random.Next(2, 6));
                        stretched = true;
                    }
                }

                break;
            default:
                builder.Append(word);
                break;
        }

        return builder.ToString();
    }

    private static string RewriteUnseen(string word, ObfuscationKind kind, Random random, string[] alphabet)
    {
        var builder = new StringBuilder(word.Length * 4);
        switch (kind)
        {
            case ObfuscationKind.SymbolLeet:
                foreach (var c in word)
                {
                    builder.Append(SymbolsForLetters.TryGetValue(char.ToLowerInvariant(c), out var symbol) && random.NextDouble() < 0.6 ? symbol : c.ToString());
                }

                break;
            case ObfuscationKind.OtherStyles:
                foreach (var c in word)
                {
                    builder.Append(char.IsAsciiLetter(c) ? alphabet[char.ToLowerInvariant(c) - 'a'] : c.ToString());
                }

                break;
            case ObfuscationKind.OtherLookalikes:
                foreach (var c in word)
                {
                    builder.Append(OtherLookalikeLetters.TryGetValue(char.ToLowerInvariant(c), out var options) && random.NextDouble() < 0.6 ? options[random.Next(options.Length)] : c.ToString());
                }

                break;
            case ObfuscationKind.Combining:
                foreach (var c in word)
                {
                    builder.Append(c);
                    for (var marks = char.IsLetter(c) && random.NextDouble() < 0.6 ? random.Next(1, 4) : 0; marks > 0; marks--)
                    {
                        builder.Append((char)random.Next(0x0300, 0x0370));
                    }
                }

                break;
            case ObfuscationKind.PartialSplit:
                // One break, two in a long word, each between two letters: "gac.or", "max win".
                var breaks = new SortedSet<int>();
                for (var tries = word.Length >= 7 ? 2 : 1; tries > 0 && word.Length >= 4; tries--)
                {
                    var at = random.Next(1, word.Length);
                    if (char.IsLetterOrDigit(word[at - 1]) && char.IsLetterOrDigit(word[at]))
                    {
                        breaks.Add(at);
                    }
                }

                var mark = WordBreaks[random.Next(WordBreaks.Length)];
                for (var i = 0; i < word.Length; i++)
                {
                    builder.Append(breaks.Contains(i) ? mark : string.Empty).Append(word[i]);
                }

                break;
            case ObfuscationKind.ConsonantStretch:
                var last = word.Length - 1;
                while (last >= 0 && !(char.IsAsciiLetter(word[last]) && !"aiueoAIUEO".Contains(word[last], StringComparison.Ordinal)))
                {
                    last--;
                }

                builder.Append(word);
                if (last >= 0)
                {
                    builder.Insert(last, word[last].ToString(), random.Next(2, 5));
                }

                break;
            case ObfuscationKind.OtherInvisible:
                InsertInvisibles(builder, word, random, OtherInvisibles);
                break;
            default:
                builder.Append(word);
                break;
        }

        return builder.ToString();
    }

    /// <summary>Writes a word with one of <paramref name="invisibles"/> after about half of its characters but the last.</summary>
    private static void InsertInvisibles(StringBuilder builder, string word, Random random, string[] invisibles)
    {
        for (var i = 0; i < word.Length; i++)
        {
            builder.Append(word[i]);
            if (i + 1 < word.Length && random.NextDouble() < 0.5)
            {
                builder.Append(invisibles[random.Next(invisibles.Length)]);
            }
        }
    }

    private static string[] Letters(int small, Dictionary<char, int> gaps) =>
        [.. Enumerable.Range(0, 26).Select(i => char.ConvertFromUtf32(gaps.TryGetValue((char)('a' + i), out var gap) ? gap : small + i))];

    private static string Style(char c, (int Capital, int Small, int Digit) alphabet)
    {
        if (char.IsAsciiLetterUpper(c))
        {
            return alphabet.Capital == 0x1D538 && DoubleStruckGaps.TryGetValue(c, out var gap)
                ? char.ConvertFromUtf32(gap)
                : char.ConvertFromUtf32(alphabet.Capital + (c - 'A'));
        }

        if (char.IsAsciiLetterLower(c))
        {
            // Capital-only alphabets write small letters as capitals.
            return char.ConvertFromUtf32(alphabet.Small + (c - 'a'));
        }

        return char.IsAsciiDigit(c) && alphabet.Digit >= 0 ? char.ConvertFromUtf32(alphabet.Digit + (c - '0')) : c.ToString();
    }
}
