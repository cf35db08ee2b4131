using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using Moderation.Contracts;
using static Moderation.IntegrationTests.AmqpTestClient;

namespace Moderation.IntegrationTests;

/// <summary>Author history reads PostgreSQL and each replica's campaign index reads what all replicas stored, so two replicas see each other's comments.</summary>
[Trait("Category", "Integration")]
public sealed class Signals_hold_across_replicas(IsolatedServers servers) : IClassFixture<IsolatedServers>, IAsyncLifetime
{
    const string AdminKey = "integration-admin-key-0123456789abcdef";
    const string Promo = "Gabung sekarang di situs terpercaya kami, bonus member baru seratus persen dan penarikan cepat tanpa ribet";
    ServiceHost _first = null!;
    ServiceHost _second = null!;

    public async ValueTask InitializeAsync()
    {
        _first = new ServiceHost(servers, AdminKey);
        _second = new ServiceHost(servers, AdminKey);
        await _first.StartAsync();
        await _second.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_text_from_three_authors_on_two_replicas_is_a_campaign()
    {
        var site = $"kampanye-{Guid.NewGuid():N}"[..20];

        var one = await SubmitAsync(_first, SampleComments.Submission(Promo, siteId: site, authorId: "a-1"));
        var two = await SubmitAsync(_second, SampleComments.Submission(Promo.Replace("seratus", "dua ratus", StringComparison.Ordinal), siteId: site, authorId: "a-2"));
        var three = await SubmitAsync(_first, SampleComments.Submission(Promo + "!!", siteId: site, authorId: "a-3"));

        Assert.DoesNotContain(one.Reasons, r => r.Code == "campaign.duplicate");
        Assert.DoesNotContain(two.Reasons, r => r.Code == "campaign.duplicate");
        var campaign = Assert.Single(three.Reasons, r => r.Code == "campaign.duplicate");
        Assert.Contains("3 authors", campaign.Detail, StringComparison.Ordinal);
        Assert.NotEqual(ModerationStatus.Approved, three.Status);

        // Over the bus too: a fourth author's copy, consumed by whichever replica gets it.
        await using var client = await ConnectAsync(servers.RabbitMq);
        var four = SampleComments.Submission(Promo, siteId: site, authorId: "a-4");
        await client.PublishJsonAsync(four);
        var verdict = Assert.Single(await client.WaitForAsync(VerdictExchange, m => Text(m, "commentId") == four.CommentId));
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => Text(r, "code") == "campaign.duplicate");
    }

    [Fact]
    public async Task An_author_rejected_on_one_replica_is_held_on_the_other()
    {
        var site = $"riwayat-{Guid.NewGuid():N}"[..20];
        using var admin = _first.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
        for (var i = 0; i < 3; i++)
        {
            var comment = await SubmitAsync(_first, SampleComments.Submission($"Komentar nomor {i} tentang berita hari ini", siteId: site, authorId: "troll-1"));
            (await admin.PostAsJsonAsync($"/api/review/{site}/{comment.CommentId}/decision", new { status = "Rejected", reason = "abuse" }, Ct)).EnsureSuccessStatusCode();
        }

        var next = await SubmitAsync(_second, SampleComments.Submission("Komentar berikutnya tentang berita hari ini", siteId: site, authorId: "troll-1"));
        var other = await SubmitAsync(_second, SampleComments.Submission("Komentar berikutnya tentang berita hari ini", siteId: site, authorId: "reader-2"));

        Assert.Contains(next.Reasons, r => r.Code == "author.history");
        Assert.NotEqual(ModerationStatus.Approved, next.Status);
        Assert.DoesNotContain(other.Reasons, r => r.Code == "author.history");
    }

    static async Task<CommentModerated> SubmitAsync(ServiceHost replica, SubmitComment submission)
    {
        using var client = replica.CreateClient();
        var response = await client.PostAsJsonAsync("/api/comments", submission, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CommentModerated>(Ct))!;
    }
}

