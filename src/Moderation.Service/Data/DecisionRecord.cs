using Moderation.Contracts;

namespace Moderation.Service.Data;

/// <summary>One revision of a comment's decision: 1 is automatic, later ones come from moderators.</summary>
public sealed class DecisionRecord
{
    public long Id { get; set; }
    public long CommentRecordId { get; set; }
    public CommentRecord? Comment { get; set; }
    public int Revision { get; set; }
    public ModerationStatus Status { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }

    /// <summary>The reasons as JSON (a list of <see cref="ModerationReason"/>).</summary>
    public required string ReasonsJson { get; set; }

    /// <summary>A moderator's reason code (spam, abuse, hate, off-topic, other) when rejecting.</summary>
    public string? ReasonCode { get; set; }

    public string? Note { get; set; }

    /// <summary>
    /// When the decision's <c>CommentModerated</c> was published; null until then. Decisions that do not come from a
    /// bus message (HTTP, moderators) are republished by <c>DecisionRepublisher</c> while this is null, so a broker
    /// outage at the wrong moment loses no event.
    /// </summary>
    public DateTime? PublishedAt { get; set; }
}
