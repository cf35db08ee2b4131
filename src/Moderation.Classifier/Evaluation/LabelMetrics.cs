using System.Text.Json.Serialization;

namespace Moderation.Classifier.Evaluation;

/// <summary>How one label scores on a set of rows (those where the label is known), at one decision threshold.</summary>
public sealed record LabelMetrics(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("positives")] int Positives,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("auc")] double Auc,
    [property: JsonPropertyName("threshold")] double Threshold)
{
    /// <summary>
    /// The 95 % bootstrap interval of <see cref="F1"/> at this threshold (<see cref="MetricsCalculator.F1Interval"/>):
    /// how far the F1 of another sample of the same size could fall. Printed by <c>moderation eval</c>; not part of
    /// the JSON, whose shape DESIGN.md fixes.
    /// </summary>
    [JsonIgnore]
    public (double Low, double High)? F1Interval { get; init; }
}
