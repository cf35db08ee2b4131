using MassTransit;
using Moderation.Contracts;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary>
/// Moderates comments arriving on the <c>submit-comment</c> queue and publishes the verdict (or the rejection).
/// Idempotent: a redelivered or resubmitted comment gets its stored verdict published again.
/// </summary>
public sealed class SubmitCommentConsumer(CommentIngestion ingestion, ModerationMetrics metrics, TimeProvider time) : IConsumer<SubmitComment>
{
    public const string Channel = "bus";

    public async Task Consume(ConsumeContext<SubmitComment> context)
    {
        var outcome = await ingestion.IngestAsync(context.Message, Channel, context.CancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            await context.Publish(rejection, context.CancellationToken);
        }
        else
        {
            await context.Publish(outcome.Verdict!, context.CancellationToken);
            metrics.Published(outcome.Verdict!, time.GetUtcNow());
        }
    }
}
