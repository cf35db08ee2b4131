using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Moderation.Service.Tests;

/// <summary>
/// The real service in process, on a private SQLite in-memory database (kept alive by an open connection) and
/// MassTransit's in-memory test harness instead of a broker.
/// </summary>
public sealed class ModerationAppFactory : WebApplicationFactory<Program>
{
    readonly string _connectionString = $"Data Source=file:moderation-{Guid.NewGuid():N}?mode=memory&cache=shared";
    readonly SqliteConnection _keepAlive;

    public ModerationAppFactory()
    {
        _keepAlive = new SqliteConnection(_connectionString);
        _keepAlive.Open();
    }

    public const string AdminKey = "test-admin-key-0123456789abcdef";

    /// <summary>Extra settings a test needs, applied after the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
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

        builder.ConfigureServices(services => services.AddMassTransitTestHarness());
    }

    /// <summary>A client that sends <paramref name="key"/> (the admin key by default) as its bearer token.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key ?? AdminKey);
        return client;
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
