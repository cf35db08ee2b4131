using System.Text.RegularExpressions;

namespace Moderation.Classifier.Normalization;

/// <summary>
/// Words written with a separator between every letter ("g a c o r", "s.l.o.t", "g-4-c-0-r"). A run of at
/// least three single letters or digits with the same separator between each is one word.
/// </summary>
internal static partial class SpacedLetters
{
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[\p{L}\p{N}](?<sep>[ .\-_*|/+~·•,:]{1,2})[\p{L}\p{N}](?:\k<sep>[\p{L}\p{N}])+(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    public static partial Regex Run();

    /// <summary>Cheap pre-check for the pattern: a lone letter or digit, a separator, and another lone one within two characters.</summary>
    public static bool MayContainRun(string text)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && !char.IsLetterOrDigit(text[i + 1])
                && (char.IsLetterOrDigit(text[i + 2]) ? i + 3 >= text.Length || !char.IsLetterOrDigit(text[i + 3])
                    : i + 3 < text.Length && char.IsLetterOrDigit(text[i + 3]) && (i + 4 >= text.Length || !char.IsLetterOrDigit(text[i + 4]))))
            {
                return true;
            }
        }

        return false;
    }
}
