using System.ComponentModel.DataAnnotations;

namespace Moderation.Service.Ingestion;

/// <summary>
/// <code>"Moderation": { "Privacy": { "HashKey": "a long random secret" } }</code>
/// The key of the e-mail/IP hashes. Set your own in production; changing it makes old and new hashes differ.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Moderation:Privacy";
    public const string DevelopmentKey = "moderation-development-hash-key-change-me";

    [Required, MinLength(16)]
    public string HashKey { get; set; } = DevelopmentKey;
}
