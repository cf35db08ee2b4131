using Microsoft.EntityFrameworkCore;

namespace Moderation.Service.Data;

/// <summary>
/// The one model of the service's storage. Two provider-specific subclasses carry their own migrations
/// (<see cref="SqliteModerationDbContext"/>, <see cref="PostgresModerationDbContext"/>); code uses this type.
/// </summary>
public abstract class ModerationDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CommentRecord> Comments => Set<CommentRecord>();
    public DbSet<DecisionRecord> Decisions => Set<DecisionRecord>();
    public DbSet<SitePolicyRecord> SitePolicies => Set<SitePolicyRecord>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<AuthorBanRecord> AuthorBans => Set<AuthorBanRecord>();
    public DbSet<ReportRecord> Reports => Set<ReportRecord>();
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<FingerprintRecord> Fingerprints => Set<FingerprintRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CommentRecord>(comment =>
        {
            comment.ToTable("comments");
            comment.HasKey(c => c.Id);
            comment.HasIndex(c => new { c.SiteId, c.CommentId }).IsUnique();
            comment.HasIndex(c => new { c.SiteId, c.ArticleId, c.Status, c.SubmittedAt });
            comment.HasIndex(c => new { c.SiteId, c.Status, c.ReceivedAt });
            comment.HasIndex(c => new { c.SiteId, c.Status, c.Risk });
            comment.HasIndex(c => new { c.SiteId, c.Reported, c.ReceivedAt });
            comment.HasIndex(c => new { c.SiteId, c.AuthorId, c.ReceivedAt });
            // The review backlog gauge counts these every few seconds: partial indexes keep that count in proportion
            // to the backlog, not to the whole table (with the indexes above it scanned every comment ever stored).
            comment.HasIndex(c => c.SiteId, "IX_comments_SiteId_pending").HasFilter("\"Status\" = 'Pending'");
            comment.HasIndex(c => c.SiteId, "IX_comments_SiteId_reported").HasFilter("\"Reported\"");
            comment.Property(c => c.SiteId).HasMaxLength(64);
            comment.Property(c => c.CommentId).HasMaxLength(128);
            comment.Property(c => c.ArticleId).HasMaxLength(256);
            comment.Property(c => c.ArticleUrl).HasMaxLength(2048);
            comment.Property(c => c.ParentCommentId).HasMaxLength(128);
            comment.Property(c => c.AuthorId).HasMaxLength(128);
            comment.Property(c => c.AuthorName).HasMaxLength(256);
            comment.Property(c => c.AuthorEmailHash).HasMaxLength(64);
            comment.Property(c => c.AuthorIpHash).HasMaxLength(64);
            comment.Property(c => c.UserAgent).HasMaxLength(1024);
            comment.Property(c => c.Referrer).HasMaxLength(2048);
            comment.Property(c => c.Language).HasMaxLength(16);
            comment.Property(c => c.Channel).HasMaxLength(16);
            comment.Property(c => c.ModelVersion).HasMaxLength(64);
            comment.Property(c => c.DecidedBy).HasMaxLength(128);
            comment.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            comment.Property(c => c.ReasonCodes).HasMaxLength(512);
            comment.Property(c => c.Revision).IsConcurrencyToken();
            comment.HasMany(c => c.Decisions).WithOne(d => d.Comment).HasForeignKey(d => d.CommentRecordId);
        });

        modelBuilder.Entity<DecisionRecord>(decision =>
        {
            decision.ToTable("decisions");
            decision.HasKey(d => d.Id);
            decision.HasIndex(d => new { d.CommentRecordId, d.Revision }).IsUnique();
            decision.HasIndex(d => new { d.DecidedBy, d.DecidedAt });
            decision.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            decision.Property(d => d.DecidedBy).HasMaxLength(128);
            decision.Property(d => d.ReasonCode).HasMaxLength(32);
            decision.Property(d => d.Note).HasMaxLength(2000);
            decision.HasIndex(d => d.PublishedAt);
        });

        modelBuilder.Entity<SitePolicyRecord>(policy =>
        {
            policy.ToTable("site_policies");
            policy.HasKey(p => p.SiteId);
            policy.Property(p => p.SiteId).HasMaxLength(64);
            policy.Property(p => p.UpdatedBy).HasMaxLength(128);
        });

        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(32);
            key.Property(k => k.Name).HasMaxLength(128);
            key.Property(k => k.Role).HasMaxLength(16);
            key.Property(k => k.Sites).HasMaxLength(4096);
            key.Property(k => k.KeyHash).HasMaxLength(64);
            key.Property(k => k.CreatedBy).HasMaxLength(128);
        });

        modelBuilder.Entity<AuthorBanRecord>(ban =>
        {
            ban.ToTable("author_bans");
            ban.HasKey(b => new { b.SiteId, b.AuthorId });
            ban.Property(b => b.SiteId).HasMaxLength(64);
            ban.Property(b => b.AuthorId).HasMaxLength(128);
            ban.Property(b => b.BannedBy).HasMaxLength(128);
            ban.Property(b => b.Reason).HasMaxLength(32);
            ban.Property(b => b.Note).HasMaxLength(2000);
        });

        modelBuilder.Entity<ReportRecord>(report =>
        {
            report.ToTable("reports");
            report.HasKey(r => r.Id);
            report.HasIndex(r => new { r.CommentRecordId, r.ReporterId }).IsUnique();
            report.Property(r => r.ReporterId).HasMaxLength(128);
            report.Property(r => r.Reason).HasMaxLength(16);
            report.Property(r => r.Note).HasMaxLength(1000);
            report.HasOne<CommentRecord>().WithMany().HasForeignKey(r => r.CommentRecordId);
        });

        modelBuilder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable("audit_log");
            audit.HasKey(a => a.Id);
            audit.HasIndex(a => a.At);
            audit.HasIndex(a => new { a.Actor, a.At });
            audit.HasIndex(a => new { a.SiteId, a.At });
            audit.Property(a => a.Actor).HasMaxLength(128);
            audit.Property(a => a.Action).HasMaxLength(32);
            audit.Property(a => a.SiteId).HasMaxLength(64);
            audit.Property(a => a.CommentId).HasMaxLength(128);
            audit.Property(a => a.AuthorId).HasMaxLength(128);
        });

        // Legacy, no longer written (see FingerprintRecord); mapped until the release that drops it.
        modelBuilder.Entity<FingerprintRecord>(fingerprint =>
        {
            fingerprint.ToTable("fingerprints");
            fingerprint.HasKey(f => f.Id);
            fingerprint.HasIndex(f => new { f.SiteId, f.Band, f.At });
            fingerprint.HasIndex(f => f.At);
            fingerprint.Property(f => f.SiteId).HasMaxLength(64);
            fingerprint.Property(f => f.AuthorId).HasMaxLength(128);
            fingerprint.HasOne(f => f.Comment).WithMany().HasForeignKey(f => f.CommentRecordId);
        });
    }
}
