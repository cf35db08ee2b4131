using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Service.Data;
using static Moderation.IntegrationTests.AmqpTestClient;

namespace Moderation.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class Sites_submit_over_rabbitmq(IsolatedServers servers) : IClassFixture<IsolatedServers>, IAsyncLifetime
{
    ServiceHost _service = null!;
    AmqpTestClient _site = null!;

    public async ValueTask InitializeAsync()
    {
        _service = new ServiceHost(servers);
        await _service.StartAsync();
        _site = await ConnectAsync(servers.RabbitMq);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Raw_json_from_a_plain_amqp_client_gets_a_verdict()
    {
        var site = NewSite();
        var ordinary = SampleComments.Submission(siteId: site);
        var gambling = SampleComments.Submission(SampleComments.Gambling, siteId: site, authorId: "promoter-1");

        await _site.PublishJsonAsync(ordinary);
        await _site.PublishAsync(JsonSerializer.SerializeToUtf8Bytes(gambling, JsonSerializerOptions.Web), contentType: null);

        var first = Assert.Single(await _site.WaitForAsync(VerdictExchange, m => Text(m, "commentId") == ordinary.CommentId));
        Assert.Equal("Approved", Text(first, "status"));
        Assert.Equal(ordinary.SiteId, Text(first, "siteId"));
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        var second = Assert.Single(await _site.WaitForAsync(VerdictExchange, m => Text(m, "commentId") == gambling.CommentId));
        Assert.NotEqual("Approved", Text(second, "status"));
    }

    [Fact]
    public async Task A_masstransit_client_gets_a_verdict()
    {
        var verdicts = new TaskCompletionSource<CommentModerated>(TaskCreationOptions.RunContinuationsAsynchronously);
        var submission = SampleComments.Submission(siteId: NewSite());
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            var uri = servers.RabbitMq;
            cfg.Host(uri.Host, (ushort)uri.Port, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), host =>
            {
                host.Username("guest");
                host.Password("guest");
            });
            cfg.ReceiveEndpoint($"site-verdicts-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<CommentModerated>(context =>
                {
                    if (context.Message.CommentId == submission.CommentId)
                    {
                        verdicts.TrySetResult(context.Message);
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        try
        {
            // exchange:, not queue: the queue is the service's (a quorum queue); a client declaring it again with other arguments is refused.
            var endpoint = await bus.GetSendEndpoint(new Uri("exchange:submit-comment")).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await endpoint.Send(submission, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            var verdict = await verdicts.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.Equal(ModerationStatus.Approved, verdict.Status);
            Assert.Equal(submission.ArticleId, verdict.ArticleId);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_same_comment_twice_is_one_stored_decision_and_the_verdict_again()
    {
        var submission = SampleComments.Submission(SampleComments.Gambling);

        await _site.PublishJsonAsync(submission);
        var first = Assert.Single(await _site.WaitForAsync(VerdictExchange, m => Text(m, "commentId") == submission.CommentId));
        await _site.PublishJsonAsync(submission);
        var both = await _site.WaitForAsync(VerdictExchange, m => Text(m, "commentId") == submission.CommentId, count: 2);

        Assert.Equal(2, both.Count);
        Assert.Equal(first.GetRawText(), both[1].GetRawText());

        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        Assert.IsType<PostgresModerationDbContext>(db);
        var stored = await db.Comments.Include(c => c.Decisions).SingleAsync(c => c.CommentId == submission.CommentId, TestContext.Current.CancellationToken);
        Assert.Single(stored.Decisions);
    }

    // A site of its own per test: the servers are shared by every integration test, and the same sample text from
    // other tests' authors on one site would be a campaign, and their rejections would put the author in pre-moderation.
    static string NewSite() => $"rabbit-{Guid.NewGuid():N}";
}
