namespace Moderation.Service.Comments;

/// <summary>A page of an article's approved comments; <see cref="ApprovedCount"/> is the N of "Komentar (N)".</summary>
public sealed record ArticleComments(int ApprovedCount, IReadOnlyList<PublicComment> Items, string? NextCursor);
