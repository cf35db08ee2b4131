namespace Moderation.Contracts;

/// <summary>
/// Command: moderate one new reader comment. Send it to the <c>submit-comment</c> queue (plain JSON or a
/// MassTransit envelope) or <c>POST /api/comments</c>. The service answers with <see cref="CommentModerated"/>,
/// or with <see cref="CommentSubmissionRejected"/> when the message cannot be moderated.
/// Submitting the same (<see cref="SiteId"/>, <see cref="CommentId"/>) again is safe: the stored verdict is
/// published again and the comment is not scored twice.
/// </summary>
public sealed record SubmitComment
{
    /// <summary>The comment's id on the site; unique per site. Required, at most 128 characters.</summary>
    public required string CommentId { get; init; }

    /// <summary>The site, as a lowercase slug (<c>a-z</c>, <c>0-9</c>, <c>-</c>, <c>_</c>, <c>.</c>; at most 64 characters). Required.</summary>
    public required string SiteId { get; init; }

    /// <summary>The article the comment belongs to. Required, at most 256 characters.</summary>
    public required string ArticleId { get; init; }

    /// <summary>The article's public URL, shown to moderators. Optional.</summary>
    public string? ArticleUrl { get; init; }

    /// <summary>The comment this one replies to, when it is a reply. Optional.</summary>
    public string? ParentCommentId { get; init; }

    /// <summary>The author's stable id on the site. Required, at most 128 characters.</summary>
    public required string AuthorId { get; init; }

    /// <summary>The author's display name, carried into <see cref="CommentModerated"/> for rendering. Optional.</summary>
    public string? AuthorName { get; init; }

    /// <summary>The author's e-mail address: a spam signal. Stored only as a keyed hash, never logged. Optional.</summary>
    public string? AuthorEmail { get; init; }

    /// <summary>The author's IP address: a spam signal. Stored only as a keyed hash, never logged. Optional.</summary>
    public string? AuthorIp { get; init; }

    /// <summary>The browser's User-Agent header: a spam signal. Optional.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The page the comment was posted from: a spam signal. Optional.</summary>
    public string? Referrer { get; init; }

    /// <summary>The comment text as the author wrote it. Required: 1 to 10,000 characters after trimming.</summary>
    public required string Text { get; init; }

    /// <summary>A language hint such as <c>id</c> or <c>en</c>. Optional; the classifier does not depend on it.</summary>
    public string? Language { get; init; }

    /// <summary>When the author posted the comment (ISO 8601 with offset). Used for latency metrics and ordering.</summary>
    public DateTimeOffset SubmittedAt { get; init; }
}
