using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;

namespace Moderation.Classifier.Training;

/// <summary>
/// Chooses the default Review/Reject thresholds from scored labelled rows (the validation split).
/// </summary>
/// <remarks>
/// Reject: per label, the lowest threshold at which at least 99 % of the rows scored at or above it are positives.
/// Review: a positive of a label counts as missed only when the whole comment would be auto-approved, i.e. every
/// one of the three scores is below its Review threshold (hate is a subset of abuse, so the abuse head already
/// holds most hate, and a spam head may hold an abusive comment). The thresholds are chosen in order: spam as high
/// as possible with at most 1 % of spam positives missed (abuse and hate holding nothing yet), then abuse as high as
/// possible with at most 1 % of abuse positives missed by the spam and abuse heads, then hate as high as possible with
/// at most 1 % of hate positives missed by all three. A Review threshold never exceeds its Reject
/// threshold.
/// </remarks>
public static class ThresholdChooser
{
    /// <summary>The share of a label's positives that auto-approval may miss.</summary>
    public const double MaxMissRate = 0.01;

    /// <summary>The precision auto-reject must have.</summary>
    public const double RejectPrecision = 0.99;

    /// <summary>The definition above in one sentence, stored in every model manifest.</summary>
    public const string Definition =
        "Reject: lowest score with precision >= 99% on validation. Review: a positive counts as missed only if the whole comment would be auto-approved (all three scores below their Review thresholds); " +
        "chosen in order spam, abuse, hate, each as high as possible with <= 1% of that label's validation positives missed given the thresholds already chosen; Review <= Reject.";

    /// <summary>Chooses the thresholds from rows and their scores.</summary>
    public static ModelThresholds Choose(IReadOnlyList<LabelledComment> rows, IReadOnlyList<LabelScores> scores)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(scores);
        var reject = LabelNames.All.Select(label =>
        {
            var known = Enumerable.Range(0, rows.Count).Where(i => rows[i][label] is not null).ToList();
            var threshold = MetricsCalculator.PrecisionThreshold(known.Select(i => scores[i][label]).ToList(), known.Select(i => rows[i][label] == true).ToList(), RejectPrecision);
            return MathF.Round(threshold, 4, MidpointRounding.ToPositiveInfinity);
        }).ToArray();

        var positives = LabelNames.All.Select(label => Enumerable.Range(0, rows.Count).Where(i => rows[i][label] == true).Select(i => scores[i]).ToArray()).ToArray();
        var allowed = positives.Select(p => (int)Math.Floor(MaxMissRate * p.Length)).ToArray();

        // In order spam, abuse, hate: each as high as possible with at most the allowed misses of its label, given the
        // thresholds already chosen (labels not chosen yet hold nothing). The (allowed + 1)-th lowest score of the
        // positives no other head holds is that threshold: everything below it is missed.
        float[] best = [float.PositiveInfinity, float.PositiveInfinity, float.PositiveInfinity];
        for (var label = 0; label < 3; label++)
        {
            var uncaught = positives[label].Where(score => !IsHeld(score, best)).Select(score => score[(ModerationLabel)label]).Order().ToList();
            var threshold = uncaught.Count > allowed[label] ? MathF.Round(uncaught[allowed[label]], 4, MidpointRounding.ToZero) : float.PositiveInfinity;
            best[label] = Math.Min(threshold, reject[label]);
        }

        return new ModelThresholds(new LabelThreshold(best[0], reject[0]), new LabelThreshold(best[1], reject[1]), new LabelThreshold(best[2], reject[2]));
    }

    /// <summary>The share of a label's positives that the thresholds auto-approve (all three scores below Review).</summary>
    public static double MissRate(IReadOnlyList<LabelledComment> rows, IReadOnlyList<LabelScores> scores, ModelThresholds thresholds, ModerationLabel label)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(thresholds);
        var positives = Enumerable.Range(0, rows.Count).Where(i => rows[i][label] == true).ToList();
        return positives.Count == 0 ? 0 : (double)positives.Count(i => DefaultPolicy.StatusOf(scores[i], thresholds) == ModerationVerdict.Approved) / positives.Count;
    }

    private static bool IsHeld(LabelScores scores, float[] review) =>
        scores.Spam >= review[0] || scores.Abuse >= review[1] || scores.Hate >= review[2];
}
