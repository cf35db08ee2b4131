using System.Globalization;
using System.Text;

namespace Moderation.Service.Comments;

/// <summary>An opaque keyset cursor (time, id): stable under inserts, unlike offsets.</summary>
public static class PageCursor
{
    public static string Format(DateTime time, long id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{time.Ticks}:{id}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string? cursor, out (DateTime Time, long Id) position)
    {
        position = default;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 64)
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && ticks is >= 0 and <= 3155378975999999999)
            {
                position = (new DateTime(ticks, DateTimeKind.Utc), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
