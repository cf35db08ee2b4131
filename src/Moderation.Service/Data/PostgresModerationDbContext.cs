using Microsoft.EntityFrameworkCore;

namespace Moderation.Service.Data;

/// <summary>Production storage: PostgreSQL. Migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresModerationDbContext(DbContextOptions<PostgresModerationDbContext> options) : ModerationDbContext(options);
