namespace Moderation.Service.Review;

/// <summary>The author's comments on the site so far, by current status.</summary>
public sealed record AuthorSummary(int Approved, int Pending, int Rejected, bool Banned);
