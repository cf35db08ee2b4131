using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Moderation.BrowserTests;

/// <summary>
/// The real service on a real loopback port (a browser needs one), with its own in-memory SQLite database and the
/// in-memory bus, or RabbitMQ when <c>rabbitMq</c> names a broker. <see cref="BaseUrl"/> is where to point the browser.
/// </summary>
public sealed class LiveService : WebApplicationFactory<Program>
{
    public const string AdminKey = "browser-admin-key-0123456789abcdef";
    readonly string _connectionString = $"Data Source=file:browser-{Guid.NewGuid():N}?mode=memory&cache=shared";
    readonly SqliteConnection _keepAlive;
    readonly Uri? _rabbitMq;

    public LiveService(Uri? rabbitMq = null)
    {
        _rabbitMq = rabbitMq;
        _keepAlive = new SqliteConnection(_connectionString);
        _keepAlive.Open();
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
        builder.UseSetting("ConnectionStrings:Sqlite", _connectionString);
        builder.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq?.ToString() ?? "");
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("Moderation:Model:Path", RepositoryPaths.Model);
        builder.UseSetting("Moderation:Model:Watch", "false");
        builder.UseSetting("Moderation:Auth:AdminApiKey", AdminKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keepAlive.Dispose();
        }
    }
}
