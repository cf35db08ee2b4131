using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Service.Ingestion;
using Moderation.Service.Observability;
using Moderation.Service.Policies;
using Moderation.Service.Reports;
using Moderation.Service.Review;

namespace Moderation.Service.Tests;

/// <summary>
/// What operators and the Grafana dashboard read at <c>/metrics</c>: every series of the service moves when the thing it
/// counts happens (read before and after, on a site of this test's own, so other tests' traffic cannot make it pass).
/// </summary>
public sealed class Reading_the_metrics : IAsyncLifetime
{
    const string Site = "portal-metrik";
    const string HeldSite = "portal-metrik-premod";
    readonly ModerationAppFactory _app = new();
    ITestHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _ = _app.Server;
        _harness = _app.Services.GetTestHarness();
        await _harness.Start();
        await _app.PreModerateAsync(HeldSite);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_series_moves_when_what_it_counts_happens()
    {
        var before = await ScrapeAsync();
        var indexBefore = _app.Services.GetRequiredService<CampaignIndex>().Entries;

        // A comment over HTTP and one over the bus, an invalid one, a held one a moderator approves, a reader report.
        var overHttp = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        var overBus = SampleComments.Submission(siteId: Site, authorId: "reader-bus");
        var endpoint = await _harness.Bus.GetSendEndpoint(new Uri($"queue:{SubmitCommentConsumerDefinition.QueueName}"));
        await endpoint.Send(overBus, Ct);
        Assert.NotEmpty(await _harness.WaitForPublishedAsync<CommentModerated>(m => m.CommentId == overBus.CommentId));

        using var site = _app.CreateClient();
        var invalid = await site.PostAsJsonAsync("/api/comments", SampleComments.Submission(text: " ", siteId: Site), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var held = await _app.SubmitAsync(SampleComments.Submission(siteId: HeldSite));
        Assert.Equal(ModerationStatus.Pending, held.Status);
        await _app.Services.GetRequiredService<ReviewBacklog>().RefreshAsync(Ct);
        var whileHeld = await ScrapeAsync();

        using var admin = _app.CreateClient(key: null);
        (await admin.PostAsJsonAsync($"/api/review/{HeldSite}/{held.CommentId}/decision", new DecisionRequest("Approved", null, null, null), Ct))
            .EnsureSuccessStatusCode();
        (await site.PostAsJsonAsync($"/api/comments/{Site}/{overHttp.CommentId}/reports", new ReportRequest("reader-9", "spam", null), Ct))
            .EnsureSuccessStatusCode();
        await _app.Services.GetRequiredService<ReviewBacklog>().RefreshAsync(Ct);
        // The bus consumer records the publish stage and the verdict latency once the broker confirmed its publish,
        // which the harness may have seen before: wait for those to be counted, then read everything else.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var after = await ScrapeAsync();
        while ((Moved("moderation_batch_stage_seconds_count", ("stage", "publish")) < 1 || Moved("moderation_verdict_latency_seconds_count") < 3)
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
            after = await ScrapeAsync();
        }

        Assert.Equal(2, Moved("moderation_comments_received", ("site", Site), ("channel", "http"))); // the invalid one too
        Assert.Equal(1, Moved("moderation_comments_received", ("site", Site), ("channel", "bus")));
        Assert.Equal(2, Moved("moderation_verdicts", ("site", Site), ("status", "Approved"), ("decided_by", "system")));
        Assert.Equal(1, Moved("moderation_verdicts", ("site", HeldSite), ("status", "Pending"), ("decided_by", "system")));
        Assert.Equal(1, Moved("moderation_verdicts", ("site", HeldSite), ("status", "Approved"), ("decided_by", "moderator")));
        Assert.True(Moved("moderation_submissions_invalid", ("channel", "http")) >= 1);
        Assert.Equal(1, Moved("moderation_moderator_decisions", ("site", HeldSite)));
        Assert.Equal(1, Moved("moderation_reader_reports", ("site", Site)));
        foreach (var label in new[] { "spam", "abuse", "hate" })
        {
            Assert.True(Moved("moderation_score_count", ("label", label)) >= 3, $"score histogram of {label} did not move");
        }

        Assert.True(Moved("moderation_scoring_duration_seconds_count") >= 1);
        Assert.True(Moved("moderation_verdict_latency_seconds_count") >= 3); // automatic first verdicts only
        foreach (var stage in new[] { "read", "score", "store", "publish" })
        {
            Assert.True(Moved("moderation_batch_stage_seconds_count", ("stage", stage)) >= 1, $"batch stage {stage} did not move");
        }

        // The backlog is a gauge: one held comment while pending, none once approved.
        Assert.Equal(1, Value(whileHeld, "moderation_review_backlog", ("site", HeldSite), ("queue", "pending")));
        Assert.Equal(0, Value(after, "moderation_review_backlog", ("site", HeldSite), ("queue", "pending")));
        // Each batch files the comments stored since the previous batch: by the held one's, the two before it are in the
        // campaign index (four band keys each). The gauge has no site label, and every test host in this process writes
        // it into prometheus-net's one registry (other test classes run alongside), so /metrics may show another host's
        // index: check that the series is there, and this host's index through the value it reports.
        Assert.Contains(after, line => line.StartsWith("moderation_campaign_index_entries ", StringComparison.Ordinal));
        Assert.True(_app.Services.GetRequiredService<CampaignIndex>().Entries - indexBefore >= 2 * 4, "the campaign index did not grow");
        var version = _app.Services.GetRequiredService<Moderation.Classifier.CommentClassifier>().Current.Version;
        Assert.Equal(1, Value(after, "moderation_model_info", ("version", version)));

        double Moved(string name, params (string Label, string Value)[] labels) => Value(after, name, labels) - Value(before, name, labels);
    }

    async Task<string[]> ScrapeAsync()
    {
        using var client = _app.CreateClient(key: null);
        return (await client.GetStringAsync("/metrics", Ct)).Split('\n');
    }

    /// <summary>The sum of a metric's samples whose labels include all of <paramref name="labels"/> (0 when none).</summary>
    static double Value(string[] exposition, string name, params (string Label, string Value)[] labels) => exposition
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
        .Where(line => labels.All(l => line.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
