namespace Moderation.Contracts;

/// <summary>
/// Event: a submission could not be moderated (missing or malformed fields, empty or oversize text, a body
/// that is not JSON). Nothing was stored; fix the message and submit it again. Never retried by the service.
/// </summary>
public sealed record CommentSubmissionRejected
{
    /// <summary>The comment id, when it could be read.</summary>
    public string? CommentId { get; init; }

    /// <summary>The site slug, when it could be read.</summary>
    public string? SiteId { get; init; }

    /// <summary>The article id, when it could be read.</summary>
    public string? ArticleId { get; init; }

    /// <summary>Every problem found, each naming the field and what to change.</summary>
    public required IReadOnlyList<SubmissionError> Errors { get; init; }

    /// <summary>When the submission was rejected.</summary>
    public required DateTimeOffset RejectedAt { get; init; }
}
