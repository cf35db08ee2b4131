using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moderation.Classifier;
using Moderation.Service.Data;

namespace Moderation.Service.Policies;

/// <summary>
/// Reads and writes site policies. Each replica caches a compiled policy for a few seconds, so an admin's change
/// reaches every replica within <see cref="CacheFor"/> without a database read per comment.
/// </summary>
public sealed class SitePolicyStore(CommentClassifier classifier, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly ConcurrentDictionary<string, (CompiledPolicy Policy, string ModelVersion, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The policy of a site with the model's thresholds where the site has none.</summary>
    public async ValueTask<CompiledPolicy> GetAsync(ModerationDbContext db, string siteId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var modelVersion = classifier.Current.Version;
        if (_cache.TryGetValue(siteId, out var cached) && cached.Until > now && cached.ModelVersion == modelVersion)
        {
            return cached.Policy;
        }

        var record = await db.SitePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.SiteId == siteId, cancellationToken);
        var stored = record is null ? new SitePolicy() : Parse(record.PolicyJson);
        var compiled = new CompiledPolicy(WithModelDefaults(stored));
        _cache[siteId] = (compiled, modelVersion, now + CacheFor);
        return compiled;
    }

    /// <summary>A stored policy as written (without the model's default thresholds).</summary>
    public static SitePolicy Parse(string policyJson) => JsonSerializer.Deserialize<SitePolicy>(policyJson, Json) ?? new SitePolicy();

    /// <summary>Stores a site's policy (validated by the caller) and returns the effective one.</summary>
    public async Task<SitePolicy> SaveAsync(ModerationDbContext db, string siteId, SitePolicy policy, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var json = JsonSerializer.Serialize(policy, Json);
        var record = await db.SitePolicies.SingleOrDefaultAsync(p => p.SiteId == siteId, cancellationToken);
        if (record is null)
        {
            db.SitePolicies.Add(new SitePolicyRecord { SiteId = siteId, PolicyJson = json, UpdatedAt = now, UpdatedBy = actor });
        }
        else
        {
            record.PolicyJson = json;
            record.UpdatedAt = now;
            record.UpdatedBy = actor;
        }

        db.Audit.Add(new AuditRecord { At = now, Actor = actor, Action = "policy.update", SiteId = siteId, DetailsJson = json });
        await db.SaveChangesAsync(cancellationToken);
        _cache.TryRemove(siteId, out _);
        return WithModelDefaults(policy);
    }

    SitePolicy WithModelDefaults(SitePolicy policy)
    {
        if (policy.Thresholds is not null)
        {
            return policy;
        }

        var t = classifier.Current.Thresholds;
        return policy with
        {
            Thresholds = new PolicyThresholds(
                new ThresholdPair(Shown(t.Spam.Review), Shown(t.Spam.Reject)),
                new ThresholdPair(Shown(t.Abuse.Review), Shown(t.Abuse.Reject)),
                new ThresholdPair(Shown(t.Hate.Review), Shown(t.Hate.Reject))),
        };
    }

    // The model stores floats; through decimal, 0.0575f becomes 0.0575 rather than 0.057500001043081284 in the policy an
    // admin reads and edits. Scores are compared as floats again, so decisions are unchanged.
    static double Shown(float threshold) => (double)(decimal)threshold;
}
