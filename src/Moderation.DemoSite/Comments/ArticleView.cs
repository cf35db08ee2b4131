namespace Moderation.DemoSite.Comments;

/// <summary>The Komentar section for one reader: N (approved comments only) and the comments, newest first.</summary>
public sealed record ArticleView(int ApprovedCount, IReadOnlyList<ViewComment> Comments);
