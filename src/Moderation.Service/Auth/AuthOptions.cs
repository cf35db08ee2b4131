namespace Moderation.Service.Auth;

/// <summary>
/// <code>"Moderation": { "Auth": { "AdminApiKey": "a long random secret" } }</code>
/// (env <c>Moderation__Auth__AdminApiKey</c>): the first admin key, used to create the others. Keys created through
/// the API or <c>moderation keys create</c> are stored hashed.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Moderation:Auth";

    public string? AdminApiKey { get; set; }

    /// <summary>Moderator write requests (decisions, bans, policy changes) per key and minute.</summary>
    public int WritesPerMinute { get; set; } = 600;

    /// <summary>Reader reports per reporter and hour.</summary>
    public int ReportsPerReporterPerHour { get; set; } = 20;
}
