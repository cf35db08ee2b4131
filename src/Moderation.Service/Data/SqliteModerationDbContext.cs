using Microsoft.EntityFrameworkCore;

namespace Moderation.Service.Data;

/// <summary>The embedded default: an SQLite file. Migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteModerationDbContext(DbContextOptions<SqliteModerationDbContext> options) : ModerationDbContext(options);
