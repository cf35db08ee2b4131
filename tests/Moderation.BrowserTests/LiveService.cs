using Microsoft.AspNetCore.Hosting;

namespace Moderation.BrowserTests;

/// <summary>
/// The real service on a real loopback port (a browser needs one), on the embedded default, or on RabbitMQ when
/// <c>rabbitMq</c> names a broker. <see cref="BaseUrl"/> is where to point the browser.
/// </summary>
public sealed class LiveService : EmbeddedServiceFactory
{
    public const string Key = "browser-admin-key-0123456789abcdef";
    readonly Uri? _rabbitMq;

    public LiveService(Uri? rabbitMq = null)
        : base(Key)
    {
        _rabbitMq = rabbitMq;
        StartOnLoopback();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_rabbitMq is not null)
        {
            builder.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq.ToString());
        }
    }
}
