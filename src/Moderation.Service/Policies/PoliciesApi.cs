using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Service.Auth;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;

namespace Moderation.Service.Policies;

/// <summary><c>GET/PUT /api/sites/{siteId}/policy</c>: moderators of the site read it, admins change it.</summary>
public static class PoliciesApi
{
    public static IEndpointRouteBuilder MapPoliciesApi(this IEndpointRouteBuilder app)
    {
        var policy = app.MapGroup("/api/sites/{siteId}/policy").WithTags("Policies");
        policy.MapGet("/", GetAsync).RequireAuthorization(Roles.ModeratorPolicy).WithSummary("The site's effective policy (thresholds from the model unless the site set its own)");
        policy.MapPut("/", PutAsync).RequireAuthorization(Roles.AdminPolicy).RequireRateLimiting(AuthExtensions.WritesRateLimit).WithSummary("Replace the site's policy");
        return app;
    }

    static async Task<Results<Ok<SitePolicy>, NotFound>> GetAsync(
        string siteId, ClaimsPrincipal user, SitePolicyStore store, ModerationDbContext db, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(siteId) || !SiteIds.IsValid(siteId))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await store.GetAsync(db, siteId, cancellationToken)).Policy);
    }

    static async Task<Results<Ok<SitePolicy>, ValidationProblem, NotFound>> PutAsync(
        string siteId, SitePolicy policy, ClaimsPrincipal user, SitePolicyStore store, ModerationDbContext db, CancellationToken cancellationToken)
    {
        if (!SiteIds.IsValid(siteId))
        {
            return TypedResults.NotFound();
        }

        var errors = PolicyValidator.Validate(policy);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The policy was not saved");
        }

        return TypedResults.Ok(await store.SaveAsync(db, siteId, policy, user.Actor(), cancellationToken));
    }
}
