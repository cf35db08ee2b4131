using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Service.Messaging;

namespace Moderation.Service.Reports;

/// <summary>The <c>report-comment</c> endpoint: plain JSON or MassTransit envelopes; transient failures retried.</summary>
public sealed class ReportCommentConsumerDefinition : ConsumerDefinition<ReportCommentConsumer>
{
    public const string QueueName = "report-comment";
    readonly MessagingOptions _options;

    public ReportCommentConsumerDefinition(IOptions<MessagingOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueName;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ReportCommentConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Ignore<JsonException>();
            retry.Intervals(_options.EffectiveRetryIntervals.ToArray());
        });
        endpointConfigurator.ConfigureError(error => error.UseFilter(new RedeliverOrMoveFilter(_options.MaxDeliveries)));
        MessagingExtensions.ApplyQueueSettings(endpointConfigurator, _options);
    }
}
