using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;

namespace Moderation.Service.Tests;

/// <summary>
/// Comments are moderated in batches; a comment that cannot be stored (here: a database trigger refuses it) fails
/// its batch. The others must still get their verdicts, and the poison one must be tried again on its own and
/// finally parked in the error queue, not take the batch down with it or be dropped silently.
/// </summary>
public sealed class A_poison_message_in_a_batch : IAsyncLifetime
{
    readonly ModerationAppFactory _app = new();
    ITestHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        // Short retries, few attempts, and a batch window long enough for all messages of the test to share a batch.
        _app.Settings["Moderation:Messaging:RetryIntervals:0"] = "00:00:00.05";
        _app.Settings["Moderation:Messaging:RetryIntervals:1"] = "00:00:00.05";
        _app.Settings["Moderation:Messaging:BatchTimeLimit"] = "00:00:00.5";
        _app.Settings["Moderation:Messaging:MaxDeliveries"] = "3";
        _ = _app.Server;
        _harness = _app.Services.GetTestHarness();
        await _harness.Start();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_poison BEFORE INSERT ON comments WHEN NEW.CommentId LIKE 'poison-%' BEGIN SELECT RAISE(ABORT, 'poison comment'); END;",
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Does_not_fail_the_other_comments_of_its_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        var good = Enumerable.Range(0, 6).Select(n => SampleComments.Submission($"{SampleComments.Ordinary} ({n})", authorId: $"reader-{n}")).ToList();
        var poison = SampleComments.Submission(commentId: $"poison-{Guid.NewGuid():N}");
        var endpoint = await _harness.Bus.GetSendEndpoint(new Uri($"queue:{SubmitCommentConsumerDefinition.QueueName}"));

        await endpoint.SendBatch([.. good.Take(3), poison, .. good.Skip(3)], ct);

        var ids = good.Select(g => g.CommentId).ToHashSet();
        var verdicts = await _harness.WaitForPublishedAsync<CommentModerated>(v => ids.Contains(v.CommentId), count: good.Count);
        Assert.Equal(ids.Order(), verdicts.Select(v => v.CommentId).Distinct().Order());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!ParkedInErrorQueue(poison.CommentId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, ct);
        }

        Assert.True(ParkedInErrorQueue(poison.CommentId), "the poison comment was not parked in the error queue");
        Assert.DoesNotContain(_harness.Published.Select<CommentModerated>(), v => v.Context.Message.CommentId == poison.CommentId);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        Assert.Equal(good.Count, await db.Comments.CountAsync(c => ids.Contains(c.CommentId), ct));
    }

    bool ParkedInErrorQueue(string commentId) => _harness.Sent.Select<SubmitComment>().Any(s =>
        s.Context.DestinationAddress!.AbsolutePath.EndsWith("_error", StringComparison.Ordinal) && s.Context.Message.CommentId == commentId);
}
