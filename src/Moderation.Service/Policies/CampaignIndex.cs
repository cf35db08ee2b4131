using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Moderation.Service.Data;

namespace Moderation.Service.Policies;

/// <summary>
/// This replica's index of recent comment fingerprints for campaign detection, in memory, fed from the comments table
/// (the one source of truth): every batch first reads the comments stored since its last read, by any replica
/// (<see cref="NextRead"/> → <see cref="Apply"/>), so a replica sees another's comments as soon as it would have seen
/// them in the database. Looking up the 68 probe keys of a fingerprint costs microseconds here, where the database
/// lookups it replaces were three quarters of PostgreSQL's time per comment once the window held a million comments
/// (docs/PERFORMANCE.md, session 5), and no per-band rows are written any more.
/// <para>
/// Each stored fingerprint goes under its four 16-bit band keys (<see cref="SimHash.BandKeys"/>); a key keeps its newest
/// <see cref="CandidatesPerKey"/> entries, so memory is bounded whatever a site's volume (at most 262,144 keys × that
/// many entries of 24 bytes per site) and entries older than the site's window are pruned every minute.
/// </para>
/// <para>
/// Ids come from a sequence and are allocated before commit, so a read can see id 12 before id 11 commits (two
/// batches or replicas at once), and an <c>ON CONFLICT DO NOTHING</c> burns ids that never appear. Ids skipped by a
/// read are read again by id for <see cref="GapTimeout"/>; after that they are taken as never committed.
/// </para>
/// </summary>
public sealed class CampaignIndex(TimeProvider time, ILogger<CampaignIndex> logger)
{
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Ids below the newest at startup that may still be in flight (other replicas' open batches).</summary>
    const int StartupGapSpan = 1_000;

    /// <summary>A jump in ids larger than this (a sequence reset by hand) is not tracked id by id.</summary>
    const int MaxGapSpan = 100_000;

    const int LoadPageSize = 20_000;
    static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);
    static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Entries kept per band key, newest first: a site's <see cref="CampaignSettings.MinAuthors"/> + 2 (at least 5, at
    /// most 50), so an exact copy can still reach the author threshold from its newest copies. A random fingerprint
    /// shares a 16-bit key with 1 in 65,536 others, so on a busy site random entries push true matches out only
    /// slowly: at 780 comments/s the newest 5 of a key reach back ~7 minutes, below ~90/s the whole default hour.
    /// </summary>
    public static int CandidatesPerKey(CampaignSettings campaign) => Math.Clamp(campaign.MinAuthors + 2, 5, 50);

    /// <summary>A comment as the index reads it.</summary>
    public readonly record struct Row(long Id, string SiteId, string AuthorId, long Fingerprint, DateTime ReceivedAt);

    /// <summary>What to read next: comments after <see cref="After"/>, and the skipped ids in <see cref="Gaps"/>.</summary>
    public readonly record struct Read(long After, long[] Gaps);

    // 24 bytes; the author as a hash (only the number of distinct authors among a handful of candidates is needed).
    readonly record struct Entry(long Comment, long Fingerprint, int Author, int Second);

    sealed class Site
    {
        public readonly Dictionary<int, Entry[]> Keys = [];
        public int PerKey = CandidatesPerKey(new CampaignSettings());
        public int WindowSeconds = new CampaignSettings().WindowMinutes * 60;
    }

    readonly Lock _gate = new();
    readonly SemaphoreSlim _loading = new(1, 1);
    readonly Dictionary<string, Site> _sites = new(StringComparer.Ordinal);
    readonly Dictionary<long, DateTimeOffset> _gaps = [];
    long _cursor;
    long _entries;
    volatile bool _loaded;
    DateTimeOffset _nextPrune;

    /// <summary>Entries held, over all sites and keys (a comment is filed under up to four keys).</summary>
    public long Entries => Interlocked.Read(ref _entries);

    public static int AuthorKey(string authorId) => authorId.GetHashCode(StringComparison.Ordinal);

    /// <summary>Applies a site's campaign settings (entries per key, window) to what is filed from now on.</summary>
    public void Configure(string siteId, CampaignSettings settings)
    {
        lock (_gate)
        {
            var site = SiteOf(siteId);
            site.PerKey = CandidatesPerKey(settings);
            site.WindowSeconds = settings.WindowMinutes * 60;
        }
    }

