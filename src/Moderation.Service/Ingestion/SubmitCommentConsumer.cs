using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Service.Messaging;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary>
/// Moderates comments arriving on the <c>submit-comment</c> queue and publishes each verdict (or rejection).
/// Comments come in batches (see <see cref="SubmitCommentConsumerDefinition"/>) so a whole batch costs a couple of
/// database round trips and its publishes are confirmed together, while every message keeps its own semantics:
/// idempotent on (SiteId, CommentId), its own verdict or rejection, its own failure.
/// </summary>
public sealed class SubmitCommentConsumer(
    CommentIngestion ingestion, ModerationMetrics metrics, TimeProvider time, IOptions<MessagingOptions> options, ILogger<SubmitCommentConsumer> logger)
    : IConsumer<Batch<SubmitComment>>
{
    public const string Channel = "bus";

    /// <summary>How many times a message that failed on its own (not with its whole batch) was put back in the queue.</summary>
    public const string AttemptHeader = "Moderation-Attempt";

    public async Task Consume(ConsumeContext<Batch<SubmitComment>> context)
    {
        // A message that already failed on its own is moderated alone, so it cannot fail a batch again.
        var retried = context.Message.Where(m => Attempt(m) > 0).ToList();
        var fresh = context.Message.Where(m => Attempt(m) == 0).ToList();
        foreach (var message in retried)
        {
            await ModerateAloneAsync(message);
        }

        if (fresh.Count == 0)
        {
            return;
        }

        try
        {
            await ModerateAsync(fresh, context.CancellationToken);
        }
        catch (Exception ex) when (fresh.Count > 1 && !context.CancellationToken.IsCancellationRequested)
        {
            // One bad comment must not fail the others: find out, one at a time, which ones fail on their own.
            logger.LogWarning("A batch of {Count} comments failed ({Error}); moderating them one at a time", fresh.Count, ex.Message);
            var failures = new List<(ConsumeContext<SubmitComment> Message, Exception Error)>();
            foreach (var message in fresh)
            {
                try
                {
                    await ModerateAsync([message], context.CancellationToken);
                }
                catch (Exception single) when (!context.CancellationToken.IsCancellationRequested)
                {
                    failures.Add((message, single));
                }
            }

            if (failures.Count == fresh.Count)
            {
                // Nothing works (the database is down): the endpoint's retries and redelivery handle the whole batch.
                throw;
            }

            foreach (var (message, error) in failures)
            {
                await PutBackAsync(message, error);
            }
        }
    }

    async Task ModerateAloneAsync(ConsumeContext<SubmitComment> message)
    {
        try
        {
            await ModerateAsync([message], message.CancellationToken);
        }
        catch (Exception ex) when (!message.CancellationToken.IsCancellationRequested)
        {
            await PutBackAsync(message, ex);
        }
    }

    async Task ModerateAsync(IReadOnlyList<ConsumeContext<SubmitComment>> batch, CancellationToken cancellationToken)
    {
        var submissions = new SubmitComment[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            submissions[i] = batch[i].Message;
        }

        var outcomes = await ingestion.IngestAsync(submissions, Channel, cancellationToken);

        // All publishes in flight at once: their confirms arrive together instead of one round trip each.
        var publishStarted = Stopwatch.GetTimestamp();
        var publishes = new Task[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            publishes[i] = outcomes[i].Rejection is { } rejection
                ? batch[i].Publish(rejection, cancellationToken)
                : batch[i].Publish(outcomes[i].Verdict!, cancellationToken);
        }

        await Task.WhenAll(publishes);
        metrics.StageTook(ModerationMetrics.Stage.Publish, Stopwatch.GetElapsedTime(publishStarted));
        var now = time.GetUtcNow();
        foreach (var outcome in outcomes)
        {
            if (outcome.Verdict is { } verdict)
            {
                metrics.Published(verdict, now);
            }
        }
    }

    /// <summary>
    /// A message that fails on its own while the rest of its batch succeeds goes back to the end of the queue with its
    /// attempt counted, and is moderated alone from then on; after <see cref="MessagingOptions.MaxDeliveries"/>
    /// attempts it is parked in the error queue with the <c>MT-Fault-*</c> headers, as any message that keeps failing.
    /// Its batch is acknowledged: the others are done.
    /// </summary>
    async Task PutBackAsync(ConsumeContext<SubmitComment> message, Exception error)
    {
        var attempt = Attempt(message) + 1;
        if (attempt >= options.Value.MaxDeliveries)
        {
            logger.LogError(error, "Comment {SiteId}/{CommentId} failed {Attempts} times on its own; moving it to the error queue",
                message.Message.SiteId, message.Message.CommentId, attempt);
            var errorQueue = await message.GetSendEndpoint(new Uri($"queue:{SubmitCommentConsumerDefinition.QueueName}_error"));
            await errorQueue.Send(message.Message, send =>
            {
                send.Headers.Set(AttemptHeader, attempt);
                send.Headers.Set("MT-Fault-Message", error.Message);
                send.Headers.Set("MT-Fault-ExceptionType", error.GetType().FullName);
                send.Headers.Set("MT-Fault-StackTrace", error.StackTrace);
            });
            await message.NotifyFaulted(TimeSpan.Zero, TypeCache<SubmitCommentConsumer>.ShortName, error);
            return;
        }

        logger.LogWarning("Comment {SiteId}/{CommentId} failed on its own ({Error}); putting it back in the queue (attempt {Attempt})",
            message.Message.SiteId, message.Message.CommentId, error.Message, attempt);
        var input = await message.GetSendEndpoint(message.ReceiveContext.InputAddress);
        await input.Send(message.Message, send => send.Headers.Set(AttemptHeader, attempt));
    }

    static int Attempt(ConsumeContext message) => message.Headers.Get<int>(AttemptHeader) ?? 0;
}
