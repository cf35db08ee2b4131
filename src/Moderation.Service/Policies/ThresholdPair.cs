namespace Moderation.Service.Policies;

/// <summary>At or above <see cref="Review"/> a comment is held; at or above <see cref="Reject"/> it is rejected.</summary>
public sealed record ThresholdPair(double Review, double Reject);
