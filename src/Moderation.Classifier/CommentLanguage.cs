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
        var (indonesian, english) = LanguageHints.Shares(TextNormalizer.Normalize(text).Text);
        return LanguageRoute.IsIndonesian(indonesian, english) ? "id" : english > indonesian ? "en" : null;
    }
}
