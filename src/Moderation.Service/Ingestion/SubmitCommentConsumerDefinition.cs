using System.Runtime.Serialization;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Service.Messaging;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary>
/// The <c>submit-comment</c> endpoint: accepts plain JSON from any AMQP client as well as MassTransit envelopes,
/// retries transient failures (database down) with growing pauses and then redelivers (see
/// <see cref="RedeliverOrMoveFilter"/>), and never retries input that cannot be read: that is answered with
/// <see cref="CommentSubmissionRejected"/> and kept in the error queue for inspection.
/// </summary>
public sealed class SubmitCommentConsumerDefinition : ConsumerDefinition<SubmitCommentConsumer>
{
    public const string QueueName = "submit-comment";
    readonly MessagingOptions _options;

    public SubmitCommentConsumerDefinition(IOptions<MessagingOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueName;
        ConcurrentMessageLimit = _options.ConcurrentMessageLimit;
    }

    /// <summary>Options of the batches: <see cref="MessagingOptions.BatchSize"/> and friends.</summary>
    public static BatchOptions Batching(MessagingOptions options) => new()
    {
        MessageLimit = options.BatchSize,
        TimeLimit = options.BatchTimeLimit,
        ConcurrencyLimit = options.ConcurrentBatches,
    };

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SubmitCommentConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Ignore<JsonException>();
            retry.Ignore<SerializationException>();
            retry.Intervals(_options.EffectiveRetryIntervals.ToArray());
        });
        var metrics = context.GetRequiredService<ModerationMetrics>();
        var time = context.GetRequiredService<TimeProvider>();
        endpointConfigurator.ConfigureError(error => error.UseFilter(new RedeliverOrMoveFilter(_options.MaxDeliveries, failed => RejectUnreadableAsync(failed, metrics, time))));
        endpointConfigurator.ConfigureReceive(receive => receive.UseFilter(new RejectOversizeFilter(metrics, time)));
        endpointConfigurator.ConfigureDeadLetter(deadLetter =>
        {
            deadLetter.UseFilter(new RejectSkippedFilter(metrics, time));
            deadLetter.UseFilter(new MassTransit.Middleware.DeadLetterTransportFilter());
        });
        endpointConfigurator.PrefetchCount = _options.PrefetchCount;
        MessagingExtensions.ApplyQueueSettings(endpointConfigurator, _options);

        // Raises prefetch and the concurrent message limit to at least BatchSize x ConcurrentBatches, so batches fill.
        var batching = Batching(_options);
        consumerConfigurator.Options<BatchOptions>(options => options
            .SetMessageLimit(batching.MessageLimit)
            .SetTimeLimit(batching.TimeLimit)
            .SetConcurrencyLimit(batching.ConcurrencyLimit));
    }

    /// <summary>
    /// If the body itself is the problem (not JSON, wrong types, invalid UTF-8) the site is told why with
    /// <see cref="CommentSubmissionRejected"/> and the message is kept in the error queue. A body that reads fine
    /// failed for another reason (the database, say) and is left to redelivery.
    /// </summary>
    static async Task<bool> RejectUnreadableAsync(ExceptionReceiveContext context, ModerationMetrics metrics, TimeProvider time)
    {
        var read = SubmissionReader.Read(context.Body.GetBytes());
        if (read.IsValid)
        {
            return false;
        }

        metrics.Received(SiteIds.IsValid(read.Submission?.SiteId) ? read.Submission!.SiteId : "invalid", SubmitCommentConsumer.Channel);
        metrics.Invalid(SubmitCommentConsumer.Channel, read.Errors);
        var endpoint = await context.PublishEndpointProvider.GetPublishSendEndpoint<CommentSubmissionRejected>();
        await endpoint.Send(read.ToRejection(time.GetUtcNow()), context.CancellationToken);
        return true;
    }
}
