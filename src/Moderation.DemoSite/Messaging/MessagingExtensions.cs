using MassTransit;
using Microsoft.Extensions.Options;

namespace Moderation.DemoSite.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Where <c>SubmitComment</c> goes: the exchange the service binds to its <c>submit-comment</c> queue. Not
    /// <c>queue:submit-comment</c>: that makes MassTransit declare the queue, as a classic queue, and RabbitMQ refuses
    /// the declaration against the service's quorum queue (PRECONDITION_FAILED). The queue and its type are the
    /// service's business; a site only needs the exchange.
    /// </summary>
    public static readonly Uri SubmitCommentAddress = new("exchange:submit-comment");

    /// <summary>True when <c>ConnectionStrings:RabbitMq</c> is set: comments go over the broker, verdicts come back on it.</summary>
    public static bool UsesBroker(this IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("RabbitMq"));

    /// <summary>
    /// MassTransit with this site's <c>CommentModerated</c> queue: on RabbitMQ when configured, otherwise in memory (the
    /// consumer then sees only what is published inside this process, and the service is reached over HTTP).
    /// </summary>
    public static IHostApplicationBuilder AddDemoSiteMessaging(this IHostApplicationBuilder builder)
    {
        var rabbitMq = builder.Configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(rabbitMq))
        {
            // As in the service: in memory the host waits for the bus, so a quick stop never meets half-started endpoints.
            builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CommentModeratedConsumer>();
            if (string.IsNullOrWhiteSpace(rabbitMq))
            {
                bus.UsingInMemory((context, cfg) => ReceiveVerdicts(context, cfg));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    Host(cfg, new Uri(rabbitMq));
                    ReceiveVerdicts(context, cfg);
                });
            }
        });
        return builder;
    }

    static void ReceiveVerdicts(IBusRegistrationContext context, IBusFactoryConfigurator cfg)
    {
        var options = context.GetRequiredService<IOptions<DemoSiteOptions>>().Value;

        // A consumer of CommentModerated binds this queue to the service's CommentModerated exchange.
        cfg.ReceiveEndpoint(options.VerdictQueue, endpoint =>
        {
            endpoint.UseMessageRetry(retry => retry.Intervals(100, 1000));
            endpoint.ConfigureConsumer<CommentModeratedConsumer>(context);
        });
    }

    static void Host(IRabbitMqBusFactoryConfigurator cfg, Uri uri)
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

            // A comment counts as sent once the broker has it.
            host.PublisherConfirmation = true;
        });
    }
}
