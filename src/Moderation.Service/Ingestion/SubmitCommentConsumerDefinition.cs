using System.Runtime.Serialization;
using System.Text.Json;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.Options;
using Moderation.Service.Messaging;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary>
/// The <c>submit-comment</c> endpoint: accepts plain JSON from any AMQP client as well as MassTransit envelopes,
/// retries transient failures (database down) with growing pauses before the error queue, and never retries input
/// that cannot be read: that is answered with <see cref="Contracts.CommentSubmissionRejected"/> and kept in the
/// error queue for inspection.
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
        endpointConfigurator.ConfigureError(error =>
        {
            error.UseFilter(new RejectUnreadableSubmissionFilter(context.GetRequiredService<ModerationMetrics>(), context.GetRequiredService<TimeProvider>()));
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
        endpointConfigurator.PrefetchCount = _options.PrefetchCount;
        MessagingExtensions.ApplyQueueSettings(endpointConfigurator, _options);
    }
}
