using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moderation.Service.Data;

namespace Moderation.Service.Auth;

/// <summary>
/// Creates, revokes and checks API keys. A checked key is cached for a short while so the review UI's requests do
/// not each read the database; a revoked key stops working within <see cref="CacheFor"/> on every replica.
/// </summary>
public sealed class ApiKeyStore(IOptions<AuthOptions> options, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    readonly ConcurrentDictionary<string, (ClaimsPrincipal? Principal, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    readonly string? _adminKeyHash = string.IsNullOrEmpty(options.Value.AdminApiKey) ? null : ApiKeyFormat.Hash(options.Value.AdminApiKey);

    public async Task<ClaimsPrincipal?> AuthenticateAsync(ModerationDbContext db, string key, string scheme, CancellationToken cancellationToken)
    {
        if (_adminKeyHash is not null && ApiKeyFormat.Matches(key, _adminKeyHash))
        {
            return Principal("config", "admin", Roles.Admin, [ModeratorIdentity.AllSites], scheme);
        }

        var id = ApiKeyFormat.IdOf(key);
        if (id is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var hash = ApiKeyFormat.Hash(key);
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Principal;
        }

        var record = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        var principal = record is { RevokedAt: null } && ApiKeyFormat.Matches(key, record.KeyHash)
            ? Principal(record.Id, record.Name, record.Role, SplitSites(record.Sites), scheme)
            : null;
        _cache[hash] = (principal, now + CacheFor);
        return principal;
    }

    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(
        ModerationDbContext db, string name, string role, IReadOnlyList<string> sites, string actor, CancellationToken cancellationToken)
    {
        var (id, key) = ApiKeyFormat.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var record = new ApiKeyRecord
        {
            Id = id,
            Name = name,
            Role = role,
            Sites = " " + string.Join(' ', sites.Distinct()) + " ",
            KeyHash = ApiKeyFormat.Hash(key),
            CreatedAt = now,
            CreatedBy = actor,
        };
        db.ApiKeys.Add(record);
        db.Audit.Add(new AuditRecord
        {
            At = now,
            Actor = actor,
            Action = "key.create",
            DetailsJson = JsonSerializer.Serialize(new { id, name, role, sites }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (record, key);
    }

    public async Task<bool> RevokeAsync(ModerationDbContext db, string id, string actor, CancellationToken cancellationToken)
    {
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        record.RevokedAt ??= now;
        db.Audit.Add(new AuditRecord { At = now, Actor = actor, Action = "key.revoke", DetailsJson = JsonSerializer.Serialize(new { id, record.Name }) });
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in _cache.Where(e => e.Value.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) == id))
        {
            _cache.TryRemove(entry.Key, out _);
        }

        return true;
    }

    public static IReadOnlyList<string> SplitSites(string sites) => sites.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    static ClaimsPrincipal Principal(string id, string name, string role, IEnumerable<string> sites, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        claims.AddRange(sites.Select(s => new Claim(ModeratorIdentity.SiteClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
