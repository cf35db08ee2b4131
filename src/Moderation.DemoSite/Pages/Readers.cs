using System.Security.Cryptography;

namespace Moderation.DemoSite.Pages;

/// <summary>
/// A reader is a random id in a first-party cookie (no accounts on the demo): enough to show authors their own held
/// comments and to give the service a stable author id.
/// </summary>
public static class Readers
{
    public const string CookieName = "demo-reader";

    /// <summary>The reader's id, issuing one when the request has none.</summary>
    public static string Id(HttpContext context)
    {
        if (context.Items[CookieName] is string issued)
        {
            return issued;
        }

        var id = context.Request.Cookies[CookieName];
        if (id is null || id.Length != 26 || !id.All(char.IsAsciiLetterOrDigit))
        {
            id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(13));
            context.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        context.Items[CookieName] = id;
        return id;
    }

    /// <summary>The reader's id if the request carries one; never issues a cookie.</summary>
    public static string? Existing(HttpContext context) => context.Request.Cookies[CookieName];
}
