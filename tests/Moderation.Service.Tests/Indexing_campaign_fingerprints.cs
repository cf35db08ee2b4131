using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

/// <summary>
/// The in-memory campaign index as the database feeds it: reads of "comments after id N" that may see ids out of
/// commit order, overlap each other or be applied late, and a bounded number of entries per band key.
/// </summary>
public sealed class Indexing_campaign_fingerprints
{
    static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    static readonly CampaignSettings Settings = new() { MaxDistance = 7 };

    sealed class Clock(DateTime now) : TimeProvider
    {
        public DateTime Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    static CampaignIndex.Row Row(long id, long fingerprint, string author = "a", string site = "s", DateTime? at = null) =>
        new(id, site, author, fingerprint, at ?? Now.AddMinutes(-1));

    static long[] Found(CampaignIndex index, long fingerprint, string site = "s") =>
        [.. index.Find(site, fingerprint, Settings).Select(f => f.CommentRecordId).Order()];

    [Fact]
    public void An_id_committed_after_a_higher_one_is_read_again_until_it_appears()
    {
        var index = new CampaignIndex(new Clock(Now), NullLogger<CampaignIndex>.Instance);
        var first = index.NextRead();
        index.Apply(first, [Row(1, CampaignRows.At(0)), Row(2, CampaignRows.At(1)), Row(4, CampaignRows.At(2))]);

        var second = index.NextRead();
        Assert.Equal(4, second.After);
        Assert.Equal([3L], second.Gaps);

        // Id 3's batch commits late; the next read asks for it by id.
        index.Apply(second, [Row(3, CampaignRows.At(3))]);
        Assert.Equal([1L, 2, 3, 4], Found(index, CampaignRows.Fingerprint));
        Assert.Empty(index.NextRead().Gaps);
    }

    [Fact]
    public void Overlapping_reads_applied_out_of_order_file_each_comment_once_and_leave_no_false_gap()
    {
        var index = new CampaignIndex(new Clock(Now), NullLogger<CampaignIndex>.Instance);
        var early = index.NextRead();
        var late = index.NextRead();

        // Two batches read from the same cursor; the later read saw id 2 committed, the earlier did not.
        index.Apply(late, [Row(1, CampaignRows.At(0), "a-1"), Row(2, CampaignRows.At(1), "a-2"), Row(3, CampaignRows.At(2), "a-3")]);
        index.Apply(early, [Row(1, CampaignRows.At(0), "a-1"), Row(3, CampaignRows.At(2), "a-3")]);

        Assert.Empty(index.NextRead().Gaps);
        Assert.Equal(3 * Moderation.Service.Policies.SimHash.Bands, index.Entries);
        Assert.Equal([1L, 2, 3], Found(index, CampaignRows.Fingerprint));
    }

    [Fact]
    public void A_skipped_id_is_given_up_after_the_gap_timeout()
    {
        var clock = new Clock(Now);
        var index = new CampaignIndex(clock, NullLogger<CampaignIndex>.Instance);
        index.Apply(index.NextRead(), [Row(1, CampaignRows.At(0)), Row(3, CampaignRows.At(1))]);
        Assert.Equal([2L], index.NextRead().Gaps);

        clock.Now += CampaignIndex.GapTimeout + TimeSpan.FromSeconds(1);
        index.Apply(index.NextRead(), []);

        Assert.Empty(index.NextRead().Gaps);
    }

    [Fact]
    public void Only_fingerprints_within_the_distance_window_and_site_are_found()
    {
        var index = new CampaignIndex(new Clock(Now), NullLogger<CampaignIndex>.Instance);
        var rows = Enumerable.Range(0, 10).Select(d => Row(d + 1, CampaignRows.At(d), $"a-{d}")).ToList();
        rows.Add(Row(11, CampaignRows.At(0), "old", at: Now.AddMinutes(-61)));
        rows.Add(Row(12, CampaignRows.At(0), "elsewhere", site: "other"));
        rows.Add(Row(13, 0, "too-short"));
        index.Apply(index.NextRead(), rows);

        // 0–7 bits away (ids 1–8, the bits spread so that from 4 on no band matches exactly), not 8 or 9 bits, not
        // older than the 60-minute window, not another site's.
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], Found(index, CampaignRows.Fingerprint));
        Assert.Equal([12L], Found(index, CampaignRows.Fingerprint, site: "other"));
    }

    [Fact]
    public void A_band_key_keeps_its_newest_entries_up_to_the_sites_limit()
    {
        var index = new CampaignIndex(new Clock(Now), NullLogger<CampaignIndex>.Instance);
        index.Configure("s", new CampaignSettings { MinAuthors = 3 });
        Assert.Equal(5, CampaignIndex.CandidatesPerKey(new CampaignSettings { MinAuthors = 3 }));

        // Eight copies of the same text, oldest first, then read again newest first (as the startup load reads).
        var copies = Enumerable.Range(1, 8).Select(i => Row(i, CampaignRows.Fingerprint, $"a-{i}", at: Now.AddMinutes(-30 + i))).ToList();
        index.Apply(index.NextRead(), copies);

        Assert.Equal([4L, 5, 6, 7, 8], Found(index, CampaignRows.Fingerprint));
        var fresh = new CampaignIndex(new Clock(Now), NullLogger<CampaignIndex>.Instance);
        fresh.Apply(fresh.NextRead(), [.. Enumerable.Reverse(copies)]);
        Assert.Equal([4L, 5, 6, 7, 8], Found(fresh, CampaignRows.Fingerprint));
    }

    [Fact]
    public void Entries_older_than_their_sites_window_are_pruned()
    {
        var clock = new Clock(Now);
        var index = new CampaignIndex(clock, NullLogger<CampaignIndex>.Instance);
        index.Configure("short", new CampaignSettings { WindowMinutes = 10 });
        index.Apply(index.NextRead(), [Row(1, CampaignRows.At(0), site: "short"), Row(2, CampaignRows.At(0), site: "s")]);
        Assert.Equal(2 * Moderation.Service.Policies.SimHash.Bands, index.Entries);

        clock.Now += TimeSpan.FromMinutes(15);
        index.Apply(index.NextRead(), []);

        Assert.Equal(Moderation.Service.Policies.SimHash.Bands, index.Entries);
    }
}
