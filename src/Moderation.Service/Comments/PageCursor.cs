using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Moderation.Service.Comments;

/// <summary>Opaque keyset cursors: stable under inserts, unlike offsets. The text inside is base64url, not a secret.</summary>
public static class PageCursor
{
    public static string Format(DateTime time, long id) => Encode(string.Create(CultureInfo.InvariantCulture, $"{time.Ticks}:{id}"));

    public static bool TryParse(string? cursor, out (DateTime Time, long Id) position)
    {
        position = default;
        var parts = Decode(cursor)?.Split(':');
        if (parts is { Length: 2 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            position = (new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }

        return false;
    }

    public static string Encode(string position) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(position));

    /// <summary>The position inside a cursor, or null when it is not one of ours.</summary>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 128)
        {
            return null;
        }

        try
        {
            return Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
