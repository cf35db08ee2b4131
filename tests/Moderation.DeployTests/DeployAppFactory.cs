using Microsoft.AspNetCore.Hosting;

namespace Moderation.DeployTests;

/// <summary>
/// The real service on a real loopback port (the image's health check speaks plain TCP), configured as an operator
/// would on the embedded default.
/// </summary>
public sealed class DeployAppFactory : EmbeddedServiceFactory
{
    public DeployAppFactory()
        : base("deploy-test-admin-key-0123456789")
    {
        StartOnLoopback();
        BaseAddress = ClientOptions.BaseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>A client that sends the admin key as its bearer token.</summary>
    public HttpClient CreateAdminClient() => CreateClient(key: null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // One quick retry, so a message that fails for good reaches the error queue (and the fault metrics) at once.
        builder.UseSetting("Moderation:Messaging:RetryIntervals:0", "00:00:00.010");
    }
}
