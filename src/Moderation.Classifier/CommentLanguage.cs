using Moderation.Classifier.Normalization;
using Moderation.Classifier.Scoring;

namespace Moderation.Classifier;

/// <summary>The language a comment's function words point to, as the classifier routes it (<see cref="LanguageRoute"/>).</summary>
public static class CommentLanguage
{
    /// <summary>
    /// "id" when the comment has more Indonesian than English function words, "en" when it has more English ones, and
    /// null when neither has more (no function words among its words included).
    /// </summary>
    public static string? Guess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text).Text;
        var starts = new List<int>();
        var lengths = new List<int>();
        var start = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i == normalized.Length || normalized[i] == ' ')
            {
                if (i > start)
                {
                    starts.Add(start);
                    lengths.Add(i - start);
                }

                start = i + 1;
            }
        }

        var (indonesian, english) = LanguageHints.Shares(normalized, starts.ToArray(), lengths.ToArray());
        return LanguageRoute.IsIndonesian(indonesian, english) ? "id" : LanguageRoute.IsIndonesian(english, indonesian) ? "en" : null;
    }
}
