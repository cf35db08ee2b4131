namespace Moderation.Classifier;

/// <summary>The default thresholds stored with a model.</summary>
public sealed record ModelThresholds(LabelThreshold Spam, LabelThreshold Abuse, LabelThreshold Hate)
{
    /// <summary>The threshold of one label.</summary>
    public LabelThreshold this[ModerationLabel label] => label switch
    {
        ModerationLabel.Spam => Spam,
        ModerationLabel.Abuse => Abuse,
        ModerationLabel.Hate => Hate,
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };
}
