namespace Moderation.Classifier;

/// <summary>The verdict the model's default thresholds give; a site's own policy may differ.</summary>
public static class DefaultPolicy
{
    /// <summary>Rejected if any score reaches its Reject threshold, Pending if any reaches Review, otherwise Approved.</summary>
    public static ModerationVerdict StatusOf(LabelScores scores, ModelThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var verdict = ModerationVerdict.Approved;
        foreach (var label in LabelNames.All)
        {
            if (scores[label] >= thresholds[label].Reject)
            {
                return ModerationVerdict.Rejected;
            }

            if (scores[label] >= thresholds[label].Review)
            {
                verdict = ModerationVerdict.Pending;
            }
        }

        return verdict;
    }
}
