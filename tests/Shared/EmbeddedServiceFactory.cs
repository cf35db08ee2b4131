using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Moderation.Testing;

/// <summary>
/// The real service in process on the embedded default: a private SQLite in-memory database (kept alive by an open
/// connection), MassTransit's in-memory transport, the committed model and a test admin key. Test projects derive
/// from it to add a real loopback port, the MassTransit test harness or a broker.
/// </summary>
public abstract class EmbeddedServiceFactory(string adminKey) : WebApplicationFactory<Program>
{
    readonly string _connectionString = $"Data Source=file:moderation-{Guid.NewGuid():N}?mode=memory&cache=shared";
    SqliteConnection? _keepAlive;

    public string AdminKey { get; } = adminKey;

    /// <summary>Extra settings, applied after the defaults (set them before the first request).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>The open connection that keeps the in-memory database alive.</summary>
    public SqliteConnection Database => _keepAlive ??= Open(_connectionString);

    /// <summary>A client that sends <paramref name="key"/> (the admin key when null) as its bearer token.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key ?? AdminKey);
        return client;
    }

    /// <summary>Starts the service on a free loopback port (browsers and plain TCP probes need a real one).</summary>
    protected void StartOnLoopback()
    {
        // Listen(…, 0) rather than UseKestrel(0): the port overload rewrites the server's addresses while the app
        // starts Kestrel on its own thread, and loses that race now and then (dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _ = Database;
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Sqlite", _connectionString);
        builder.UseSetting("ConnectionStrings:RabbitMq", "");
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("Moderation:Model:Path", RepositoryPaths.Model);
        builder.UseSetting("Moderation:Model:Watch", "false");
        builder.UseSetting("Moderation:Auth:AdminApiKey", AdminKey);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keepAlive?.Dispose();
        }
    }

    static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
