namespace Moderation.Service.Auth;

/// <summary>A new key; <see cref="Key"/> is shown only here.</summary>
public sealed record CreatedKey(string Id, string Key, string Name, string Role, IReadOnlyList<string> Sites);
