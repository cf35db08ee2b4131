namespace Moderation.Service.Review;

/// <summary>
/// <c>GET /api/review/me</c>: who is signed in to the review UI. <see cref="Sites"/> is null when the key may act on
/// every site (admins type a site instead of picking one).
/// </summary>
public sealed record Reviewer(string Name, string Role, IReadOnlyList<string>? Sites);
