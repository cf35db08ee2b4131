using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Moderation.Service.Ingestion;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of e-mail and IP addresses: equal inputs give equal hashes, so they still work as
/// spam signals, but the addresses cannot be read back or found by hashing a list of guesses without the key.
/// </summary>
public sealed class PersonalDataHasher(IOptions<PrivacyOptions> options)
{
    readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.HashKey);

    public string? HashEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : Hash(email.Trim().ToLowerInvariant());

    public string? HashIp(string? ip) =>
        string.IsNullOrWhiteSpace(ip) ? null : Hash(ip.Trim());

    string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
}
