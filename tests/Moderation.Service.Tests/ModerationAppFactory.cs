using MassTransit;
using Microsoft.AspNetCore.Hosting;

namespace Moderation.Service.Tests;

/// <summary>The real service in process with MassTransit's in-memory test harness instead of a broker.</summary>
public sealed class ModerationAppFactory() : EmbeddedServiceFactory("test-admin-key-0123456789abcdef")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddMassTransitTestHarness());
    }
}
