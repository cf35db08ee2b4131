using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Moderation.Service.Data;

public static class StorageExtensions
{
    /// <summary>Registers <see cref="ModerationDbContext"/> on PostgreSQL or SQLite and its health check.</summary>
    public static IHostApplicationBuilder AddModerationStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        var postgres = builder.Configuration.GetConnectionString("Postgres");

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.Services.AddDbContextPool<PostgresModerationDbContext>(options => options
                .UseNpgsql(WithPreparedStatements(postgres), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")));
            builder.Services.AddScoped<ModerationDbContext>(sp => sp.GetRequiredService<PostgresModerationDbContext>());
        }
        else
        {
            // ConnectionStrings:Sqlite wins over the file path (tests use a shared in-memory database this way).
            var path = builder.Configuration[$"{StorageOptions.Section}:SqlitePath"] ?? new StorageOptions().SqlitePath;
            var connectionString = builder.Configuration.GetConnectionString("Sqlite") is { Length: > 0 } configured
                ? configured
                : SqliteConnectionString(builder.Environment.ContentRootPath, path);
            builder.Services.AddDbContextPool<SqliteModerationDbContext>(options => options
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history")));
            builder.Services.AddScoped<ModerationDbContext>(sp => sp.GetRequiredService<SqliteModerationDbContext>());
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<ModerationDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Turns on Npgsql's automatic statement preparation unless the connection string says otherwise. Every batch
    /// sends the same few statements (PostgresBatchReader, PostgresCommentWriter); unprepared, PostgreSQL parses and
    /// plans each of them again per batch (~0.4 ms each measured with EXPLAIN), which at small batches costs more than
    /// executing them. Behind PgBouncer in transaction mode older than 1.21, set <c>Max Auto Prepare=0</c>.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    /// <summary>Applies migrations, waiting for the database to come up (a replica may start before it).</summary>
    public static async Task MigrateModerationDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!options.MigrateOnStart)
        {
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageExtensions));
        var deadline = DateTime.UtcNow + options.StartupTimeout;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
                if (db.Database.IsSqlite())
                {
                    // WAL lets readers (queues, Komentar) run while the consumer writes.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }

                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
                return;
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested && IsTransient(ex))
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Error}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), cancellationToken);
            }
        }
    }

    static bool IsTransient(Exception ex) => ex is not (InvalidOperationException or NotSupportedException or ArgumentException);

    static string SqliteConnectionString(string contentRoot, string path)
    {
        var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new SqliteConnectionStringBuilder { DataSource = fullPath, DefaultTimeout = 30 }.ToString();
    }
}
