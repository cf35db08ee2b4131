using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Moderation.Service.Data;

namespace Moderation.Service.Auth;

/// <summary><c>Authorization: Bearer &lt;api key&gt;</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, ModerationDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = header["Bearer ".Length..].Trim();
        var principal = await keys.AuthenticateAsync(db, key, SchemeName, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("unknown or revoked API key")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
