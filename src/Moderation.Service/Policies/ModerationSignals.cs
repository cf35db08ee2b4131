using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Data;

namespace Moderation.Service.Policies;

/// <summary>
/// Signals beyond one comment that hold across replicas: bans and the author's recent decisions, read from the
/// database, and near-duplicate text from other authors, from the <see cref="CampaignIndex"/> after it has read what
/// was stored since its last read. Loaded for a whole batch with a few queries per site.
/// </summary>
public sealed class ModerationSignals(TimeProvider time, CampaignIndex campaigns)
{
    public async Task<Dictionary<(string Site, string Author), AuthorSignals>> LoadAuthorsAsync(
        ModerationDbContext db, IEnumerable<(string Site, string Author, CompiledPolicy Policy)> authors, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string), AuthorSignals>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var site in authors.GroupBy(a => a.Site))
        {
            var policy = site.First().Policy.Policy;
            var ids = site.Select(a => a.Author).Distinct().ToList();
            var siteId = site.Key;

            var banned = (await db.AuthorBans.AsNoTracking()
                .Where(b => b.SiteId == siteId && ids.Contains(b.AuthorId))
                .Select(b => b.AuthorId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

            var window = new Dictionary<(string, ModerationStatus), int>();
            var approved = new Dictionary<string, int>(StringComparer.Ordinal);
            var since = now.AddDays(-policy.AuthorHistory.WindowDays);
            foreach (var author in ids)
            {
                // The embedded (SQLite) path: a query per author, each bounded like the PostgreSQL one.
                if (policy.AuthorHistory.Enabled)
                {
                    var statuses = await db.Comments.AsNoTracking()
                        .Where(c => c.SiteId == siteId && c.AuthorId == author && c.ReceivedAt >= since)
                        .OrderByDescending(c => c.ReceivedAt).Take(AuthorHistorySettings.MaxComments)
                        .Select(c => c.Status).ToListAsync(cancellationToken);
                    foreach (var group in statuses.GroupBy(s => s))
                    {
                        window[(author, group.Key)] = group.Count();
                    }
                }

                if (policy.NewAuthorApprovals > 0)
                {
                    approved[author] = await db.Comments.AsNoTracking()
                        .Where(c => c.SiteId == siteId && c.AuthorId == author && c.Status == ModerationStatus.Approved)
                        .Take(policy.NewAuthorApprovals).CountAsync(cancellationToken);
                }
            }

            foreach (var author in ids)
            {
                var rejected = window.GetValueOrDefault((author, ModerationStatus.Rejected));
                var decided = rejected + window.GetValueOrDefault((author, ModerationStatus.Approved));
                result[(siteId, author)] = new AuthorSignals(banned.Contains(author), approved.GetValueOrDefault(author), decided, rejected);
            }
        }

        return result;
    }

    /// <summary>For each item, its near-duplicates on the same site within the window (stored ones and the rest of the batch).</summary>
    public async Task<CampaignMatch?[]> FindCampaignsAsync(
        ModerationDbContext db, IReadOnlyList<(string Site, string Author, long Fingerprint, CompiledPolicy Policy)> items, CancellationToken cancellationToken)
    {
        foreach (var site in items.GroupBy(i => i.Site))
        {
            campaigns.Configure(site.Key, site.First().Policy.Policy.Campaign);
        }

        await campaigns.CatchUpAsync(db, cancellationToken);
        var storedBySite = campaigns.Candidates(items.Select(i => (i.Site, i.Fingerprint, i.Policy.Policy.Campaign)));
        return MatchCampaigns(items, storedBySite);
    }

    /// <summary>
    /// The campaign of each item from the stored near-duplicate candidates of its site (by band) and the rest of the
    /// batch. Items of sites without candidates (campaigns off, text too short) get none.
    /// </summary>
    public static CampaignMatch?[] MatchCampaigns(
        IReadOnlyList<(string Site, string Author, long Fingerprint, CompiledPolicy Policy)> items, IReadOnlyDictionary<string, IReadOnlyList<StoredFingerprint>> storedBySite)
    {
        var matches = new CampaignMatch?[items.Count];
        foreach (var site in Enumerable.Range(0, items.Count).Where(i => items[i].Fingerprint != 0).GroupBy(i => items[i].Site))
        {
            if (!storedBySite.TryGetValue(site.Key, out var stored))
            {
                continue;
            }

            var maxDistance = items[site.First()].Policy.Policy.Campaign.MaxDistance;
            foreach (var i in site)
            {
                var fingerprint = items[i].Fingerprint;
                var authors = new HashSet<int> { CampaignIndex.AuthorKey(items[i].Author) };
                var comments = 1;
                foreach (var other in stored.Where(s => SimHash.Distance(s.Fingerprint, fingerprint) <= maxDistance).DistinctBy(s => s.CommentRecordId))
                {
                    authors.Add(other.AuthorKey);
                    comments++;
                }

                foreach (var j in site.Where(j => j != i && SimHash.Distance(items[j].Fingerprint, fingerprint) <= maxDistance))
                {
                    authors.Add(CampaignIndex.AuthorKey(items[j].Author));
                    comments++;
                }

                matches[i] = comments > 1 ? new CampaignMatch(comments, authors.Count) : null;
            }
        }

        return matches;
    }
}
