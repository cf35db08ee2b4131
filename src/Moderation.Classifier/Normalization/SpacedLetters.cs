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
}
