using System.Text.Json;
using System.Text.Json.Serialization;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Features;

namespace Moderation.Classifier;

/// <summary>
/// What a model file says about itself (the <c>manifest.json</c> entry next to the ML.NET heads): feature settings,
/// thresholds, the data it was trained on and how it measured.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The file format this code writes. Format 3 may hold Indonesian heads; it reads format 2 too.</summary>
    public const int CurrentFormat = 3;

    /// <summary>The oldest file format this code reads (format 2 is format 3 without Indonesian heads).</summary>
    public const int OldestReadableFormat = 2;

    /// <summary>The file format of this model.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>
    /// The <see cref="TextNormalizer.Version"/> the model was trained with; a model is scored only by the same one.
    /// Null in models written before it was recorded, which load as before.
    /// </summary>
    public int? NormalizerVersion { get; init; }

    /// <summary>When training finished (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The seed training used.</summary>
    public int Seed { get; init; }

    /// <summary>The trainer of the heads, in words.</summary>
    public string Trainer { get; init; } = string.Empty;

    /// <summary>How texts become feature vectors.</summary>
    public required FeatureSettings Features { get; init; }

    /// <summary>Whether each head scales the features by its label's naive-Bayes ratios (stored next to the heads).</summary>
    public bool NaiveBayesScaling { get; init; }

    /// <summary>The default Review/Reject thresholds per label, chosen on the validation split.</summary>
    public required ModelThresholds Thresholds { get; init; }

    /// <summary>How <see cref="Thresholds"/> were chosen, in words (what a "missed" positive means).</summary>
    public string ThresholdDefinition { get; init; } = string.Empty;

    /// <summary>The decision threshold per label (best F1 on the dev split) used for precision/recall/F1 in reports.</summary>
    public required IReadOnlyDictionary<string, float> DecisionThresholds { get; init; }

    /// <summary>The sources trained on, with row counts and licences.</summary>
    public IReadOnlyList<SourceInfo> Sources { get; init; } = [];

    /// <summary>Sources left out with <c>--exclude-source</c>.</summary>
    public IReadOnlyList<string> ExcludedSources { get; init; } = [];

    /// <summary>Metrics on the validation split as the author wrote it.</summary>
    public EvaluationReport? Validation { get; init; }

    /// <summary>Metrics on the obfuscated copy of the validation split.</summary>
    public EvaluationReport? ValidationObfuscated { get; init; }

    /// <summary>The Indonesian abuse and hate heads, when the model has them (null: every comment gets the pooled heads).</summary>
    public IndonesianHeadsInfo? IndonesianHeads { get; init; }

    /// <summary>The decision threshold of a label.</summary>
    public float DecisionThreshold(ModerationLabel label) =>
        DecisionThresholds.TryGetValue(LabelNames.Of(label), out var threshold) ? threshold : 0.5f;

    /// <summary>JSON settings for manifests and reports: camelCase, indented, NaN allowed (AUC of a one-class set).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}

/// <summary>
/// What a model's Indonesian heads are: a comment with more Indonesian than English function words is scored for
/// these labels by a blend of them and the pooled heads (EXPERIMENTS.md step 28).
/// </summary>
public sealed record IndonesianHeadsInfo
{
    /// <summary>The labels with an Indonesian head, in label order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The Indonesian head's share of an Indonesian comment's margin (the pooled head has the rest).</summary>
    public required float Weight { get; init; }

    /// <summary>How they were trained, in words.</summary>
    public string Trainer { get; init; } = string.Empty;
}
