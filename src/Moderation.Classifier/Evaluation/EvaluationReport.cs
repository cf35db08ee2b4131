using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Classifier.Evaluation;

/// <summary>
/// The result of <c>moderation eval</c> in the shape DESIGN.md documents:
/// <c>{"model": "...", "labels": {"spam": {...}, ...}, "sources": {"&lt;source&gt;": {"spam": {...}, ...}}}</c>.
/// </summary>
public sealed record EvaluationReport(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, LabelMetrics> Labels,
    [property: JsonPropertyName("sources")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, LabelMetrics>> Sources)
{
    private static readonly JsonSerializerOptions OneLine = new(ModelManifest.JsonOptions) { WriteIndented = false };

    /// <summary>The report as <c>moderation eval --json</c> prints it: one line, the documented keys only.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, OneLine);
}
