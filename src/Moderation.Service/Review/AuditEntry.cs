namespace Moderation.Service.Review;

/// <summary>One row of the audit log.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? SiteId, string? CommentId, string? AuthorId, string? Details);
