namespace Moderation.Service.Data;

/// <summary>One moderator or admin action, kept for the audit log.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The key name that acted.</summary>
    public required string Actor { get; set; }

    /// <summary><c>decision</c>, <c>undo</c>, <c>ban</c>, <c>unban</c>, <c>policy.update</c>, <c>key.create</c>, <c>key.revoke</c>.</summary>
    public required string Action { get; set; }

    public string? SiteId { get; set; }
    public string? CommentId { get; set; }
    public string? AuthorId { get; set; }

    /// <summary>What changed, as JSON.</summary>
    public string? DetailsJson { get; set; }
}
