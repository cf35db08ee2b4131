using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Moderation.DeployTests;

/// <summary>
/// The real service on a real loopback port (the image's health check speaks plain TCP), configured as an operator
/// would: a private SQLite in-memory database kept alive by an open connection, no broker (MassTransit's in-memory
/// transport), the committed model, the admin key.
/// </summary>
public sealed class DeployAppFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "deploy-test-admin-key-0123456789";

    readonly string _connectionString = $"Data Source=file:deploy-{Guid.NewGuid():N}?mode=memory&cache=shared";
    readonly SqliteConnection _keepAlive;

    public DeployAppFactory()
    {
        _keepAlive = new SqliteConnection(_connectionString);
        _keepAlive.Open();
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The open connection that keeps the in-memory database alive; tests use it to break the database on purpose.</summary>
    public SqliteConnection Database => _keepAlive;

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
        // One quick retry, so a message that fails for good reaches the error queue (and the fault metrics) at once.
        builder.UseSetting("Moderation:Messaging:RetryIntervals:0", "00:00:00.010");
    }

    /// <summary>A client that sends the admin key as its bearer token.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
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
