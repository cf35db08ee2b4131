namespace Moderation.Service.Review;

/// <summary>The same decision for many comments: <c>{ "comments": [{ "siteId": "...", "commentId": "..." }], "status": "Rejected", "reason": "spam" }</c>.</summary>
public sealed record BulkDecisionRequest(IReadOnlyList<CommentKey>? Comments, string? Status, string? Reason, string? Note);
