using System.Globalization;
using System.Text.RegularExpressions;

namespace Moderation.LoadTest;

/// <summary>
/// The figures the load tool reads from the replicas' <c>/metrics</c> (Prometheus text), summed over replicas:
/// batches scored, and the cumulative buckets of <c>moderation_batch_stage_seconds</c> per stage. Two scrapes around a
/// phase give that phase's batch size and where its batches spent their time.
/// </summary>
internal sealed partial class MetricsScrape
{
    const string StageHistogram = "moderation_batch_stage_seconds";

    public double BatchesScored { get; private set; }

    // Per stage: cumulative count per upper bound (le), the sum of seconds and the count of batches.
    readonly Dictionary<string, SortedDictionary<double, double>> _buckets = new(StringComparer.Ordinal);
    readonly Dictionary<string, (double Sum, double Count)> _totals = new(StringComparer.Ordinal);

    public void Add(string exposition)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith("moderation_scoring_duration_seconds_count", StringComparison.Ordinal))
            {
                BatchesScored += Value(line);
            }
            else if (line.StartsWith(StageHistogram, StringComparison.Ordinal) && StageLabel().Match(line) is { Success: true } stage)
            {
                var name = stage.Groups[1].Value;
                if (line.StartsWith(StageHistogram + "_bucket", StringComparison.Ordinal) && LeLabel().Match(line) is { Success: true } le)
                {
                    var bound = le.Groups[1].Value == "+Inf" ? double.PositiveInfinity : double.Parse(le.Groups[1].Value, CultureInfo.InvariantCulture);
                    var buckets = _buckets.TryGetValue(name, out var b) ? b : _buckets[name] = [];
                    buckets[bound] = buckets.GetValueOrDefault(bound) + Value(line);
                }
                else if (line.StartsWith(StageHistogram + "_sum", StringComparison.Ordinal))
                {
                    var (sum, count) = _totals.GetValueOrDefault(name);
                    _totals[name] = (sum + Value(line), count);
                }
                else if (line.StartsWith(StageHistogram + "_count", StringComparison.Ordinal))
                {
                    var (sum, count) = _totals.GetValueOrDefault(name);
                    _totals[name] = (sum, count + Value(line));
                }
            }
        }
    }

    /// <summary>
    /// Per stage, over the batches since <paramref name="before"/>: the mean time and the p99 as the upper bound of
    /// the bucket that holds it (so "≤ that many ms"; +Inf is reported as the largest finite bound).
    /// </summary>
    public Dictionary<string, (double MeanMs, double P99Ms)> StagesSince(MetricsScrape before)
    {
        var stages = new Dictionary<string, (double MeanMs, double P99Ms)>(StringComparer.Ordinal);
        foreach (var (stage, (sum, count)) in _totals)
        {
            var (sumBefore, countBefore) = before._totals.GetValueOrDefault(stage);
            var batches = count - countBefore;
            if (batches <= 0)
            {
                continue;
            }

            var p99 = double.NaN;
            var bucketsBefore = before._buckets.GetValueOrDefault(stage) ?? [];
            foreach (var (bound, cumulative) in _buckets[stage])
            {
                if (cumulative - bucketsBefore.GetValueOrDefault(bound) >= 0.99 * batches)
                {
                    p99 = double.IsPositiveInfinity(bound) ? _buckets[stage].Keys.Where(double.IsFinite).Max() : bound;
                    break;
                }
            }

            stages[stage] = ((sum - sumBefore) / batches * 1000, p99 * 1000);
        }

        return stages;
    }

    static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    [GeneratedRegex("stage=\"([a-z]+)\"")]
    private static partial Regex StageLabel();

    [GeneratedRegex("le=\"([^\"]+)\"")]
    private static partial Regex LeLabel();
}
