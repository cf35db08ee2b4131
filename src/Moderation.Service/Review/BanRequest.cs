namespace Moderation.Service.Review;

/// <summary><c>{ "reason": "spam", "note": "judol account" }</c></summary>
public sealed record BanRequest(string? Reason, string? Note);
