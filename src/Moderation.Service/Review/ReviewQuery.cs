namespace Moderation.Service.Review;

/// <summary>
/// <c>GET /api/review</c> parameters. <c>queue</c>: pending (default), reported, rejected, approved;
/// <c>sort</c>: risk (default, highest first), age (oldest first), newest.
/// </summary>
public sealed record ReviewQuery(
    string? SiteId, string? Queue, string? ArticleId, string? Reason, string? Label, string? Sort, string? Cursor, int? Limit);
