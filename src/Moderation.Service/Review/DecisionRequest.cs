namespace Moderation.Service.Review;

/// <summary>
/// <c>{ "status": "Approved" | "Rejected", "reason": "spam|abuse|hate|off-topic|other", "note": "...", "expectedRevision": 1 }</c>.
/// <c>reason</c> is required when rejecting; <c>expectedRevision</c>, when given, refuses to overwrite a newer decision.
/// </summary>
public sealed record DecisionRequest(string? Status, string? Reason, string? Note, int? ExpectedRevision);
