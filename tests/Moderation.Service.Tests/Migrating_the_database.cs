using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Moderation.Service.Data;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

/// <summary>Migrations that move data, run on a database the previous version wrote (SQLite, the embedded default).</summary>
public sealed class Migrating_the_database
{
    [Fact]
    public async Task Campaign_fingerprints_stored_as_eight_bit_bands_become_sixteen_bit_bands()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var db = new SqliteModerationDbContext(new DbContextOptionsBuilder<SqliteModerationDbContext>().UseSqlite(connection).Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261127111053_Initial", TestContext.Current.CancellationToken);

        // What the previous version stored: eight rows per comment, band × 65536 + 8 bits.
        var comments = CampaignRows.Build("migrated-site", DateTime.UtcNow).Take(3).ToList();
        db.Comments.AddRange(comments);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        foreach (var comment in comments)
        {
            for (var band = 0; band < 8; band++)
            {
                var key = (band << 16) | (int)((ulong)comment.Fingerprint >> (band * 8) & 0xFF);
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO fingerprints ("SiteId", "Band", "Fingerprint", "CommentRecordId", "AuthorId", "At") VALUES ({comment.SiteId}, {key}, {comment.Fingerprint}, {comment.Id}, {comment.AuthorId}, {comment.ReceivedAt})""",
                    TestContext.Current.CancellationToken);
            }
        }

        await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);

        var stored = await db.Fingerprints.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        foreach (var comment in comments)
        {
            var rows = stored.Where(f => f.CommentRecordId == comment.Id).ToList();
            Assert.Equal(SimHash.BandKeys(comment.Fingerprint).Order(), rows.Select(f => f.Band).Order());
            Assert.All(rows, f => Assert.Equal((comment.Fingerprint, comment.AuthorId, comment.SiteId), (f.Fingerprint, f.AuthorId, f.SiteId)));
        }

        Assert.Equal(3 * SimHash.Bands, stored.Count);
    }
}
