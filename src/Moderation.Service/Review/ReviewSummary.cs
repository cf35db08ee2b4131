namespace Moderation.Service.Review;

/// <summary>The review UI's header: what waits now and what was decided today.</summary>
public sealed record ReviewSummary(int Pending, int Reported, int DecidedToday);
