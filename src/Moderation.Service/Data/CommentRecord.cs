using Moderation.Contracts;

namespace Moderation.Service.Data;

/// <summary>A submitted comment and its current state; unique per (SiteId, CommentId).</summary>
public sealed class CommentRecord
{
    public long Id { get; set; }
    public required string SiteId { get; set; }
    public required string CommentId { get; set; }
    public required string ArticleId { get; set; }
    public string? ArticleUrl { get; set; }
    public string? ParentCommentId { get; set; }
    public required string AuthorId { get; set; }
    public string? AuthorName { get; set; }

    /// <summary>Keyed hash of the e-mail address; the address itself is never stored.</summary>
    public string? AuthorEmailHash { get; set; }

    /// <summary>Keyed hash of the IP address; the address itself is never stored.</summary>
    public string? AuthorIpHash { get; set; }

    public string? UserAgent { get; set; }
    public string? Referrer { get; set; }
    public required string Text { get; set; }
    public string? Language { get; set; }

    /// <summary>How the comment arrived: <c>bus</c> or <c>http</c>.</summary>
    public required string Channel { get; set; }

    public DateTime SubmittedAt { get; set; }
    public DateTime ReceivedAt { get; set; }

    // Scores of the automatic decision; moderators do not change them.
    public float Spam { get; set; }
    public float Abuse { get; set; }
    public float Hate { get; set; }
    public required string ModelVersion { get; set; }

    // The current decision, denormalised from the latest revision so queues are one indexed query.
    public ModerationStatus Status { get; set; }
    public int Revision { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }

    /// <summary>The reasons of the current decision as JSON (a list of <see cref="ModerationReason"/>).</summary>
    public required string ReasonsJson { get; set; }

    /// <summary>The current reason codes between spaces (" spam.model links.limit "), for queue filters.</summary>
    public string ReasonCodes { get; set; } = " ";

    /// <summary>The highest of the three scores: the review queue's "sort by risk".</summary>
    public float Risk { get; set; }

    /// <summary>Distinct readers who reported the comment.</summary>
    public int ReportCount { get; set; }

    /// <summary>Reports a moderator has already seen (the report count at their last decision).</summary>
    public int ReportsHandled { get; set; }

    /// <summary>In the reported queue: enough reports since the last moderator decision.</summary>
    public bool Reported { get; set; }

    /// <summary>SimHash of the normalised text, for campaign detection; 0 when the text is too short.</summary>
    public long Fingerprint { get; set; }

    public List<DecisionRecord> Decisions { get; set; } = [];
}
