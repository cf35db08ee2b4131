using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Moderation.Service.Data;

/// <summary>Used only by <c>dotnet ef migrations add ... --context SqliteModerationDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteModerationDbContext>
{
    public SqliteModerationDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteModerationDbContext>()
        .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history")).Options);
}
