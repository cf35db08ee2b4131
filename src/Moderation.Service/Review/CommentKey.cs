namespace Moderation.Service.Review;

public sealed record CommentKey(string SiteId, string CommentId);
