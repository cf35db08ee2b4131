using MassTransit;
using Moderation.Contracts;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary>
/// Moderates comments arriving on the <c>submit-comment</c> queue and publishes each verdict (or rejection).
/// Comments come in batches (see <see cref="SubmitCommentConsumerDefinition"/>) so a whole batch costs a handful of
/// database round trips and its publishes are confirmed together, while every message keeps its own semantics:
/// idempotent on (SiteId, CommentId), its own verdict or rejection, its own retries. When a batch fails, MassTransit
/// retries each of its messages on its own (a retried message is delivered as soon as it arrives, not batched), so one
/// poison message never takes the others down with it.
/// </summary>
public sealed class SubmitCommentConsumer(CommentIngestion ingestion, ModerationMetrics metrics, TimeProvider time) : IConsumer<Batch<SubmitComment>>
{
    public const string Channel = "bus";

    public async Task Consume(ConsumeContext<Batch<SubmitComment>> context)
    {
        var batch = context.Message;
        var submissions = new SubmitComment[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            submissions[i] = batch[i].Message;
        }

        var outcomes = await ingestion.IngestAsync(submissions, Channel, context.CancellationToken);

        // All publishes in flight at once: their confirms arrive together instead of one round trip each.
        var publishes = new Task[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            var message = batch[i];
            publishes[i] = outcomes[i].Rejection is { } rejection
                ? message.Publish(rejection, context.CancellationToken)
                : message.Publish(outcomes[i].Verdict!, context.CancellationToken);
        }

        await Task.WhenAll(publishes);
        var now = time.GetUtcNow();
        foreach (var outcome in outcomes)
        {
            if (outcome.Verdict is { } verdict)
            {
                metrics.Published(verdict, now);
            }
        }
    }
}
