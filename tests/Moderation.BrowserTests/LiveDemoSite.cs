using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.DemoSite;

namespace Moderation.BrowserTests;

/// <summary>
/// The demo article site on a real loopback port, pointed at a <see cref="LiveService"/>: over HTTP with its
/// in-memory bus (approvals polled every 200 ms), or over RabbitMQ when <c>rabbitMq</c> names a broker.
/// </summary>
public sealed class LiveDemoSite : WebApplicationFactory<DemoSiteOptions>
{
    readonly LiveService _service;
    readonly Uri? _rabbitMq;

    public LiveDemoSite(LiveService service, Uri? rabbitMq = null)
    {
        _service = service;
        _rabbitMq = rabbitMq;
        // Listen(…, 0) rather than UseKestrel(0): the port overload rewrites the server's addresses while the app
        // starts Kestrel on its own thread, and loses that race now and then (dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq?.ToString() ?? "");
        builder.UseSetting("DemoSite:ModerationUrl", _service.BaseUrl);
        builder.UseSetting("DemoSite:PollInterval", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>
    /// Publishes verdicts on the site's bus (in memory, or the broker, whence they come back to the site's queue) and
    /// waits until its consumer has handled each of them.
    /// </summary>
    public async Task PublishAndWaitAsync(params CommentModerated[] verdicts)
    {
        var bus = Services.GetRequiredService<IBus>();
        var observer = new ConsumedVerdicts(verdicts.Length);
        using var connection = bus.ConnectConsumeObserver(observer);
        foreach (var verdict in verdicts)
        {
            await bus.Publish(verdict, TestContext.Current.CancellationToken);
        }

        await observer.All.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
    }

    sealed class ConsumedVerdicts(int expected) : IConsumeObserver
    {
        readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int _consumed;

        public Task All => _all.Task;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is CommentModerated && Interlocked.Increment(ref _consumed) >= expected)
            {
                _all.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class
        {
            _all.TrySetException(exception);
            return Task.CompletedTask;
        }
    }
}
