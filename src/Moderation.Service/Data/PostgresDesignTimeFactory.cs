using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Moderation.Service.Data;

/// <summary>Used only by <c>dotnet ef migrations add ... --context PostgresModerationDbContext</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresModerationDbContext>
{
    public PostgresModerationDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresModerationDbContext>()
        .UseNpgsql("Host=localhost;Database=moderation_design", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")).Options);
}
