namespace Moderation.Service.Data;

/// <summary>An API key for moderators and admins. Only a hash of the secret is stored.</summary>
public sealed class ApiKeyRecord
{
    /// <summary>Public id, also the first part of the key (<c>mk_{Id}_{secret}</c>).</summary>
    public required string Id { get; set; }

    /// <summary>Who holds the key; appears as <c>DecidedBy</c> and in the audit log.</summary>
    public required string Name { get; set; }

    /// <summary><c>admin</c> or <c>moderator</c>.</summary>
    public required string Role { get; set; }

    /// <summary>Sites the key may act on, between spaces (" site-a site-b "); " * " for all sites.</summary>
    public required string Sites { get; set; }

    /// <summary>SHA-256 of the whole key, hex. Keys are 32 random bytes, so a plain hash is enough.</summary>
    public required string KeyHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}
