namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// Coral Talk's External Moderation Phase at <c>POST /api/integrations/coral</c> (docs/CORAL.md).
/// <code>
/// "Moderation": { "Integrations": { "Coral": {
///     "SigningSecret": "…",                                                     // the phase's signing secret, from Coral's admin
///     "SiteIds": { "a4bede88-2d2c-4424-bc18-4322a9e285a6": "portal-berita" }    // Coral site id → our site id
/// } } }
/// </code>
/// Without a signing secret the endpoint answers 404: the integration is off.
/// </summary>
public sealed class CoralOptions
{
    public const string Section = "Moderation:Integrations:Coral";

    /// <summary>The secret Coral signs each request with (<c>X-Coral-Signature</c>); empty turns the integration off.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// Our site id for each Coral site id. A Coral site missing here becomes the slug of its id (Coral's ids are UUIDs,
    /// already valid slugs), so policies and moderator keys name that slug.
    /// </summary>
    public Dictionary<string, string> SiteIds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEnabled => !string.IsNullOrEmpty(SigningSecret);
}
