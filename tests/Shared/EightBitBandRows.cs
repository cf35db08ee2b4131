using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Moderation.Service.Data;
using Moderation.Service.Policies;

namespace Moderation.Testing;

/// <summary>
/// The data migration <c>FingerprintBands16</c> on a real store: a database at <c>Initial</c> holding campaign
/// fingerprints as the previous version stored them (eight rows per comment, band × 65536 + 8 bits), migrated to the
/// latest version. The same scenario runs on SQLite and on PostgreSQL, whose migration SQL differs.
/// </summary>
internal static class EightBitBandRows
{
    public static async Task<(List<CommentRecord> Comments, List<FingerprintRecord> Stored)> MigrateAsync(
        ModerationDbContext db, string initialMigration, CancellationToken cancellationToken)
    {
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(initialMigration, cancellationToken);

        // Three comments, one with a negative fingerprint (the top band must not carry the sign).
        var comments = CampaignRows.Build("migrated-site", DateTime.UtcNow).Take(3).ToList();
        comments[2].Fingerprint = unchecked((long)0xFEDC_BA98_7654_3210);
        db.Comments.AddRange(comments);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var comment in comments)
        {
            for (var band = 0; band < 8; band++)
            {
                var key = (band << 16) | (int)((ulong)comment.Fingerprint >> (band * 8) & 0xFF);
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO fingerprints ("SiteId", "Band", "Fingerprint", "CommentRecordId", "AuthorId", "At") VALUES ({comment.SiteId}, {key}, {comment.Fingerprint}, {comment.Id}, {comment.AuthorId}, {comment.ReceivedAt})""",
                    cancellationToken);
            }
        }

        await migrator.MigrateAsync(cancellationToken: cancellationToken);
        return (comments, await db.Fingerprints.AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>Every comment has exactly its four 16-bit bands (<see cref="SimHash.BandKeys"/>), nothing else is left.</summary>
    public static void AssertSixteenBitBands(List<CommentRecord> comments, List<FingerprintRecord> stored)
    {
        foreach (var comment in comments)
        {
            var rows = stored.Where(f => f.CommentRecordId == comment.Id).ToList();
            Assert.Equal(SimHash.BandKeys(comment.Fingerprint).Order(), rows.Select(f => f.Band).Order());
            Assert.All(rows, f => Assert.Equal((comment.Fingerprint, comment.AuthorId, comment.SiteId), (f.Fingerprint, f.AuthorId, f.SiteId)));
        }

        Assert.Equal(comments.Count * SimHash.Bands, stored.Count);
    }
}
