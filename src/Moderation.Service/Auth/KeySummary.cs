namespace Moderation.Service.Auth;

/// <summary>A key as listed to admins: everything but the key.</summary>
public sealed record KeySummary(string Id, string Name, string Role, IReadOnlyList<string> Sites, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt);
