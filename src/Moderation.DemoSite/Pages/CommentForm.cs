namespace Moderation.DemoSite.Pages;

/// <summary>What the page's form posts to <c>POST /api/comments</c>.</summary>
public sealed record CommentForm(string? AuthorName, string? Text);
