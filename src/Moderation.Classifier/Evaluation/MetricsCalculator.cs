namespace Moderation.Classifier.Evaluation;

/// <summary>Precision, recall, F1 and ROC-AUC from scores and labels, plus the threshold searches training uses.</summary>
public static class MetricsCalculator
{
    /// <summary>
    /// Metrics of scores against labels at <paramref name="threshold"/> (score ≥ threshold is positive); with
    /// <paramref name="withF1Interval"/>, also the bootstrap interval of F1.
    /// </summary>
    public static LabelMetrics Compute(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, double threshold, bool withF1Interval = false)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        int tp = 0, fp = 0, fn = 0, positives = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            positives += labels[i] ? 1 : 0;
            tp += predicted && labels[i] ? 1 : 0;
            fp += predicted && !labels[i] ? 1 : 0;
            fn += !predicted && labels[i] ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new LabelMetrics(scores.Count, positives, Round(precision), Round(recall), Round(f1), Round(Auc(scores, labels)), Round(threshold))
        {
            F1Interval = withF1Interval ? F1Interval(tp, fp, fn, scores.Count - tp - fp - fn) : null,
        };
    }

    /// <summary>Bootstrap draws behind <see cref="F1Interval"/> by default.</summary>
    public const int IntervalDraws = 2000;

    /// <summary>The seed of <see cref="F1Interval"/> by default: the same rows give the same interval.</summary>
    public const int IntervalSeed = 7;

    /// <summary>
    /// The central 95 % of F1 over <paramref name="draws"/> bootstrap resamples of the rows (with replacement, same
    /// size), at the fixed threshold that gave the confusion counts. F1 depends on nothing else, so a resample is a
    /// multinomial draw of the four counts, taken as three binomials: its cost does not grow with the rows. A fixed
    /// seed makes the interval repeatable.
    /// </summary>
    public static (double Low, double High) F1Interval(int truePositives, int falsePositives, int falseNegatives, int trueNegatives, int draws = IntervalDraws, int seed = IntervalSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(truePositives);
        ArgumentOutOfRangeException.ThrowIfNegative(falsePositives);
        ArgumentOutOfRangeException.ThrowIfNegative(falseNegatives);
        ArgumentOutOfRangeException.ThrowIfNegative(trueNegatives);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        var n = truePositives + falsePositives + falseNegatives + trueNegatives;
        if (n == 0)
        {
            return (0, 0);
        }

        var random = new Random(seed);
        var f1 = new double[draws];
        for (var d = 0; d < draws; d++)
        {
            var tp = Binomial(random, n, (double)truePositives / n);
            var fp = Binomial(random, n - tp, (double)falsePositives / Math.Max(1, n - truePositives));
            var fn = Binomial(random, n - tp - fp, (double)falseNegatives / Math.Max(1, n - truePositives - falsePositives));
            f1[d] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        Array.Sort(f1);
        return (Round(Percentile(f1, 0.025)), Round(Percentile(f1, 0.975)));
    }

    /// <summary>
    /// A Binomial(n, p) draw: exact by geometric waiting times while n·p is small (Devroye 1986, X.4.3; at most about
    /// 40 steps), else the normal approximation, whose error is far below what moves a 95 % interval of F1.
    /// </summary>
    private static int Binomial(Random random, int n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        var q = Math.Min(p, 1 - p);
        int k;
        if (n * q < 40)
        {
            k = 0;
            var position = 0.0;
            var logMiss = Math.Log(1 - q);
            while ((position += Math.Floor(Math.Log(1 - random.NextDouble()) / logMiss) + 1) <= n)
            {
                k++;
            }
        }
        else
        {
            // Box–Muller.
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            k = Math.Clamp((int)Math.Round(n * q + z * Math.Sqrt(n * q * (1 - q))), 0, n);
        }

        return q == p ? k : n - k;
    }

    /// <summary>Linear interpolation between the closest ranks of sorted values (numpy's default).</summary>
    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>ROC-AUC by the rank-sum formula, ties counted half.</summary>
    public static double Auc(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = 0, negatives = 0, rankSum = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                j++;
            }

            var averageRank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (labels[order[k]])
                {
                    positives++;
                    rankSum += averageRank;
                }
                else
                {
                    negatives++;
                }
            }

            i = j;
        }

        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>The threshold with the best F1 (ties: the higher threshold).</summary>
    public static float BestF1Threshold(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var (sorted, totalPositives) = SortDescending(scores, labels);
        double tp = 0, fp = 0, bestF1 = -1;
        var best = 0.5f;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Label)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i + 1 < sorted.Length && sorted[i + 1].Score == sorted[i].Score)
            {
                continue;
            }

            var f1 = 2 * tp / (tp + fp + totalPositives);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = sorted[i].Score;
            }
        }

        return best;
    }

    /// <summary>
    /// The threshold with the best mean F1 over the sources (one threshold for all): a pooled F1 would let the
    /// largest source decide for the small ones. Candidates are a fine grid of probabilities.
    /// </summary>
    public static float BestMeanF1Threshold(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, IReadOnlyList<string> sources) =>
        BestMeanF1(scores, labels, sources).Threshold;

    /// <summary>
    /// The lowest threshold at which at most <paramref name="maxRate"/> of <paramref name="negativeScores"/> score at or
    /// above it (0 when the budget covers them all).
    /// </summary>
    public static float LowestThresholdFlagging(IReadOnlyList<float> negativeScores, double maxRate)
    {
        ArgumentNullException.ThrowIfNull(negativeScores);
        var allowed = (int)Math.Floor(maxRate * negativeScores.Count);
        if (allowed >= negativeScores.Count)
        {
            return 0f;
        }

        // Just above the first score that must not be flagged (ties with it are not flagged either).
        var sorted = negativeScores.OrderDescending().ToList();
        return MathF.BitIncrement(sorted[allowed]);
    }

    /// <summary>The threshold with the best mean F1 over the sources, and that mean F1.</summary>
    public static (float Threshold, double MeanF1) BestMeanF1(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sources);
        const int Steps = 1000;
        var sourceNames = sources.Distinct().ToList();
        var sourceOf = sources.Select(s => sourceNames.IndexOf(s)).ToArray();

        // Per source and grid step: positives and negatives scored in that step; then cumulative counts from the top.
        var positives = new int[sourceNames.Count, Steps + 1];
        var negatives = new int[sourceNames.Count, Steps + 1];
        var totalPositives = new int[sourceNames.Count];
        for (var i = 0; i < scores.Count; i++)
        {
            var step = Math.Clamp((int)MathF.Floor(scores[i] * Steps), 0, Steps);
            if (labels[i])
            {
                positives[sourceOf[i], step]++;
                totalPositives[sourceOf[i]]++;
            }
            else
            {
                negatives[sourceOf[i], step]++;
            }
        }

        var tp = new int[sourceNames.Count];
        var fp = new int[sourceNames.Count];
        var best = 0.5f;
        var bestMean = -1.0;
        for (var step = Steps; step >= 1; step--)
        {
            var mean = 0.0;
            for (var s = 0; s < sourceNames.Count; s++)
            {
                tp[s] += positives[s, step];
                fp[s] += negatives[s, step];
                mean += tp[s] == 0 ? 0.0 : 2.0 * tp[s] / (tp[s] + fp[s] + totalPositives[s]);
            }

            mean /= Math.Max(1, sourceNames.Count);

            // Scores at or above step / Steps are positive; on ties the higher threshold wins.
            if (mean > bestMean)
            {
                (best, bestMean) = (step / (float)Steps, mean);
            }
        }

        return (best, bestMean);
    }

    /// <summary>
    /// The lowest threshold whose auto-reject set (rows scored at or above it) has precision ≥ <paramref name="precision"/>
    /// and at least <paramref name="minimumPositives"/> true positives; 1 (never) when none does.
    /// </summary>
    public static float PrecisionThreshold(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, double precision, int minimumPositives = 10)
    {
        var (sorted, _) = SortDescending(scores, labels);
        double tp = 0, fp = 0;
        var threshold = 1f;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Label)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i + 1 < sorted.Length && sorted[i + 1].Score == sorted[i].Score)
            {
                continue;
            }

            // The whole curve is scanned: one unlucky row near the top must not stop the search.
            if (tp / (tp + fp) >= precision && tp >= minimumPositives)
            {
                threshold = sorted[i].Score;
            }
        }

        return threshold;
    }

    /// <summary>The highest threshold that still catches at least <paramref name="recall"/> of the positives.</summary>
    public static float RecallThreshold(IReadOnlyList<float> scores, IReadOnlyList<bool> labels, double recall)
    {
        var (sorted, totalPositives) = SortDescending(scores, labels);
        double tp = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            tp += sorted[i].Label ? 1 : 0;
            if (tp >= recall * totalPositives && (i + 1 == sorted.Length || sorted[i + 1].Score != sorted[i].Score))
            {
                return sorted[i].Score;
            }
        }

        return 0f;
    }

    private static ((float Score, bool Label)[] Sorted, int Positives) SortDescending(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var sorted = scores.Select((score, i) => (Score: score, Label: labels[i])).OrderByDescending(pair => pair.Score).ToArray();
        return (sorted, sorted.Count(pair => pair.Label));
    }

    private static double Round(double value) => double.IsNaN(value) ? value : Math.Round(value, 4);
}
