using Prometheus;

namespace Moderation.Service.Observability;

public static class MetricsExtensions
{
    public static IHostApplicationBuilder AddModerationMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();

        // prometheus-net's own meter adapter starts only at the first scrape (losing everything before it) and drops
        // series idle for 5 minutes; this one listens from start-up, keeps idle series for a day (its limit), and
        // honours bucket advice.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
        builder.Services.AddSingleton(sp =>
        {
            // Meters made by another host's IMeterFactory (several hosts in one process: tests) are that host's to
            // count; without this filter each host's adapter would count them again in the shared registry.
            var ours = sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            return new MeterListening(MeterAdapter.StartListening(new MeterAdapterOptions
            {
                InstrumentFilterPredicate = instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, ours),
                MetricsExpireAfter = TimeSpan.FromDays(1),
                ResolveHistogramBuckets = instrument => instrument is System.Diagnostics.Metrics.Histogram<double> { Advice.HistogramBucketBoundaries: { } buckets }
                    ? buckets.ToArray()
                    : MeterAdapterOptions.DefaultHistogramBuckets,
            }));
        });
        builder.Services.AddSingleton<ModerationMetrics>();
        builder.Services.AddSingleton<ReviewBacklog>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReviewBacklog>());
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format: our meter (as <c>moderation_*</c>), MassTransit's, ASP.NET Core's
    /// and the runtime's.
    /// </summary>
    public static IEndpointRouteBuilder MapModerationMetrics(this IEndpointRouteBuilder app)
    {
        // Start listening and create the instruments before the first comment arrives.
        app.ServiceProvider.GetRequiredService<MeterListening>();
        app.ServiceProvider.GetRequiredService<ModerationMetrics>();
        app.MapMetrics("/metrics");
        return app;
    }
}

/// <summary>Keeps the meter adapter alive for the host's lifetime and stops it with the host.</summary>
public sealed class MeterListening(IDisposable adapter) : IDisposable
{
    public void Dispose() => adapter.Dispose();
}
