namespace Moderation.Contracts;

/// <summary>The classifier's calibrated probabilities, each in [0, 1].</summary>
public sealed record ModerationScores
{
    /// <summary>Probability that the comment is spam (promotion, online gambling, scams, contact spam).</summary>
    public double Spam { get; init; }

    /// <summary>Probability that the comment is abusive or offensive (hate speech included).</summary>
    public double Abuse { get; init; }

    /// <summary>Probability that the comment is hate speech against a person or group.</summary>
    public double Hate { get; init; }
}
