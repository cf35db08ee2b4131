using System.Net;
using System.Net.Http.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Service.Auth;
using Moderation.Service.Comments;
using Moderation.Service.Data;
using Moderation.Service.Review;

namespace Moderation.Service.Tests;

public sealed class Moderating_comments : IAsyncLifetime
{
    const string Site = "portal-berita";
    readonly ModerationAppFactory _app = new();
    HttpClient _moderator = null!;
    string _moderatorName = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.PreModerateAsync(Site);
        using var admin = _app.CreateClient(key: null);
        _moderatorName = $"siti-{Guid.NewGuid():N}"[..12];
        var created = await (await admin.PostAsJsonAsync("/api/keys", new CreateKeyRequest(_moderatorName, Roles.Moderator, [Site]), Ct))
            .Content.ReadFromJsonAsync<CreatedKey>(Ct);
        _moderator = _app.CreateClient(created!.Key);
    }

    public async ValueTask DisposeAsync()
    {
        _moderator.Dispose();
        await _app.DisposeAsync();
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Held_comments_wait_in_the_pending_queue_with_scores_reasons_and_author_history()
    {
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));

        var page = await _moderator.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&queue=pending", ModeratorApi.Json, Ct);

        var item = Assert.Single(page!.Items, i => i.CommentId == held.CommentId);
        Assert.Equal(ModerationStatus.Pending, item.Status);
        Assert.Contains(item.Reasons, r => r.Code == "site.premoderation");
        Assert.Equal(held.Scores, item.Scores);
        Assert.Equal("artikel-banjir-2026", item.ArticleId);
        Assert.Equal(1, item.Author.Pending);
    }

    [Fact]
    public async Task Approving_publishes_revision_two_by_the_moderator_and_shows_the_comment()
    {
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));

        var response = await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Approved", null, "fine", 1), Ct);

        response.EnsureSuccessStatusCode();
        var verdict = await response.Content.ReadFromJsonAsync<CommentModerated>(ModeratorApi.Json, Ct);
        Assert.Equal((ModerationStatus.Approved, 2, _moderatorName), (verdict!.Status, verdict.Revision, verdict.DecidedBy));
        var published = await _app.Services.GetTestHarness().WaitForPublishedAsync<CommentModerated>(m => m.CommentId == held.CommentId && m.Revision == 2);
        Assert.Equal(_moderatorName, Assert.Single(published).DecidedBy);

        var article = await _app.CreateClient().GetFromJsonAsync<ArticleComments>($"/api/sites/{Site}/articles/artikel-banjir-2026/comments", Ct);
        Assert.Contains(article!.Items, c => c.CommentId == held.CommentId);

        var details = await _moderator.GetFromJsonAsync<CommentDetails>($"/api/comments/{Site}/{held.CommentId}", ModeratorApi.Json, Ct);
        Assert.Equal([1, 2], details!.History.Select(h => h.Revision));
        Assert.Equal(_moderatorName, details.History[1].DecidedBy);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_code_and_keeps_it_in_the_history()
    {
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));

        var missing = await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Rejected", null, null, null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        (await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Rejected", "off-topic", "iklan", null), Ct)).EnsureSuccessStatusCode();

        var details = await _moderator.GetFromJsonAsync<CommentDetails>($"/api/comments/{Site}/{held.CommentId}", ModeratorApi.Json, Ct);
        Assert.Equal(("off-topic", "iklan"), (details!.History[^1].ReasonCode, details.History[^1].Note));
    }

    [Fact]
    public async Task A_stale_decision_is_refused_with_a_conflict()
    {
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        (await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Approved", null, null, 1), Ct)).EnsureSuccessStatusCode();

        var stale = await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Rejected", "spam", null, 1), Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Undo_restores_the_previous_status_as_a_new_revision()
    {
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        (await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Rejected", "spam", null, null), Ct)).EnsureSuccessStatusCode();

        var undone = await (await _moderator.PostAsync($"/api/review/{Site}/{held.CommentId}/undo", null, Ct)).Content.ReadFromJsonAsync<CommentModerated>(ModeratorApi.Json, Ct);

        Assert.Equal((ModerationStatus.Pending, 3), (undone!.Status, undone.Revision));
        var published = await _app.Services.GetTestHarness().WaitForPublishedAsync<CommentModerated>(m => m.CommentId == held.CommentId && m.Revision == 3);
        Assert.Single(published);
    }

    [Fact]
    public async Task Bulk_decisions_decide_every_listed_comment()
    {
        var a = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        var b = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));

        var outcomes = await (await _moderator.PostAsJsonAsync("/api/review/decisions", new BulkDecisionRequest([new(Site, a.CommentId), new(Site, b.CommentId), new(Site, "missing")], "Rejected", "spam", null), Ct))
            .Content.ReadFromJsonAsync<List<DecisionOutcome>>(ModeratorApi.Json, Ct);

        Assert.Equal([DecisionResult.Decided, DecisionResult.Decided, DecisionResult.NotFound], outcomes!.Select(o => o.Result));
        Assert.All(outcomes!.Take(2), o => Assert.Equal(ModerationStatus.Rejected, o.Verdict!.Status));
    }

    [Fact]
    public async Task Banning_an_author_rejects_their_pending_and_future_comments()
    {
        var author = $"spammer-{Guid.NewGuid():N}"[..16];
        var pending = await _app.SubmitAsync(SampleComments.Submission(siteId: Site, authorId: author));

        var banned = await (await _moderator.PostAsJsonAsync($"/api/sites/{Site}/authors/{author}/ban", new BanRequest("spam", "judol account"), Ct))
            .Content.ReadFromJsonAsync<List<DecisionOutcome>>(ModeratorApi.Json, Ct);
        var later = await _app.SubmitAsync(SampleComments.Submission(siteId: Site, authorId: author));

        Assert.Equal(pending.CommentId, Assert.Single(banned!).CommentId);
        Assert.Equal(ModerationStatus.Rejected, banned![0].Verdict!.Status);
        Assert.Equal(ModerationStatus.Rejected, later.Status);
        Assert.Contains(later.Reasons, r => r.Code == "author.banned");

        Assert.Equal(HttpStatusCode.NoContent, (await _moderator.DeleteAsync($"/api/sites/{Site}/authors/{author}/ban", Ct)).StatusCode);
        Assert.NotEqual(ModerationStatus.Rejected, (await _app.SubmitAsync(SampleComments.Submission(siteId: Site, authorId: author))).Status);
    }

    [Fact]
    public async Task The_audit_log_shows_who_did_what_filterable_by_moderator_and_time()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        (await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Approved", null, null, null), Ct)).EnsureSuccessStatusCode();

        using var admin = _app.CreateClient(key: null);
        var entries = await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?actor={_moderatorName}&from={Uri.EscapeDataString(since.ToString("O"))}", Ct);
        var future = await admin.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?actor={_moderatorName}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}", Ct);

        var entry = Assert.Single(entries!);
        Assert.Equal(("decision", held.CommentId, Site), (entry.Action, entry.CommentId, entry.SiteId));
        Assert.Contains("\"to\":\"Approved\"", entry.Details, StringComparison.Ordinal);
        Assert.Empty(future!);
    }

    [Fact]
    public async Task Queues_filter_sort_and_page()
    {
        var article = $"artikel-{Guid.NewGuid():N}"[..16];
        for (var i = 0; i < 5; i++)
        {
            await _app.SubmitAsync(SampleComments.Submission(siteId: Site) with { ArticleId = article });
        }

        var first = await _moderator.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&articleId={article}&sort=age&limit=2", ModeratorApi.Json, Ct);
        var second = await _moderator.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&articleId={article}&sort=age&limit=2&cursor={first!.NextCursor}", ModeratorApi.Json, Ct);
        var third = await _moderator.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&articleId={article}&sort=age&limit=2&cursor={second!.NextCursor}", ModeratorApi.Json, Ct);
        var byReason = await _moderator.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&articleId={article}&reason=site.premoderation", ModeratorApi.Json, Ct);
        var byOtherReason = await _moderator.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&articleId={article}&reason=campaign.duplicate", ModeratorApi.Json, Ct);
        var byRisk = await _moderator.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&articleId={article}&sort=risk", ModeratorApi.Json, Ct);

        var ids = first.Items.Concat(second.Items).Concat(third!.Items).Select(i => i.ReceivedAt).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Null(third.NextCursor);
        Assert.Equal(5, byReason!.Items.Count);
        Assert.Empty(byOtherReason!.Items);
        Assert.Equal(byRisk!.Items.Select(i => Math.Max(i.Scores.Spam, Math.Max(i.Scores.Abuse, i.Scores.Hate))).OrderDescending(), byRisk.Items.Select(i => Math.Max(i.Scores.Spam, Math.Max(i.Scores.Abuse, i.Scores.Hate))));
    }

    [Fact]
    public async Task The_summary_counts_held_comments_and_todays_decisions()
    {
        var before = await _moderator.GetFromJsonAsync<ReviewSummary>($"/api/review/summary?siteId={Site}&tzOffsetMinutes=420", Ct);
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        (await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Approved", null, null, null), Ct)).EnsureSuccessStatusCode();

        var after = await _moderator.GetFromJsonAsync<ReviewSummary>($"/api/review/summary?siteId={Site}&tzOffsetMinutes=420", Ct);

        Assert.Equal(before!.Pending + 1, after!.Pending);
        Assert.Equal(before.DecidedToday + 1, after.DecidedToday);
    }

    [Fact]
    public async Task Stats_count_what_came_in_what_the_system_and_moderators_decided_and_why()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        (await _moderator.PostAsJsonAsync($"/api/review/{Site}/{held.CommentId}/decision", new DecisionRequest("Rejected", "spam", null, null), Ct)).EnsureSuccessStatusCode();

        var stats = await _moderator.GetFromJsonAsync<SiteStats>($"/api/stats?siteId={Site}&from={Uri.EscapeDataString(from.ToString("O"))}", Ct);

        Assert.Equal(2, stats!.Received);
        Assert.Equal(2, stats.AutomaticDecisions["Pending"]);
        Assert.Equal((1, 1), (stats.CurrentStatus["Pending"], stats.CurrentStatus["Rejected"]));
        Assert.Equal(1, stats.ModeratorDecisions);
        Assert.Equal(2, stats.Reasons["site.premoderation"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await _moderator.GetAsync($"/api/stats?siteId={Site}&from=2026-01-02&to=2026-01-01", Ct)).StatusCode);
    }

    [Fact]
    public async Task Decisions_whose_event_did_not_go_out_are_republished()
    {
        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
            await db.Decisions.Where(d => d.Comment!.CommentId == held.CommentId)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.PublishedAt, (DateTime?)null).SetProperty(x => x.DecidedAt, DateTime.UtcNow.AddMinutes(-1)), Ct);
        }

        var republisher = _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DecisionRepublisher>().Single();
        Assert.True(await republisher.RepublishAsync(Ct) >= 1);

        Assert.Equal(2, (await _app.Services.GetTestHarness().WaitForPublishedAsync<CommentModerated>(m => m.CommentId == held.CommentId, count: 2)).Count);
        Assert.Equal(0, await republisher.RepublishAsync(Ct));
    }
}
