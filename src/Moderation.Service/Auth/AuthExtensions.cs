using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;

namespace Moderation.Service.Auth;

public static class AuthExtensions
{
    public const string WritesRateLimit = "writes";
    public const string PublicWritesRateLimit = "public-writes";

    /// <summary>API-key authentication, the moderator and admin policies, and rate limits on write endpoints.</summary>
    public static IHostApplicationBuilder AddModerationAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.AdminApiKey is null or "" || o.AdminApiKey.Length >= 24, "Moderation:Auth:AdminApiKey must be at least 24 characters")
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.ModeratorPolicy, policy => policy.RequireRole(Roles.Moderator, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin));

        var writesPerMinute = builder.Configuration.GetValue($"{AuthOptions.Section}:WritesPerMinute", new AuthOptions().WritesPerMinute);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WritesRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = writesPerMinute,
                    TokensPerPeriod = writesPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));

            // Reports come from readers through the site's backend: limit per client address as a backstop to the per-reporter limit.
            limiter.AddPolicy(PublicWritesRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions { TokenLimit = 600, TokensPerPeriod = 600, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }
}
