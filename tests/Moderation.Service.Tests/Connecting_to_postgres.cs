using Moderation.Service.Data;
using Npgsql;

namespace Moderation.Service.Tests;

public sealed class Connecting_to_postgres
{
    [Fact]
    public void Statements_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(StorageExtensions.WithPreparedStatements("Host=db;Database=moderation;Username=app"));
        Assert.Equal(32, defaulted.MaxAutoPrepare);
        Assert.Equal(2, defaulted.AutoPrepareMinUsages);
        Assert.Equal("db", defaulted.Host);

        // An operator behind an old PgBouncer turns it off, and that wins.
        var off = new NpgsqlConnectionStringBuilder(StorageExtensions.WithPreparedStatements("Host=db;Max Auto Prepare=0"));
        Assert.Equal(0, off.MaxAutoPrepare);
        var spelledTogether = new NpgsqlConnectionStringBuilder(StorageExtensions.WithPreparedStatements("Host=db;MaxAutoPrepare=5"));
        Assert.Equal(5, spelledTogether.MaxAutoPrepare);
    }
}
