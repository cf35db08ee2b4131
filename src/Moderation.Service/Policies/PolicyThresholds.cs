namespace Moderation.Service.Policies;

/// <summary>A site's thresholds per label.</summary>
public sealed record PolicyThresholds(ThresholdPair Spam, ThresholdPair Abuse, ThresholdPair Hate);
