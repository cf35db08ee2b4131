using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;

namespace Moderation.Service.Auth;

/// <summary>Admins create, list and revoke API keys. A key is shown once, when it is created.</summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Roles.AdminPolicy);
        keys.MapPost("/", CreateAsync).RequireRateLimiting(AuthExtensions.WritesRateLimit).WithSummary("Create an API key (the key is in the answer, once)");
        keys.MapGet("/", ListAsync).WithSummary("List API keys (never the keys themselves)");
        keys.MapDelete("/{id}", RevokeAsync).RequireRateLimiting(AuthExtensions.WritesRateLimit).WithSummary("Revoke an API key");
        return app;
    }

    static async Task<Results<Created<CreatedKey>, ValidationProblem>> CreateAsync(
        CreateKeyRequest request, ClaimsPrincipal user, ApiKeyStore store, ModerationDbContext db, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sites = request.Role == Roles.Admin && (request.Sites is null || request.Sites.Count == 0) ? [ModeratorIdentity.AllSites] : request.Sites!;
        var (record, key) = await store.CreateAsync(db, request.Name!.Trim(), request.Role!, sites, user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/keys/{record.Id}", new CreatedKey(record.Id, key, record.Name, record.Role, ApiKeyStore.SplitSites(record.Sites)));
    }

    static async Task<Ok<List<KeySummary>>> ListAsync(ModerationDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(records.Select(k => new KeySummary(
            k.Id, k.Name, k.Role, ApiKeyStore.SplitSites(k.Sites), k.CreatedAt, k.CreatedBy, k.RevokedAt)).ToList());
    }

    static async Task<Results<NoContent, NotFound>> RevokeAsync(string id, ClaimsPrincipal user, ApiKeyStore store, ModerationDbContext db, CancellationToken cancellationToken) =>
        await store.RevokeAsync(db, id, user.Actor(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static Dictionary<string, string[]> Validate(CreateKeyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 128)
        {
            errors["name"] = ["name is required (1 to 128 characters): it appears as the moderator in decisions and the audit log"];
        }

        if (!Roles.IsValid(request.Role))
        {
            errors["role"] = ["role must be \"moderator\" or \"admin\""];
        }

        if (request.Role == Roles.Moderator && (request.Sites is null || request.Sites.Count == 0))
        {
            errors["sites"] = ["a moderator key needs at least one site"];
        }
        else if (request.Sites?.Any(s => s != ModeratorIdentity.AllSites && !SiteIds.IsValid(s)) == true)
        {
            errors["sites"] = ["sites must be site slugs (lowercase a-z, 0-9, '-', '_', '.') or \"*\" for every site"];
        }

        return errors;
    }
}
