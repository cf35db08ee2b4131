namespace Moderation.Classifier;

/// <summary>The three questions the classifier answers about a comment.</summary>
public enum ModerationLabel
{
    /// <summary>Unsolicited promotion, online gambling ("judol"), scams, contact spam.</summary>
    Spam = 0,

    /// <summary>Abusive or offensive language; a superset of <see cref="Hate"/>.</summary>
    Abuse = 1,

    /// <summary>Hate speech against a person or group.</summary>
    Hate = 2,
}
