namespace Moderation.Contracts;

/// <summary>
/// Command: a reader reports a published comment. Send it to the <c>report-comment</c> queue or
/// <c>POST /api/comments/{siteId}/{commentId}/reports</c>. After the site's configured number of reports the
/// comment enters the moderators' <c>reported</c> queue; it stays visible until a moderator decides.
/// A reporter counts once per comment.
/// </summary>
public sealed record ReportComment
{
    /// <summary>The reported comment's id on the site.</summary>
    public required string CommentId { get; init; }

    /// <summary>The site slug.</summary>
    public required string SiteId { get; init; }

    /// <summary>The reader's stable id on the site.</summary>
    public required string ReporterId { get; init; }

    /// <summary>Why: <c>spam</c>, <c>abuse</c>, <c>hate</c> or <c>other</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>The reader's own words. Optional, at most 1,000 characters.</summary>
    public string? Note { get; init; }
}
