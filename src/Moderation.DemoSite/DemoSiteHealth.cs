using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moderation.DemoSite.Messaging;
using Moderation.DemoSite.Service;

namespace Moderation.DemoSite;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the bus is up (MassTransit's own check) and, without
/// a broker, the moderation service answers, since every comment goes to it over HTTP then.
/// </summary>
public static class DemoSiteHealth
{
    public static IHostApplicationBuilder AddDemoSiteHealth(this IHostApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks();
        if (!builder.Configuration.UsesBroker())
        {
            checks.AddCheck<ModerationServiceCheck>("moderation-service", tags: ["ready"]);
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapDemoSiteHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        return app;
    }

    static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    sealed class ModerationServiceCheck(ModerationServiceClient service) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                return await service.IsAliveAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the moderation service is not live");
            }
            catch (HttpRequestException ex)
            {
                return HealthCheckResult.Unhealthy($"the moderation service cannot be reached: {ex.Message}");
            }
        }
    }
}
