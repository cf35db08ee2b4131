using System.Text.Json;
using static Moderation.IntegrationTests.AmqpTestClient;

namespace Moderation.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class Bad_input_never_stops_the_consumer(IsolatedServers servers) : IClassFixture<IsolatedServers>, IAsyncLifetime
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

    /// <summary>Ten kinds of broken submissions; each is sent five times with its own comment id where it has one.</summary>
    static IEnumerable<byte[]> InvalidBodies(int round)
    {
        string Valid(string text) => JsonSerializer.Serialize(SampleComments.Submission(text, commentId: $"bad-{round}-{text.Length}"), JsonSerializerOptions.Web);

        yield return Utf8("{ this is not json");
        yield return Utf8("[\"an\", \"array\"]");
        yield return Utf8("null");
        yield return [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]; // {"text":"<invalid UTF-8>"}
        yield return Utf8($$"""{ "commentId": "bad-{{round}}-types", "siteId": 12, "articleId": true, "authorId": "u", "text": ["x"] }""");
        yield return Utf8($$"""{ "commentId": "bad-{{round}}-missing" }""");
        yield return Utf8(Valid("   "));
        yield return Utf8(Valid(new string('x', 10_001)));
        yield return Utf8(Valid("nul \0 inside"));
        yield return Utf8(JsonSerializer.Serialize(SampleComments.Submission(siteId: "NOT A SLUG", commentId: $"bad-{round}-site"), JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Fifty_invalid_messages_get_fifty_rejections_and_valid_comments_still_get_verdicts()
    {
        var bodies = Enumerable.Range(0, 5).SelectMany(InvalidBodies).ToList();
        Assert.Equal(50, bodies.Count);

        foreach (var body in bodies)
        {
            await _site.PublishAsync(body);
        }

        var valid = SampleComments.Submission(siteId: $"bad-input-{Guid.NewGuid():N}");
        await _site.PublishJsonAsync(valid);

        var rejections = await _site.WaitForAsync(RejectionExchange, _ => true, count: 50, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(50, rejections.Count);
        Assert.All(rejections, r => Assert.NotEmpty(r.GetProperty("errors").EnumerateArray()));
        Assert.Contains(rejections, r => r.GetProperty("errors").EnumerateArray().Any(e => Text(e, "kind") == "unreadable_body"));
        Assert.Contains(rejections, r => r.GetProperty("errors").EnumerateArray().Any(e => Text(e, "kind") == "too_long"));

        var verdict = Assert.Single(await _site.WaitForAsync(VerdictExchange, m => Text(m, "commentId") == valid.CommentId));
        Assert.Equal("Approved", Text(verdict, "status"));

        using var client = _service.CreateClient();
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // Nothing is lost: every message was answered, and nothing waits in the input queue.
        Assert.Equal(0, await servers.QueueDepthAsync("submit-comment"));
    }
}
