using Moderation.Contracts;

namespace Moderation.DemoSite.Comments;

/// <summary>What the page needs of one decision on a comment, from a <see cref="CommentModerated"/> event or the service's list.</summary>
public sealed record CommentUpdate(
    string SiteId,
    string CommentId,
    string ArticleId,
    string? ParentCommentId,
    string? AuthorName,
    string Text,
    ModerationStatus Status,
    int Revision,
    DateTimeOffset SubmittedAt)
{
    public static CommentUpdate From(CommentModerated verdict) => new(
        verdict.SiteId, verdict.CommentId, verdict.ArticleId, verdict.ParentCommentId, verdict.AuthorName, verdict.Text,
        verdict.Status, verdict.Revision, verdict.SubmittedAt);

    /// <summary>A comment just sent, before any verdict: revision 0, so the first real decision replaces it.</summary>
    public static CommentUpdate Submitted(SubmitComment submission) => new(
        submission.SiteId, submission.CommentId, submission.ArticleId, submission.ParentCommentId, submission.AuthorName, submission.Text,
        ModerationStatus.Pending, 0, submission.SubmittedAt);
}
