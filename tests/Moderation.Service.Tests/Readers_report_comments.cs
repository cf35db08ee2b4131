using System.Net;
using System.Net.Http.Json;
using MassTransit.Testing;
using Moderation.Contracts;
using Moderation.Service.Comments;
using Moderation.Service.Reports;
using Moderation.Service.Review;

namespace Moderation.Service.Tests;

public sealed class Readers_report_comments : IAsyncLifetime
{
    const string Site = "portal-laporan";
    readonly ModerationAppFactory _app = new();

    public async ValueTask InitializeAsync()
    {
        using var admin = _app.CreateClient(key: null);
        // No automatic holds on this site: comments are published, then readers report them.
        var thresholds = new { review = 1.0, reject = 1.0 };
        (await admin.PutAsJsonAsync($"/api/sites/{Site}/policy", new { reportsToReview = 2, thresholds = new { spam = thresholds, abuse = thresholds, hate = thresholds }, maxContacts = (int?)null }, Ct))
            .EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enough_distinct_reports_move_a_published_comment_into_the_reported_queue_while_it_stays_visible()
    {
        var comment = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        Assert.Equal(ModerationStatus.Approved, comment.Status);
        using var site = _app.CreateClient();

        var first = await ReportAsync(site, comment.CommentId, "reader-1");
        var repeated = await ReportAsync(site, comment.CommentId, "reader-1");
        var second = await ReportAsync(site, comment.CommentId, "reader-2");

        Assert.Equal(("recorded", 1, false), (first.Status, first.Reports, first.InReportedQueue));
        Assert.Equal(("duplicate", 1), (repeated.Status, repeated.Reports));
        Assert.Equal(("recorded", 2, true), (second.Status, second.Reports, second.InReportedQueue));

        using var admin = _app.CreateClient(key: null);
        var reported = await admin.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&queue=reported", ModeratorApi.Json, Ct);
        Assert.Equal(2, Assert.Single(reported!.Items, i => i.CommentId == comment.CommentId).ReportCount);
        var article = await site.GetFromJsonAsync<ArticleComments>($"/api/sites/{Site}/articles/{comment.ArticleId}/comments", Ct);
        Assert.Contains(article!.Items, c => c.CommentId == comment.CommentId);

        (await admin.PostAsJsonAsync($"/api/review/{Site}/{comment.CommentId}/decision", new DecisionRequest("Approved", null, "reports unfounded", null), Ct)).EnsureSuccessStatusCode();
        var after = await admin.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&queue=reported", ModeratorApi.Json, Ct);
        Assert.DoesNotContain(after!.Items, i => i.CommentId == comment.CommentId);
    }

    [Fact]
    public async Task Reports_arrive_over_the_bus_too()
    {
        var comment = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        var harness = _app.Services.GetTestHarness();
        await harness.Start();
        var endpoint = await harness.Bus.GetSendEndpoint(new Uri($"queue:{ReportCommentConsumerDefinition.QueueName}"));

        await endpoint.Send(new ReportComment { SiteId = Site, CommentId = comment.CommentId, ReporterId = "bus-reader-1", Reason = "spam" }, Ct);
        await endpoint.Send(new ReportComment { SiteId = Site, CommentId = comment.CommentId, ReporterId = "bus-reader-2", Reason = "abuse", Note = "kasar" }, Ct);

        using var admin = _app.CreateClient(key: null);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ReviewPage? reported;
        do
        {
            reported = await admin.GetFromJsonAsync<ReviewPage>($"/api/review?siteId={Site}&queue=reported", ModeratorApi.Json, Ct);
        }
        while (reported!.Items.All(i => i.CommentId != comment.CommentId) && DateTime.UtcNow < deadline && await Task.Delay(50, Ct).ContinueWith(_ => true, Ct));

        Assert.Contains(reported.Items, i => i.CommentId == comment.CommentId);
    }

    [Fact]
    public async Task Invalid_or_unknown_reports_get_clear_answers()
    {
        using var site = _app.CreateClient();

        var unknown = await site.PostAsJsonAsync($"/api/comments/{Site}/no-such-comment/reports", new ReportRequest("reader-1", "spam", null), Ct);
        var invalid = await site.PostAsJsonAsync($"/api/comments/{Site}/no-such-comment/reports", new ReportRequest("", "because", null), Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync(Ct);
        Assert.Contains("reporterId", problem, StringComparison.Ordinal);
        Assert.Contains("reason must be one of", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_cannot_flood_reports()
    {
        using var site = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 22; i++)
        {
            var comment = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
            statuses.Add((await site.PostAsJsonAsync($"/api/comments/{Site}/{comment.CommentId}/reports", new ReportRequest("flooder", "spam", null), Ct)).StatusCode);
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    static async Task<ReportResult> ReportAsync(HttpClient client, string commentId, string reporter)
    {
        var response = await client.PostAsJsonAsync($"/api/comments/{Site}/{commentId}/reports", new ReportRequest(reporter, "abuse", null), Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReportResult>(Ct))!;
    }
}
