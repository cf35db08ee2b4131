namespace Moderation.Classifier.Normalization;

/// <summary>
/// Digits written for letters ("g4c0r", "m4xw1n", "s4y4", "4nj1ng", "ba6us"). A word that mixes letters and digits is
/// read as leetspeak unless it has the shape of an ordinary token: a number with a short unit ("35rb", "2gb",
/// "5menit"), a name with a number ("covid19", "mp3"), a price ("rp35rb").
/// </summary>
internal static class Leetspeak
{
    private static readonly string[] Units =
        ["menit", "jam", "hari", "minggu", "bulan", "tahun", "detik", "ribu", "juta", "kali", "orang", "buah", "lembar"];

    /// <summary>The letter a digit stands for, or '\0'.</summary>
    public static char LetterFor(char digit) => digit switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '6' => 'g',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => '\0',
    };

    /// <summary>Rewrites the digits of a lower-case word in place where they stand for letters.</summary>
    public static void Rewrite(Span<char> word)
    {
        var letters = 0;
        var digits = 0;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters++;
            }
            else if (char.IsAsciiDigit(c))
            {
                if (LetterFor(c) == '\0')
                {
                    return; // "h2o", "b2b": not leetspeak.
                }

                digits++;
            }
        }

        if (letters == 0 || digits == 0 || word.StartsWith("rp"))
        {
            return;
        }

        var leading = 0;
        while (leading < word.Length && char.IsAsciiDigit(word[leading]))
        {
            leading++;
        }

        var trailing = 0;
        while (trailing < word.Length && char.IsAsciiDigit(word[word.Length - 1 - trailing]))
        {
            trailing++;
        }

        var interior = digits - leading - trailing;
        if (interior == 0)
        {
            if (leading > 0 && trailing == 0 && (letters <= 3 || IsUnit(word[leading..])))
            {
                return; // "1gb", "4g", "35rb", "5menit"
            }

            if (trailing > 0 && leading == 0 && (trailing >= 2 || letters <= 2))
            {
                return; // "covid19", "weton88", "mp3"
            }
        }

        for (var i = 0; i < word.Length; i++)
        {
            var inLeading = i < leading;
            var inTrailing = i >= word.Length - trailing;
            if (char.IsAsciiDigit(word[i]) && (inLeading ? leading == 1 : !inTrailing || trailing == 1))
            {
                word[i] = LetterFor(word[i]);
            }
        }
    }

    private static bool IsUnit(ReadOnlySpan<char> suffix)
    {
        foreach (var unit in Units)
        {
            if (suffix.SequenceEqual(unit))
            {
                return true;
            }
        }

        return false;
    }
}
