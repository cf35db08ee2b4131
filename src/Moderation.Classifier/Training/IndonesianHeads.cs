using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Scoring;

namespace Moderation.Classifier.Training;

/// <summary>
/// The Indonesian abuse and hate heads (<see cref="IndonesianHeadOptions"/>): which rows train them, with which
/// options, and where their scores sit on the pooled heads' scale.
/// </summary>
internal static class IndonesianHeads
{
    /// <summary>The labels that have Indonesian heads; spam keeps the pooled head.</summary>
    public static IReadOnlyList<ModerationLabel> Labels { get; } = [ModerationLabel.Abuse, ModerationLabel.Hate];

    /// <summary>The training options of the Indonesian heads: the pooled ones with the Indonesian heads' own knobs.</summary>
    public static TrainingOptions OptionsOf(TrainingOptions options)
    {
        var own = options.IndonesianHeads ?? throw new ArgumentException("The options have no Indonesian heads.", nameof(options));
        return options with
        {
            L2Candidates = [own.L2],
            WeakNegativeKeep = own.WeakNegativeKeep,
            HateWeakNegativeWeight = own.HateWeakNegativeWeight,
            IndonesianHeads = null,
        };
    }

    /// <summary>The language code of the rows the Indonesian heads train on.</summary>
    public const string Language = "id";

    /// <summary>The rows of <paramref name="inTraining"/> in Indonesian (copies follow their row).</summary>
    public static Func<int, bool> RowsOf(PreparedData data, Func<int, bool> inTraining) =>
        i => string.Equals(data.Rows[i].Language, Language, StringComparison.OrdinalIgnoreCase) && inTraining(i);

    /// <summary>Whether the data has Indonesian rows with both classes of <paramref name="label"/> (a run without them trains no Indonesian head).</summary>
    public static bool CanTrain(PreparedData data, ModerationLabel label)
    {
        var values = Enumerable.Range(0, data.LabelledCount)
            .Where(i => string.Equals(data.Rows[i].Language, Language, StringComparison.OrdinalIgnoreCase))
            .Select(i => data.Rows[i][label]).OfType<bool>().Distinct().Count();
        return values == 2;
    }

    /// <summary>The margin offsets tried, from −1 to +1 in eighths.</summary>
    public static IReadOnlyList<float> OffsetGrid { get; } = [.. Enumerable.Range(-8, 17).Select(k => k / 8f)];

    /// <summary>
    /// The offset added to the blended margin of a label's Indonesian comments: the one whose routed held-out scores
    /// give the best mean F1 over the sources at one threshold (ties: the offset nearest 0). Trained without the
    /// English data, the Indonesian heads score on another scale than the pooled ones (ibrohim2019 is 42 % hate,
    /// davidson2017 5.5 %), and one threshold per label serves both languages in site policies; the offset does what a
    /// threshold per language would do at the F1 operating point (EXPERIMENTS.md step 28).
    /// </summary>
    /// <param name="rows">Held-out rows where the label is known.</param>
    /// <param name="label">The label.</param>
    /// <param name="pooled">Per row: the pooled head's held-out probability.</param>
    /// <param name="routed">Per row routed to the Indonesian heads: the held-out pooled and Indonesian margins and the head whose calibrator turns a margin into a probability; null for the others.</param>
    /// <param name="weight">The Indonesian head's share of the margin (<see cref="IndonesianHeadOptions.Weight"/>).</param>
    /// <param name="choose">False returns 0 (<see cref="IndonesianHeadOptions.ChooseOffsets"/>).</param>
    public static float ChooseOffset(
        IReadOnlyList<LabelledComment> rows, ModerationLabel label, IReadOnlyList<float> pooled, IReadOnlyList<RoutedMargins?> routed, float weight, bool choose = true)
    {
        var labels = rows.Select(row => row[label] == true).ToList();
        var sources = rows.Select(row => row.Source).ToList();
        var best = 0f;
        if (!choose)
        {
            return best;
        }

        var bestMean = double.NegativeInfinity;
        foreach (var offset in OffsetGrid.OrderBy(Math.Abs))
        {
            var (_, mean) = MetricsCalculator.BestMeanF1(Routed(pooled, routed, weight, offset), labels, sources);
            if (mean > bestMean + 1e-9)
            {
                (best, bestMean) = (offset, mean);
            }
        }

        return best;
    }

    /// <summary>Per row: the blended probability where it is routed to the Indonesian heads, else the pooled one.</summary>
    public static float[] Routed(IReadOnlyList<float> pooled, IReadOnlyList<RoutedMargins?> routed, float weight, float offset) =>
        [.. pooled.Select((score, k) => routed[k] is { } margins
            ? margins.Head.Calibrator.PredictProbability(LinearHead.BlendedMargin(margins.Pooled, margins.Indonesian, weight, offset))
            : score)];
}

/// <summary>A held-out row's margins under the pooled and the Indonesian head of its fold.</summary>
internal readonly record struct RoutedMargins(float Pooled, float Indonesian, LinearHead Head);
