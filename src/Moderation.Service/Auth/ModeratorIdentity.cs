using System.Security.Claims;

namespace Moderation.Service.Auth;

/// <summary>Who is calling: the key's name, role and the sites it may act on.</summary>
public static class ModeratorIdentity
{
    public const string SiteClaim = "moderation:site";
    public const string AllSites = "*";

    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool CanAccess(this ClaimsPrincipal user, string siteId) =>
        user.FindAll(SiteClaim).Any(c => c.Value == AllSites || c.Value == siteId);

    /// <summary>The sites of the key, or null when it may act on every site.</summary>
    public static IReadOnlyList<string>? Sites(this ClaimsPrincipal user)
    {
        var sites = user.FindAll(SiteClaim).Select(c => c.Value).ToList();
        return sites.Contains(AllSites) ? null : sites;
    }
}
