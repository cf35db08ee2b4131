using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Service.Ingestion;
using Moderation.Service.Observability;

[assembly: AssemblyFixture(typeof(Moderation.DeployTests.RunningService))]

namespace Moderation.DeployTests;

/// <summary>
/// One service for the whole run, driven through every path the dashboard shows (HTTP and bus submissions, valid and
/// invalid, a moderator decision, a reader report, a consumer failing on a broken database), then scraped.
/// </summary>
public sealed class RunningService : IAsyncLifetime
{
    public DeployAppFactory App { get; } = new();

    /// <summary>The scrape of <c>/metrics</c> once every series the dashboard needs has appeared (or time ran out).</summary>
    public MetricsText Metrics { get; private set; } = new("");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = App.CreateAdminClient();

        var ordinary = SampleComments.Submission();
        var verdict = await PostAsync(http, ordinary, cancellationToken);
        await PostAsync(http, SampleComments.Submission(SampleComments.Gambling), cancellationToken);
        using (var invalid = await http.PostAsJsonAsync("/api/comments", new { siteId = "portal-berita", text = "" }, cancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        var decision = verdict.Status == ModerationStatus.Approved ? new { status = "Rejected", reason = "spam" } : new { status = "Approved", reason = "other" };
        (await http.PostAsJsonAsync($"/api/review/{ordinary.SiteId}/{ordinary.CommentId}/decision", decision, cancellationToken)).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/comments/{ordinary.SiteId}/{ordinary.CommentId}/reports", new { reporterId = "reader-9", reason = "spam" }, cancellationToken)).EnsureSuccessStatusCode();

        // A site that pre-moderates everything, so the review backlog has something in it.
        (await http.PutAsJsonAsync("/api/sites/portal-pracetak/policy", new { preModerateAll = true }, cancellationToken)).EnsureSuccessStatusCode();
        var held = await PostAsync(http, SampleComments.Submission(siteId: "portal-pracetak"), cancellationToken);
        Assert.Equal(ModerationStatus.Pending, held.Status);

        // Over the (in-memory) bus: one good message, one unreadable body, and one while the database is broken.
        var endpoint = await App.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{SubmitCommentConsumerDefinition.QueueName}"));
        await endpoint.Send(SampleComments.Submission(), cancellationToken);
        await endpoint.Send(SampleComments.Submission(), context => context.Serializer = new UnreadableBody(), cancellationToken);
        await WaitForAsync(http, m => m.FamilyOf("moderation_submissions_invalid") is not null && m.Raw.Contains("unreadable_body", StringComparison.Ordinal), cancellationToken);

        await ExecuteAsync("ALTER TABLE comments RENAME TO comments_broken", cancellationToken);
        try
        {
            await endpoint.Send(SampleComments.Submission(), cancellationToken);
            await WaitForAsync(http, m => m.Raw.Contains("Fault_SubmitComment", StringComparison.Ordinal), cancellationToken);
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE comments_broken RENAME TO comments", cancellationToken);
        }

        await App.Services.GetRequiredService<ReviewBacklog>().RefreshAsync(cancellationToken);
        var wanted = Dashboard.Load().MetricNames.Where(n => n != "up").ToList();
        Metrics = await WaitForAsync(http, m => wanted.All(n => m.FamilyOf(n) is not null), cancellationToken);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = App.Database.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static async Task<CommentModerated> PostAsync(HttpClient http, SubmitComment comment, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/comments", comment, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CommentModerated>(Json.Options, cancellationToken))!;
    }

    /// <summary>Scrapes until <paramref name="ready"/> holds, for at most 30 seconds; returns the last scrape either way.</summary>
    static async Task<MetricsText> WaitForAsync(HttpClient http, Func<MetricsText, bool> ready, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var metrics = new MetricsText(await http.GetStringAsync("/metrics", cancellationToken));
            if (ready(metrics) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Sends bytes that are not JSON, as a site with a broken client would.</summary>
    sealed class UnreadableBody : IMessageSerializer
    {
        public System.Net.Mime.ContentType ContentType { get; } = new("application/json");

        public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class => new StringMessageBody("{ this is not json");
    }
}
