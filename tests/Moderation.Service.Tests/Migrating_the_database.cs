using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Moderation.Service.Data;

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

        var (comments, stored) = await EightBitBandRows.MigrateAsync(db, "20261127111053_Initial", TestContext.Current.CancellationToken);

        EightBitBandRows.AssertSixteenBitBands(comments, stored);
    }
}
