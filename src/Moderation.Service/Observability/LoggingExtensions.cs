using Serilog;
using Serilog.Formatting.Compact;

namespace Moderation.Service.Observability;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from configuration (<c>Serilog</c> section) to the console; <c>Moderation:Logging:Json=true</c> writes
    /// compact JSON for log shippers. Log only ids (<c>{SiteId}</c>, <c>{CommentId}</c>), never text, e-mail or IP.
    /// </summary>
    public static IHostApplicationBuilder AddModerationLogging(this IHostApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue<bool>("Moderation:Logging:Json");

        // preserveStaticLogger: the bootstrap logger stays the static one (several hosts in one test process would
        // otherwise race to freeze it); the host gets its own logger from configuration.
        builder.Services.AddSerilog(Configure, preserveStaticLogger: true);
        return builder;

        void Configure(IServiceProvider services, LoggerConfiguration logger)
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "moderation");
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        }
    }

    /// <summary>The bootstrap logger that covers start-up until the host's logger takes over.</summary>
    public static void CreateBootstrapLogger() =>
        Log.Logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Console().CreateBootstrapLogger();
}
