using System.Security.Cryptography;
using System.Text;

namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// Coral's request signature: <c>X-Coral-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>, keyed with the
/// phase's signing secret. While a rotated secret is still active Coral sends one signature per active secret,
/// comma-separated (<c>sha256=…,sha256=…</c>); one match is enough. There is no timestamp in the scheme.
/// </summary>
public static class CoralSignature
{
    public const string HeaderName = "X-Coral-Signature";
    const string Prefix = "sha256";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string secret)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);

        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var valid = false;
        foreach (var element in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = element.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || !element.AsSpan(0, separator).SequenceEqual(Prefix))
            {
                continue;
            }

            var hex = element.AsSpan(separator + 1);
            if (hex.Length == given.Length * 2 && Convert.FromHexString(hex, given, out _, out var written) == System.Buffers.OperationStatus.Done && written == given.Length)
            {
                // Every candidate is compared (no early exit), each in constant time.
                valid |= CryptographicOperations.FixedTimeEquals(given, expected);
            }
        }

        return valid;
    }

    /// <summary>The header value Coral would send for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        $"{Prefix}={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))}";
}
