namespace Moderation.Classifier.Scoring;

/// <summary>
/// Which abuse and hate heads score a comment, decided once in the featuriser (<see cref="Features.FeatureBuffer.Indonesian"/>)
/// so that training, evaluation and serving route exactly alike: the Indonesian heads when more of its words are
/// Indonesian than English function words (<see cref="Normalization.LanguageHints"/>). Ties, comments without
/// function words among them included, go to the pooled heads, which have seen both languages: the Indonesian heads
/// have never seen English abuse (EXPERIMENTS.md steps 15 and 18).
/// </summary>
internal static class LanguageRoute
{
    /// <summary>True when a comment with these shares of Indonesian and English function words goes to the Indonesian heads.</summary>
    public static bool IsIndonesian(float indonesianShare, float englishShare) => indonesianShare > englishShare;
}
