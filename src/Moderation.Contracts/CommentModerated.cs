namespace Moderation.Contracts;

/// <summary>
/// Event: the service (or a moderator) decided a comment's status. Published for every decision, so a site
/// can render its comment section from these events alone. Delivery is at least once: a site keeps, per
/// (<see cref="SiteId"/>, <see cref="CommentId"/>), the event with the highest <see cref="Revision"/> and
/// ignores older or repeated ones.
/// </summary>
public sealed record CommentModerated
{
    /// <summary>The comment's id on the site.</summary>
    public required string CommentId { get; init; }

    /// <summary>The site slug.</summary>
    public required string SiteId { get; init; }

    /// <summary>The article the comment belongs to.</summary>
    public required string ArticleId { get; init; }

    /// <summary>The comment this one replies to, if any.</summary>
    public string? ParentCommentId { get; init; }

    /// <summary>The author's display name as submitted.</summary>
    public string? AuthorName { get; init; }

    /// <summary>The comment text as submitted (render it as text, never as HTML).</summary>
    public required string Text { get; init; }

    /// <summary>The decision: show (<c>Approved</c>), hold (<c>Pending</c>) or hide (<c>Rejected</c>).</summary>
    public required ModerationStatus Status { get; init; }

    /// <summary>The classifier's scores for this comment.</summary>
    public required ModerationScores Scores { get; init; }

    /// <summary>Why the comment got this status; empty when nothing stood out.</summary>
    public IReadOnlyList<ModerationReason> Reasons { get; init; } = [];

    /// <summary><c>system</c> for automatic decisions, otherwise the moderator's id.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>The version (content hash) of the model that scored the comment.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>1 for the automatic decision, +1 for every later decision on the same comment.</summary>
    public required int Revision { get; init; }

    /// <summary>When this decision was made.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>When the author posted the comment, as submitted.</summary>
    public DateTimeOffset SubmittedAt { get; init; }
}
