using Microsoft.ML.Data;

namespace Moderation.Classifier.Scoring;

/// <summary>
/// The input row of the heads chain at serving time: the shared feature vector, and per label the vector scaled by
/// that label's naive-Bayes ratios (empty when the model does not scale features).
/// </summary>
internal sealed class ScoringRow
{
    public VBuffer<float> Features { get; set; }

    public VBuffer<float> SpamFeatures { get; set; }

    public VBuffer<float> AbuseFeatures { get; set; }

    public VBuffer<float> HateFeatures { get; set; }
}
