using Microsoft.EntityFrameworkCore;

namespace Moderation.Service.Data;

/// <summary>Production storage: PostgreSQL. Migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresModerationDbContext(DbContextOptions<PostgresModerationDbContext> options) : ModerationDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // The author-history read every batch makes answers from this index alone (index-only scans) wherever
        // autovacuum has marked the pages all-visible, i.e. for everything but the last minute or so: without the
        // extra column each history row was a random heap page (docs/PERFORMANCE.md, session 4). The fingerprint
        // index belongs to the legacy table (FingerprintRecord) and goes with it.
        modelBuilder.Entity<CommentRecord>().HasIndex(c => new { c.SiteId, c.AuthorId, c.ReceivedAt }).IncludeProperties(c => c.Status);
        modelBuilder.Entity<FingerprintRecord>().HasIndex(f => new { f.SiteId, f.Band, f.At }).IncludeProperties(f => new { f.Fingerprint, f.AuthorId, f.CommentRecordId });
    }
}
