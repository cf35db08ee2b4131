namespace Moderation.DemoSite.Comments;

/// <summary>One comment as the page shows it. <see cref="Pending"/> only ever reaches the comment's own author.</summary>
public sealed record ViewComment(string CommentId, string? ParentCommentId, string AuthorName, string Text, DateTimeOffset SubmittedAt, bool Pending, bool Own);