/// <summary>Author history reads only an author's newest comments of the window, on PostgreSQL.</summary>
[Trait("Category", "Integration")]
public sealed class Reading_author_history(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    [Fact]
    public async Task Only_the_newest_comments_of_a_prolific_author_count()
    {
        await using var host = new ServiceHost(servers);
        await host.StartAsync();
        var site = $"prolific-{Guid.NewGuid():N}"[..20];
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Moderation.Service.Data.ModerationDbContext>();
        var now = DateTime.UtcNow;
        db.Comments.AddRange(AuthorHistoryRows.Build(site, "prolific", now));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var policy = new Moderation.Service.Policies.CompiledPolicy(new Moderation.Service.Policies.SitePolicy { Thresholds = AuthorHistoryRows.Thresholds, NewAuthorApprovals = 5 });
        var read = await Moderation.Service.Data.PostgresBatchReader.ReadAsync(
            db, host.Services.GetRequiredService<Moderation.Service.Policies.CampaignIndex>(), [new(site, "new-comment", "prolific", 0, policy)], now, TestContext.Current.CancellationToken);

        // 120 rejected two weeks ago, then 100 approved: the newest 100 are all approved, so the author is fine.
        var author = read.Authors[(site, "prolific")];
        Assert.Equal((100, 0), (author.DecidedInWindow, author.RejectedInWindow));
        Assert.Equal(5, author.ApprovedTotal);
    }
}

/// <summary>Campaign candidates on PostgreSQL (comments stored, then read into the index): every fingerprint within MaxDistance, none beyond.</summary>
[Trait("Category", "Integration")]
public sealed class Finding_near_duplicates(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    [Fact]
    public async Task Fingerprints_up_to_seven_bits_away_are_found_even_when_no_band_matches_exactly()
    {
        await using var host = new ServiceHost(servers);
        await host.StartAsync();
        var site = $"near-{Guid.NewGuid():N}"[..20];
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Moderation.Service.Data.ModerationDbContext>();
        var now = DateTime.UtcNow;
        var comments = CampaignRows.Build(site, now).ToList();
        db.Comments.AddRange(comments);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var read = await Moderation.Service.Data.PostgresBatchReader.ReadAsync(
            db, host.Services.GetRequiredService<Moderation.Service.Policies.CampaignIndex>(),
            [new(site, "new-comment", "newcomer", CampaignRows.Fingerprint, CampaignRows.Policy)], now, TestContext.Current.CancellationToken);

        // The eight stored comments 0–7 bits away, and not those 8 and 9 bits away.
        var found = read.Candidates[site].Select(c => comments.Single(r => r.Id == c.CommentRecordId).CommentId).Order();
        Assert.Equal(Enumerable.Range(0, 8).Select(d => $"near-{d}"), found);
        var match = Moderation.Service.Policies.ModerationSignals.MatchCampaigns([(site, "newcomer", CampaignRows.Fingerprint, CampaignRows.Policy)], read.Candidates);
        Assert.Equal(new Moderation.Service.Policies.CampaignMatch(Comments: 9, Authors: 9), match[0]);
    }
}

/// <summary>The fingerprint data migration on PostgreSQL (its SQL differs from SQLite's), on a database at <c>Initial</c>.</summary>
[Trait("Category", "Integration")]
public sealed class Migrating_the_database(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    [Fact]
    public async Task Campaign_fingerprints_stored_as_eight_bit_bands_become_sixteen_bit_bands()
    {
        var options = new DbContextOptionsBuilder<Moderation.Service.Data.PostgresModerationDbContext>()
            .UseNpgsql(servers.Postgres).Options;
        await using var db = new Moderation.Service.Data.PostgresModerationDbContext(options);

        var (comments, stored) = await EightBitBandRows.MigrateAsync(db, "20261127111105_Initial", TestContext.Current.CancellationToken);

        EightBitBandRows.AssertSixteenBitBands(comments, stored);
    }
}
