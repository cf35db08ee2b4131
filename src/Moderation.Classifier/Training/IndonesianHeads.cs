using Moderation.Classifier.Scoring;

namespace Moderation.Classifier.Training;

/// <summary>
/// The Indonesian abuse and hate heads (<see cref="IndonesianHeadOptions"/>): which rows train them, with which
/// options, and how their held-out margins blend with the pooled heads'.
/// </summary>
internal static class IndonesianHeads
{
    /// <summary>The language code of the rows the Indonesian heads train on.</summary>
    public const string Language = "id";

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

    /// <summary>The rows of <paramref name="inTraining"/> in Indonesian (copies follow their row).</summary>
    public static Func<int, bool> RowsOf(PreparedData data, Func<int, bool> inTraining) => i => IsIndonesian(data, i) && inTraining(i);

    /// <summary>Whether the data has Indonesian rows with both classes of <paramref name="label"/> (a run without them trains no Indonesian head).</summary>
    public static bool CanTrain(PreparedData data, ModerationLabel label)
    {
        var values = Enumerable.Range(0, data.LabelledCount).Where(i => IsIndonesian(data, i)).Select(i => data.Rows[i][label]).OfType<bool>().Distinct().Count();
        return values == 2;
    }

    private static bool IsIndonesian(PreparedData data, int row) => string.Equals(data.Rows[row].Language, Language, StringComparison.OrdinalIgnoreCase);

    /// <summary>Per row: the blended probability where it is routed to the Indonesian heads, else the pooled one.</summary>
    public static float Routed(float pooled, RoutedMargins? routed, float weight) =>
        routed is { } margins ? margins.Head.Calibrator.PredictProbability(LinearHead.BlendedMargin(margins.Pooled, margins.Indonesian, weight)) : pooled;
}

/// <summary>A held-out row's margins under the pooled and the Indonesian head of its fold.</summary>
internal readonly record struct RoutedMargins(float Pooled, float Indonesian, LinearHead Head);
