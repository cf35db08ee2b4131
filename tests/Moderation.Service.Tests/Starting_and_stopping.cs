using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Moderation.Service.Tests;

public sealed class Starting_and_stopping
{
    // Stop 10's CI run failed in a test's clean-up: the host was stopped while MassTransit was still starting its
    // in-memory endpoints, and ReceiveEndpoint.Stop threw a NullReferenceException. The window is a few instructions
    // wide and opens only on a busy machine, so no test hits it on demand; this one checks the cure instead: on the
    // in-memory bus the host waits for the bus, so the bus is healthy the moment the host has started.
    [Fact]
    public async Task On_the_in_memory_bus_the_host_starts_only_once_the_bus_has()
    {
        await using var app = new ModerationAppFactory();
        using var client = app.CreateClient(key: null);

        Assert.True(app.Services.GetRequiredService<IOptions<MassTransitHostOptions>>().Value.WaitUntilStarted);
        var health = app.Services.GetRequiredService<IBusControl>().CheckHealth();
        Assert.True(health.Status == BusHealthStatus.Healthy, $"the bus was {health.Status}: {health.Description}");
    }
}
