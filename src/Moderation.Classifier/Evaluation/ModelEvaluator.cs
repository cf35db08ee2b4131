using Moderation.Classifier.Data;

namespace Moderation.Classifier.Evaluation;

/// <summary>Scores labelled rows with a loaded model (through the serving path) and builds the report.</summary>
public static class ModelEvaluator
{
    /// <summary>The seed of the obfuscated copies; the same as training's, so reports agree.</summary>
    public const int ObfuscationSeed = 7;

    /// <summary>Evaluates <paramref name="model"/> on <paramref name="rows"/>, optionally rewritten with <paramref name="obfuscation"/>.</summary>
    public static EvaluationReport Evaluate(ModerationModel model, IReadOnlyList<LabelledComment> rows, ObfuscationKind? obfuscation = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var scores = new LabelScores[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            var text = obfuscation is { } kind
                ? ObfuscationRewriter.Rewrite(rows[i].Text, kind, ObfuscationRewriter.SeedFor(rows[i].Id, ObfuscationSeed))
                : rows[i].Text;
            scores[i] = model.Score(text);
        });
        var thresholds = LabelNames.All.ToDictionary(LabelNames.Of, model.Manifest.DecisionThreshold);
        return ReportBuilder.Build(model.Version, rows, scores, thresholds);
    }

    /// <summary>The rows of one split.</summary>
    public static IReadOnlyList<LabelledComment> InSplit(IEnumerable<LabelledComment> rows, DatasetSplit split) =>
        rows.Where(row => DatasetSplits.Of(row.Id) == split).ToList();
}
