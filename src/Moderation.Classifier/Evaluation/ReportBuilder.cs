using Moderation.Classifier.Data;

namespace Moderation.Classifier.Evaluation;

/// <summary>Builds the per-label and per-source report from scored rows.</summary>
public static class ReportBuilder
{
    /// <summary>Metrics per label over all rows and per source, each label on the rows where it is known.</summary>
    public static EvaluationReport Build(string model, IReadOnlyList<LabelledComment> rows, IReadOnlyList<LabelScores> scores, IReadOnlyDictionary<string, float> decisionThresholds)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(decisionThresholds);
        var labels = ForRows(Enumerable.Range(0, rows.Count).ToList(), rows, scores, decisionThresholds);
        var sources = rows.Select((row, i) => (row.Source, i)).GroupBy(pair => pair.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ForRows(g.Select(pair => pair.i).ToList(), rows, scores, decisionThresholds), StringComparer.Ordinal);
        return new EvaluationReport(model, labels, sources.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, LabelMetrics>)pair.Value, StringComparer.Ordinal));
    }

    private static Dictionary<string, LabelMetrics> ForRows(List<int> indices, IReadOnlyList<LabelledComment> rows, IReadOnlyList<LabelScores> scores, IReadOnlyDictionary<string, float> decisionThresholds)
    {
        var result = new Dictionary<string, LabelMetrics>(StringComparer.Ordinal);
        foreach (var label in LabelNames.All)
        {
            var known = indices.Where(i => rows[i][label] is not null).ToList();
            if (known.Count == 0)
            {
                continue;
            }

            var name = LabelNames.Of(label);
            result[name] = MetricsCalculator.Compute(
                known.Select(i => scores[i][label]).ToList(),
                known.Select(i => rows[i][label] == true).ToList(),
                decisionThresholds.TryGetValue(name, out var threshold) ? threshold : 0.5f,
                withF1Interval: true);
        }

        return result;
    }
}
