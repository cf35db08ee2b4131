using Microsoft.ML.Data;

namespace Moderation.Classifier.Scoring;

/// <summary>A training row of one head: the label, a row weight and the sparse feature vector (in the head's feature column).</summary>
internal sealed class FeatureRow
{
    public bool Label { get; set; }

    public float Weight { get; set; } = 1f;

    public VBuffer<float> Features { get; set; }
}
