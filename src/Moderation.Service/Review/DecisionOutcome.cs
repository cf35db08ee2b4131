using Moderation.Contracts;

namespace Moderation.Service.Review;

/// <summary>What happened to one requested decision.</summary>
public sealed record DecisionOutcome(string SiteId, string CommentId, DecisionResult Result, CommentModerated? Verdict, string? Error = null);
