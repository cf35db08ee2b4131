using Moderation.Service.Data;

namespace Moderation.Service.Comments;

/// <summary>What a public comment section shows: no scores, no author ids or hashes.</summary>
public sealed record PublicComment(string CommentId, string? ParentCommentId, string? AuthorName, string Text, DateTimeOffset SubmittedAt, int Revision)
{
    public static PublicComment From(CommentRecord c) =>
        new(c.CommentId, c.ParentCommentId, c.AuthorName, c.Text, new DateTimeOffset(DateTime.SpecifyKind(c.SubmittedAt, DateTimeKind.Utc)), c.Revision);
}
