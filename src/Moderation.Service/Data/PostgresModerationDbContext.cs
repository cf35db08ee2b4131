using Microsoft.EntityFrameworkCore;

namespace Moderation.Service.Data;

/// <summary>Production storage: PostgreSQL. Migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresModerationDbContext(DbContextOptions<PostgresModerationDbContext> options) : ModerationDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // The two reads every batch makes answer from these indexes alone (index-only scans) wherever autovacuum has
        // marked the pages all-visible, i.e. for everything but the last minute or so: without the extra columns
        // each candidate and each history row was a random heap page, and on a table of a million comments those
        // reads were most of PostgreSQL's time (docs/PERFORMANCE.md, session 4).
        modelBuilder.Entity<CommentRecord>().HasIndex(c => new { c.SiteId, c.AuthorId, c.ReceivedAt }).IncludeProperties(c => c.Status);
        modelBuilder.Entity<FingerprintRecord>().HasIndex(f => new { f.SiteId, f.Band, f.At }).IncludeProperties(f => new { f.Fingerprint, f.AuthorId, f.CommentRecordId });
    }
}
