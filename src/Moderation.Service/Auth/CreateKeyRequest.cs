namespace Moderation.Service.Auth;

/// <summary><c>POST /api/keys</c>: <c>{ "name": "siti", "role": "moderator", "sites": ["portal-berita"] }</c>.</summary>
public sealed record CreateKeyRequest(string? Name, string? Role, IReadOnlyList<string>? Sites);
