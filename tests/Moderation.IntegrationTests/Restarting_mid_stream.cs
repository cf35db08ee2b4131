using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Service.Data;
using static Moderation.IntegrationTests.AmqpTestClient;

namespace Moderation.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class Restarting_mid_stream(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    [Fact]
    public async Task Every_comment_gets_exactly_one_stored_automatic_decision()
    {
        const int total = 400;
        await using var site = await ConnectAsync(servers.RabbitMq);
        var ids = Enumerable.Range(0, total).Select(i => $"restart-{i}").ToHashSet();
        var texts = new[] { SampleComments.Ordinary, SampleComments.Gambling, "Setuju banget sama pendapat bapak di atas.", "Great reporting, thanks!" };

        var first = new ServiceHost(servers);
        await first.StartAsync();
        var publishing = Task.Run(async () =>
        {
            var n = 0;
            foreach (var id in ids)
            {
                await site.PublishJsonAsync(SampleComments.Submission(texts[n++ % texts.Length], commentId: id));
            }
        });

        // Stop the service while comments are still arriving, then start a new instance.
        await site.WaitForAsync(VerdictExchange, m => ids.Contains(Text(m, "commentId")!), count: total / 4);
        await first.DisposeAsync();
        await publishing;

        await using var second = new ServiceHost(servers);
        await second.StartAsync();
        var verdicts = await site.WaitForAsync(VerdictExchange, _ => Received(site).Count >= total, timeout: TimeSpan.FromSeconds(180));

        Assert.Equal(ids.Order(), Received(site).Order());

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var stored = await db.Comments.AsNoTracking().Where(c => c.CommentId.StartsWith("restart-"))
            .Select(c => new { c.CommentId, Automatic = c.Decisions.Count(d => d.Revision == 1 && d.DecidedBy == "system"), All = c.Decisions.Count })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(total, stored.Count);
        Assert.All(stored, c => Assert.Equal((1, 1), (c.Automatic, c.All)));
        Assert.NotEmpty(verdicts);
    }

    static HashSet<string> Received(AmqpTestClient site) =>
        site.Received(VerdictExchange).Select(m => Text(m, "commentId")!).Where(id => id.StartsWith("restart-", StringComparison.Ordinal)).ToHashSet();
}
