using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Moderation.IntegrationTests;

/// <summary>
/// A private RabbitMQ virtual host and PostgreSQL database for one test class, so classes never see each other's
/// queues or rows. Created through the management API and SQL; removed afterwards.
/// </summary>
public sealed class IsolatedServers : IAsyncLifetime
{
    readonly string _name = $"it_{Guid.NewGuid():N}"[..20];
    HttpClient? _management;

    public Uri RabbitMq { get; private set; } = null!;

    public string Postgres { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var rabbit = RealServers.RabbitMq;
        _management = new HttpClient { BaseAddress = RealServers.RabbitMqManagement };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(Uri.UnescapeDataString(rabbit.UserInfo))));
        (await _management.PutAsync($"api/vhosts/{_name}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(rabbit.UserInfo).Split(':')[0];
        (await _management.PutAsync($"api/permissions/{_name}/{user}", new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();
        RabbitMq = new UriBuilder(rabbit) { Path = "/" + _name }.Uri;

        await using (var admin = new NpgsqlConnection(RealServers.Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        Postgres = new NpgsqlConnectionStringBuilder(RealServers.Postgres) { Database = _name }.ConnectionString;
    }

    /// <summary>Messages waiting in a queue of this vhost (through the management API).</summary>
    public async Task<int> QueueDepthAsync(string queue)
    {
        var response = await _management!.GetAsync($"api/queues/{_name}/{queue}");
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) ? messages.GetInt32() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_management is not null)
        {
            await _management.DeleteAsync($"api/vhosts/{_name}");
            _management.Dispose();
        }

        if (Postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(RealServers.Postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
