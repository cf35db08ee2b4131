using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Moderation.IntegrationTests;

/// <summary>The real service in process, on the real RabbitMQ vhost and PostgreSQL database of a test class.</summary>
public sealed class ServiceHost(IsolatedServers servers, string? adminKey = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:RabbitMq", servers.RabbitMq.ToString());
        builder.UseSetting("ConnectionStrings:Postgres", servers.Postgres);
        builder.UseSetting("Moderation:Model:Path", RepositoryPaths.Model);
        builder.UseSetting("Moderation:Model:Watch", "false");
        builder.UseSetting("Moderation:Messaging:RetryIntervals:0", "00:00:00.1");
        builder.UseSetting("Moderation:Messaging:RetryIntervals:1", "00:00:00.5");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (adminKey is not null)
        {
            builder.UseSetting("Moderation:Auth:AdminApiKey", adminKey);
        }
    }

    /// <summary>Starts the host (migrations, bus) and waits until it reports ready.</summary>
    public async Task StartAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the service did not become ready: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(200);
        }
    }
}
