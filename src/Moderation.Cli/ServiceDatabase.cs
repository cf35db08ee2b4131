using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moderation.Service.Data;

namespace Moderation.Cli;

/// <summary>
/// Opens the service's database the way the service does: PostgreSQL when <c>ConnectionStrings__Postgres</c> (or
/// <c>--postgres</c>) is set, otherwise the SQLite file of the embedded default (<c>--sqlite</c> to point elsewhere).
/// Inside the repository the default file is the one <c>dotnet run --project src/Moderation.Service</c> uses.
/// </summary>
internal static class ServiceDatabase
{
    public static readonly Option<string?> Postgres = new("--postgres") { Description = "PostgreSQL connection string (default: the ConnectionStrings__Postgres environment variable)." };
    public static readonly Option<string?> Sqlite = new("--sqlite") { Description = "SQLite file of the embedded default (default: the service's data/moderation.db)." };

    public static async Task<IHost> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = ServiceContentRoot(), Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (parse.GetValue(Postgres) is { Length: > 0 } postgres)
        {
            builder.Configuration["ConnectionStrings:Postgres"] = postgres;
        }

        if (parse.GetValue(Sqlite) is { Length: > 0 } sqlite)
        {
            builder.Configuration["ConnectionStrings:Postgres"] = "";
            builder.Configuration["Moderation:Storage:SqlitePath"] = Path.GetFullPath(sqlite);
        }

        builder.AddModerationStorage();
        var host = builder.Build();
        await host.Services.MigrateModerationDatabaseAsync(cancellationToken);
        return host;
    }

    public static ModerationDbContext Db(this IServiceScope scope) => scope.ServiceProvider.GetRequiredService<ModerationDbContext>();

    /// <summary>The service project's folder when run inside the repository (its appsettings.json and data/), else here.</summary>
    static string ServiceContentRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var service = Path.Combine(dir.FullName, "src", "Moderation.Service");
            if (File.Exists(Path.Combine(service, "appsettings.json")))
            {
                return service;
            }
        }

        return Environment.CurrentDirectory;
    }
}
