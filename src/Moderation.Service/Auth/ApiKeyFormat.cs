using System.Security.Cryptography;
using System.Text;

namespace Moderation.Service.Auth;

/// <summary>
/// Keys look like <c>mk_{id}_{secret}</c>: the id finds the stored row, the 256-bit secret makes guessing hopeless,
/// so a plain SHA-256 of the whole key is a safe thing to store.
/// </summary>
public static class ApiKeyFormat
{
    const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static (string Id, string Key) Generate()
    {
        var id = string.Create(12, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"mk_{id}_{secret}");
    }

    public static string? IdOf(string key)
    {
        var parts = key.Split('_', 3);
        return parts.Length == 3 && parts[0] == "mk" && parts[1].Length == 12 ? parts[1] : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
