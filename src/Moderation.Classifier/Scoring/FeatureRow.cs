using Microsoft.ML.Data;

namespace Moderation.Classifier.Scoring;

/// <summary>The input row of the ML.NET heads: a label (training only) and the sparse feature vector.</summary>
internal sealed class FeatureRow
{
    public bool Label { get; set; }

    public float Weight { get; set; } = 1f;

    public VBuffer<float> Features { get; set; }
}
