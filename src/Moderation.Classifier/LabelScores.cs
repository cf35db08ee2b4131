namespace Moderation.Classifier;

/// <summary>Calibrated probabilities in [0, 1], one per label.</summary>
public readonly record struct LabelScores(float Spam, float Abuse, float Hate)
{
    /// <summary>The score of one label.</summary>
    public float this[ModerationLabel label] => label switch
    {
        ModerationLabel.Spam => Spam,
        ModerationLabel.Abuse => Abuse,
        ModerationLabel.Hate => Hate,
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };
}
