using System.Text.RegularExpressions;

namespace Moderation.Service.Ingestion;

/// <summary>Site ids are lowercase slugs: 1 to 64 of a-z, 0-9, '-', '_', '.', starting with a letter or digit.</summary>
public static partial class SiteIds
{
    public static bool IsValid(string? siteId) => siteId is not null && Slug().IsMatch(siteId);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
