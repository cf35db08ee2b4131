using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MassTransit;
using Moderation.Service.Ingestion;
using Moderation.Service.Reports;

namespace Moderation.Service.Messaging;

public static class MessagingExtensions
{
    /// <summary>Registers MassTransit with the consumers, on RabbitMQ or in memory.</summary>
    public static IHostApplicationBuilder AddModerationMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
            .Validate(o => o.PrefetchCount > 0 && o.ConcurrentMessageLimit > 0, "PrefetchCount and ConcurrentMessageLimit must be positive")
            .Validate(o => o.BatchSize > 0 && o.ConcurrentBatches > 0 && o.BatchTimeLimit > TimeSpan.Zero, "BatchSize, ConcurrentBatches and BatchTimeLimit must be positive")
            .ValidateOnStart();
        var rabbitMq = builder.Configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(rabbitMq))
        {
            // In memory the bus starts at once, so the host waits for it: a stop that comes while the endpoints are
            // still starting would otherwise fail inside MassTransit (ReceiveEndpoint.Stop finds a handle without its
            // transport). On RabbitMQ the host does not wait, so /health answers while the broker is unreachable.
            builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<SubmitCommentConsumer, SubmitCommentConsumerDefinition>();
            bus.AddConsumer<ReportCommentConsumer, ReportCommentConsumerDefinition>();

            if (string.IsNullOrWhiteSpace(rabbitMq))
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    ConfigureSerialization(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    ConfigureRabbitMqHost(cfg, new Uri(rabbitMq));
                    ConfigureSerialization(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }

    /// <summary>Quorum queues on RabbitMQ when configured; nothing to do on other transports.</summary>
    public static void ApplyQueueSettings(IReceiveEndpointConfigurator endpoint, MessagingOptions options)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && options.QuorumQueues)
        {
            rabbit.SetQuorumQueue();
        }
    }

    static void ConfigureRabbitMqHost(IRabbitMqBusFactoryConfigurator cfg, Uri uri)
    {
        var userInfo = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var port = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port;
        cfg.Host(uri.Host, (ushort)port, string.IsNullOrEmpty(virtualHost) ? "/" : virtualHost, host =>
        {
            if (userInfo.Length == 2)
            {
                host.Username(userInfo[0]);
                host.Password(userInfo[1]);
            }

            if (uri.Scheme == "amqps")
            {
                host.UseSsl(ssl => ssl.ServerName = uri.Host);
            }

            // Publisher confirms: a publish completes only once the broker has the message.
            host.PublisherConfirmation = true;
        });
    }

    static void ConfigureSerialization(IBusFactoryConfigurator cfg) => cfg.ConfigureJsonSerializerOptions(LenientContracts);

    // MassTransit keeps these options in a static: configure a copy once, so several hosts in one process (tests) agree.
    // Public for bench/Moderation.LeanResponder, which reads and writes the same JSON without MassTransit's bus.
    public static JsonSerializerOptions LenientContracts(JsonSerializerOptions options)
    {
        if (options.TypeInfoResolver is LenientContractsResolver)
        {
            return options;
        }

        return new JsonSerializerOptions(options)
        {
            WriteIndented = false,
            TypeInfoResolver = new LenientContractsResolver(options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()),
        };
    }

    /// <summary>
    /// Contracts mark fields <c>required</c> for .NET senders, but a missing field must reach the validator (which
    /// lists every error) instead of failing deserialisation with only the first one.
    /// </summary>
    sealed class LenientContractsResolver(IJsonTypeInfoResolver inner) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            var info = inner.GetTypeInfo(type, options);
            if (info is not null && type.Namespace == "Moderation.Contracts")
            {
                foreach (var property in info.Properties)
                {
                    property.IsRequired = false;
                }
            }

            return info;
        }
    }
}
