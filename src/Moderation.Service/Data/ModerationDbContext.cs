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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CommentRecord>(comment =>
        {
            comment.ToTable("comments");
            comment.HasKey(c => c.Id);
            comment.HasIndex(c => new { c.SiteId, c.CommentId }).IsUnique();
            comment.HasIndex(c => new { c.SiteId, c.ArticleId, c.Status, c.SubmittedAt });
            comment.HasIndex(c => new { c.SiteId, c.Status, c.ReceivedAt });
            comment.HasIndex(c => new { c.SiteId, c.AuthorId, c.ReceivedAt });
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
        });
    }
}
