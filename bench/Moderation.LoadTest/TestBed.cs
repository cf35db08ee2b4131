using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Moderation.LoadTest;

/// <summary>
/// A private RabbitMQ virtual host and PostgreSQL database for one run, so runs never see each other's queues, queue
/// types or rows. Created through the management API and SQL, dropped at the end (unless kept for a post-mortem).
/// </summary>
public sealed class TestBed : IAsyncDisposable
{
    readonly HttpClient _management;
    readonly string _adminPostgres;

    TestBed(string name, Uri rabbitMq, HttpClient management, string adminPostgres)
    {
        Name = name;
        _management = management;
        _adminPostgres = adminPostgres;
        RabbitMq = new UriBuilder(rabbitMq) { Path = "/" + name }.Uri;
        Postgres = new NpgsqlConnectionStringBuilder(adminPostgres) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public Uri RabbitMq { get; }

    public string Postgres { get; }

    public bool Keep { get; set; }

    public static async Task<TestBed> CreateAsync(Uri rabbitMq, Uri management, string adminPostgres, string name)
    {
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(Uri.UnescapeDataString(rabbitMq.UserInfo))));
        (await http.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(rabbitMq.UserInfo).Split(':')[0];
        (await http.PutAsync($"api/permissions/{name}/{user}", new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json")))
            .EnsureSuccessStatusCode();

        await using (var admin = new NpgsqlConnection(adminPostgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TestBed(name, rabbitMq, http, adminPostgres);
    }

    /// <summary>
    /// Gathers the planner statistics a production database has. A brand-new database has none: the service's prepared
    /// statements get generic plans costed for empty tables (the author-history read then walks every comment of the
    /// site through the status index) and keep them until autovacuum's first ANALYZE, about a minute in. Runs call this
    /// after their warm-up so they measure the steady state, not that first minute.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Messages ready in a queue of this vhost (passive declare over AMQP: exact and immediate, where the management
    /// API's figures lag a statistics tick); 0 when the queue does not exist, -1 when the broker cannot be reached.
    /// </summary>
    public async Task<long> QueueDepthAsync(string queue)
    {
        try
        {
            await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = RabbitMq }.CreateConnectionAsync("loadtest-depth");
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return 0;
            }
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
        {
            return -1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Keep)
        {
            try
            {
                await _management.DeleteAsync($"api/vhosts/{Name}");
            }
            catch (HttpRequestException)
            {
                // The broker is gone (a failed fault run): its data dir is dropped with it.
            }

            try
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(_adminPostgres);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // Same: the server's data dir goes with it.
            }
        }

        _management.Dispose();
    }
}
