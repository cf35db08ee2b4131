using Moderation.Contracts;
using Moderation.Service.Data;

namespace Moderation.Service.Comments;

/// <summary>Builds the <see cref="CommentModerated"/> event of a stored comment's current decision.</summary>
public static class CommentVerdicts
{
    public static CommentModerated ToVerdict(this CommentRecord comment) => new()
    {
        CommentId = comment.CommentId,
        SiteId = comment.SiteId,
        ArticleId = comment.ArticleId,
        ParentCommentId = comment.ParentCommentId,
        AuthorName = comment.AuthorName,
        Text = comment.Text,
        Status = comment.Status,
        Scores = new ModerationScores { Spam = Math.Round(comment.Spam, 4), Abuse = Math.Round(comment.Abuse, 4), Hate = Math.Round(comment.Hate, 4) },
        Reasons = ReasonsJson.Deserialize(comment.ReasonsJson),
        DecidedBy = comment.DecidedBy,
        ModelVersion = comment.ModelVersion,
        Revision = comment.Revision,
        DecidedAt = new DateTimeOffset(DateTime.SpecifyKind(comment.DecidedAt, DateTimeKind.Utc)),
        SubmittedAt = new DateTimeOffset(DateTime.SpecifyKind(comment.SubmittedAt, DateTimeKind.Utc)),
    };
}