    /// <summary>
    /// Loads the campaign windows from the database the first time it is called (newest comments first, a page at a
    /// time, until a page ends before the longest window); later calls return at once.
    /// </summary>
    public async Task EnsureLoadedAsync(ModerationDbContext db, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                await LoadAsync(db, cancellationToken);
                _loaded = true;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    async Task LoadAsync(ModerationDbContext db, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var policies = await db.SitePolicies.AsNoTracking().Select(p => new { p.SiteId, p.PolicyJson }).ToListAsync(cancellationToken);
        var longest = new CampaignSettings().WindowMinutes;
        foreach (var policy in policies)
        {
            if (SitePolicyStore.Parse(policy.PolicyJson).Campaign is { } campaign)
            {
                Configure(policy.SiteId, campaign);
                longest = Math.Max(longest, campaign.WindowMinutes);
            }
        }

        // Replicas' clocks and ids are not in exactly the same order: read a few minutes past the window.
        var since = time.GetUtcNow().UtcDateTime.AddMinutes(-longest - 5);
        var before = long.MaxValue;
        var newest = 0L;
        var rows = 0;
        while (true)
        {
            var page = await db.Comments.AsNoTracking()
                .Where(c => c.Id < before)
                .OrderByDescending(c => c.Id)
                .Take(LoadPageSize)
                .Select(c => new Row(c.Id, c.SiteId, c.AuthorId, c.Fingerprint, c.ReceivedAt))
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            lock (_gate)
            {
                if (newest == 0)
                {
                    newest = page[0].Id;
                    _cursor = newest;
                    var present = page.Select(r => r.Id).ToHashSet();
                    var now = time.GetUtcNow();
                    for (var id = Math.Max(1, newest - StartupGapSpan); id < newest; id++)
                    {
                        if (!present.Contains(id))
                        {
                            _gaps[id] = now;
                        }
                    }
                }

                foreach (var row in page)
                {
                    File(row);
                }
            }

            rows += page.Count;
            before = page[^1].Id;
            if (page.Count < LoadPageSize || page[^1].ReceivedAt < since)
            {
                break;
            }

            if (rows % (LoadPageSize * 25) == 0)
            {
                logger.LogInformation("Loading the campaign index: {Rows} comments read so far", rows);
            }
        }

        if (rows >= 100_000)
        {
            // The pages read (a row object and two strings per comment) are garbage now; hand the heap they grew back
            // to the operating system once, as after a model load. Not measured on its own: with it, a million-comment
            // load took RSS 201 -> 259 MB (docs/PERFORMANCE.md); without it, on different data, 200 -> 330 MB.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        logger.LogInformation(
            "Campaign index loaded from {Rows} comments back to {Since:u} ({Minutes} minute window) in {Elapsed:F1} s; {Entries} entries",
            rows, since, longest, Stopwatch.GetElapsedTime(started).TotalSeconds, Entries);
    }

    /// <summary>What the next catch-up read asks for. Call <see cref="Apply"/> with its rows.</summary>
    public Read NextRead()
    {
        lock (_gate)
        {
            return new Read(_cursor, [.. _gaps.Keys]);
        }
    }

    /// <summary>
    /// Files the comments a catch-up read returned (every comment after <see cref="Read.After"/> and any of the gaps
    /// now committed). Reads may overlap or be applied out of order: a comment is filed once, and an id becomes a gap
    /// only when no read applied before saw past it.
    /// </summary>
    public void Apply(Read read, IReadOnlyCollection<Row> rows)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var newest = read.After;
            var seen = new HashSet<long>(rows.Count);
            foreach (var row in rows)
            {
                seen.Add(row.Id);
                _gaps.Remove(row.Id);
                newest = Math.Max(newest, row.Id);
                File(row);
            }

            var from = Math.Max(_cursor, read.After) + 1;
            if (newest - from > MaxGapSpan)
            {
                logger.LogWarning("Comment ids jumped from {From} to {To}; ids in between are not tracked as gaps", from, newest);
            }
            else
            {
                for (var id = from; id < newest; id++)
                {
                    if (!seen.Contains(id))
                    {
                        _gaps[id] = now;
                    }
                }
            }

            _cursor = Math.Max(_cursor, newest);
            foreach (var (id, since) in _gaps)
            {
                if (now - since > GapTimeout)
                {
                    _gaps.Remove(id); // Remove while enumerating is allowed (.NET Core 3.0 on)
                }
            }

            if (now >= _nextPrune)
            {
                Prune(now);
                _nextPrune = now + PruneEvery;
            }
        }
    }

    /// <summary>Reads and files what other replicas and this one stored since the last read (the embedded path).</summary>
    public async Task CatchUpAsync(ModerationDbContext db, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(db, cancellationToken);
        var read = NextRead();
        var gaps = read.Gaps;
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.Id > read.After || gaps.Contains(c.Id))
            .Select(c => new Row(c.Id, c.SiteId, c.AuthorId, c.Fingerprint, c.ReceivedAt))
            .ToListAsync(cancellationToken);
        Apply(read, rows);
    }

    /// <summary>Stored comments of the site within its window and <see cref="CampaignSettings.MaxDistance"/> bits of the fingerprint.</summary>
    public List<StoredFingerprint> Find(string siteId, long fingerprint, CampaignSettings settings)
    {
        var found = new List<StoredFingerprint>();
        var since = Seconds(time.GetUtcNow().UtcDateTime.AddMinutes(-settings.WindowMinutes));
        lock (_gate)
        {
            if (!_sites.TryGetValue(siteId, out var site))
            {
                return found;
            }

            foreach (var key in SimHash.ProbeKeys(fingerprint))
            {
                if (!site.Keys.TryGetValue(key, out var entries))
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (entry.Second >= since && SimHash.Distance(entry.Fingerprint, fingerprint) <= settings.MaxDistance
                        && !found.Exists(f => f.CommentRecordId == entry.Comment))
                    {
                        found.Add(new StoredFingerprint(entry.Comment, entry.Fingerprint, entry.Author));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// For each site among the items (campaigns on, fingerprint set), the stored near-duplicates of any of its items;
    /// <see cref="ModerationSignals.MatchCampaigns"/> then counts them per item.
    /// </summary>
    public Dictionary<string, IReadOnlyList<StoredFingerprint>> Candidates(IEnumerable<(string Site, long Fingerprint, CampaignSettings Settings)> items)
    {
        var candidates = new Dictionary<string, IReadOnlyList<StoredFingerprint>>(StringComparer.Ordinal);
        foreach (var site in items.Where(i => i.Fingerprint != 0 && i.Settings.Enabled).GroupBy(i => i.Site))
        {
            var settings = site.First().Settings;
            candidates[site.Key] = site.SelectMany(i => Find(site.Key, i.Fingerprint, settings)).DistinctBy(c => c.CommentRecordId).ToList();
        }

        return candidates;
    }

    Site SiteOf(string siteId)
    {
        if (!_sites.TryGetValue(siteId, out var site))
        {
            site = new Site();
            _sites[siteId] = site;
        }

        return site;
    }

    // Under _gate. Keeps each key's newest PerKey entries; a comment read twice (overlapping reads) is filed once.
    void File(Row row)
    {
        if (row.Fingerprint == 0)
        {
            return;
        }

        var site = SiteOf(row.SiteId);
        var entry = new Entry(row.Id, row.Fingerprint, AuthorKey(row.AuthorId), Seconds(row.ReceivedAt));
        foreach (var key in SimHash.BandKeys(row.Fingerprint))
        {
            ref var entries = ref CollectionsMarshal.GetValueRefOrAddDefault(site.Keys, key, out _);
            if (entries is null)
            {
                entries = [entry];
                _entries++;
                continue;
            }

            var oldest = 0;
            var duplicate = false;
            for (var i = 0; i < entries.Length; i++)
            {
                duplicate |= entries[i].Comment == entry.Comment;
                if (entries[i].Second < entries[oldest].Second)
                {
                    oldest = i;
                }
            }

            if (duplicate)
            {
                continue;
            }

            if (entries.Length < site.PerKey)
            {
                entries = [.. entries, entry];
                _entries++;
            }
            else if (entry.Second >= entries[oldest].Second)
            {
                entries[oldest] = entry;
            }
        }
    }

    // Under _gate. Drops entries older than their site's window, and keys left empty.
    void Prune(DateTimeOffset now)
    {
        var nowSeconds = Seconds(now.UtcDateTime);
        var removed = 0L;
        foreach (var site in _sites.Values)
        {
            var since = nowSeconds - site.WindowSeconds;
            var changed = new List<(int Key, Entry[] Kept)>();
            foreach (var (key, entries) in site.Keys)
            {
                // Most keys have nothing to drop: look before allocating (a busy site has 262,144 keys).
                if (Array.Exists(entries, e => e.Second < since))
                {
                    var kept = Array.FindAll(entries, e => e.Second >= since);
                    removed += entries.Length - kept.Length;
                    changed.Add((key, kept));
                }
            }

            foreach (var (key, kept) in changed)
            {
                if (kept.Length == 0)
                {
                    site.Keys.Remove(key);
                }
                else
                {
                    site.Keys[key] = kept;
                }
            }
        }

        _entries -= removed;
        if (removed > 0)
        {
            logger.LogDebug("Campaign index: {Removed} entries older than their window pruned", removed);
        }
    }

    static int Seconds(DateTime at) => (int)Math.Clamp((at - Epoch).TotalSeconds, int.MinValue, int.MaxValue);
}

/// <summary>A stored comment's fingerprint near one being moderated: a near-duplicate candidate.</summary>
public sealed record StoredFingerprint(long CommentRecordId, long Fingerprint, int AuthorKey);
