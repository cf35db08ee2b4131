using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Policies;
using Npgsql;
using NpgsqlTypes;

namespace Moderation.Service.Data;

/// <summary>
/// Everything a batch of comments needs from PostgreSQL before it can be decided, read in ONE round trip (an
/// <see cref="NpgsqlBatch"/>): which comments are already stored, banned authors, the authors' recent decisions and
/// the comments stored since the last read, which bring this replica's <see cref="CampaignIndex"/> up to date before
/// it looks up near-duplicate candidates. The EF Core path (SQLite) reads the same with one query each.
/// </summary>
public static class PostgresBatchReader
{
    public sealed record Item(string SiteId, string CommentId, string AuthorId, long Fingerprint, CompiledPolicy Policy);

    public sealed class Result
    {
        public HashSet<(string SiteId, string CommentId)> Existing { get; } = [];
        public Dictionary<(string Site, string Author), AuthorSignals> Authors { get; } = [];
        public Dictionary<string, IReadOnlyList<StoredFingerprint>> Candidates { get; set; } = new(StringComparer.Ordinal);
    }

    public static async Task<Result> ReadAsync(
        ModerationDbContext db, CampaignIndex campaigns, IReadOnlyList<Item> items, DateTime now, CancellationToken cancellationToken)
    {
        await campaigns.EnsureLoadedAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        var readers = new List<Action<NpgsqlDataReader>>();
        var result = new Result();

        // Already stored (a redelivery or a resubmission): the in-memory filter drops cross-matches of the two lists.
        var keys = items.Select(i => (i.SiteId, i.CommentId)).ToHashSet();
        Add(batch, """SELECT "SiteId", "CommentId" FROM comments WHERE "SiteId" = ANY($1) AND "CommentId" = ANY($2)""",
            Texts(items.Select(i => i.SiteId).Distinct()), Texts(items.Select(i => i.CommentId).Distinct()));
        readers.Add(r =>
        {
            var key = (r.GetString(0), r.GetString(1));
            if (keys.Contains(key))
            {
                result.Existing.Add(key);
            }
        });

        var banned = new HashSet<(string, string)>();
        Add(batch, """SELECT "SiteId", "AuthorId" FROM author_bans WHERE "SiteId" = ANY($1) AND "AuthorId" = ANY($2)""",
            Texts(items.Select(i => i.SiteId).Distinct()), Texts(items.Select(i => i.AuthorId).Distinct()));
        readers.Add(r => banned.Add((r.GetString(0), r.GetString(1))));

        var window = new Dictionary<(string, string, string), int>();
        var approved = new Dictionary<(string, string), int>();
        foreach (var site in items.GroupBy(i => i.SiteId))
        {
            var siteId = site.Key;
            var policy = site.First().Policy.Policy;
            // A parameter belongs to one statement: each statement gets its own copy of the author list.
            var authorIds = site.Select(i => i.AuthorId).Distinct().ToArray();
            if (policy.AuthorHistory.Enabled)
            {
                // Each author's newest comments of the window, through (SiteId, AuthorId, ReceivedAt) backwards. No
                // Status predicate: it would let the planner choose the (SiteId, Status, ReceivedAt) index.
                Add(batch, $"""
                    SELECT a.author, h."Status", count(*)::int
                    FROM unnest($2) AS a(author)
                    CROSS JOIN LATERAL (
                        SELECT "Status" FROM comments
                        WHERE "SiteId" = $1 AND "AuthorId" = a.author AND "ReceivedAt" >= $3
                        ORDER BY "ReceivedAt" DESC LIMIT {AuthorHistorySettings.MaxComments}) h
                    GROUP BY 1, 2
                    """, Text(siteId), Texts(authorIds), Time(now.AddDays(-policy.AuthorHistory.WindowDays)));
                readers.Add(r => window[(siteId, r.GetString(0), r.GetString(1))] = r.GetInt32(2));
            }

            if (policy.NewAuthorApprovals > 0)
            {
                // Only whether an author has NewAuthorApprovals approved comments matters: stop counting there.
                Add(batch, """
                    SELECT a.author, count(*)::int
                    FROM unnest($2) AS a(author)
                    CROSS JOIN LATERAL (
                        SELECT 1 FROM comments
                        WHERE "SiteId" = $1 AND "AuthorId" = a.author AND "Status" = 'Approved' LIMIT $3) h
                    GROUP BY 1
                    """, Text(siteId), Texts(authorIds), new NpgsqlParameter<int> { TypedValue = policy.NewAuthorApprovals });
                readers.Add(r => approved[(siteId, r.GetString(0))] = r.GetInt32(1));
            }

            campaigns.Configure(siteId, policy.Campaign);
        }

        // Every comment stored since the last read (by any replica), and the ids an earlier read skipped.
        var catchUp = campaigns.NextRead();
        var stored = new List<CampaignIndex.Row>();
        Add(batch, """
            SELECT "Id", "SiteId", "AuthorId", "Fingerprint", "ReceivedAt" FROM comments WHERE "Id" > $1
            UNION ALL
            SELECT "Id", "SiteId", "AuthorId", "Fingerprint", "ReceivedAt" FROM comments WHERE "Id" = ANY($2)
            """,
            new NpgsqlParameter<long> { TypedValue = catchUp.After },
            new NpgsqlParameter<long[]> { TypedValue = catchUp.Gaps });
        readers.Add(r => stored.Add(new CampaignIndex.Row(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetDateTime(4))));

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var read in readers)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    read(reader);
                }

                await reader.NextResultAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        campaigns.Apply(catchUp, stored);
        result.Candidates = campaigns.Candidates(items.Select(i => (i.SiteId, i.Fingerprint, i.Policy.Policy.Campaign)));

        foreach (var (siteId, authorId) in items.Select(i => (i.SiteId, i.AuthorId)).Distinct())
        {
            var rejected = window.GetValueOrDefault((siteId, authorId, nameof(ModerationStatus.Rejected)));
            var decided = rejected + window.GetValueOrDefault((siteId, authorId, nameof(ModerationStatus.Approved)));
            result.Authors[(siteId, authorId)] = new AuthorSignals(banned.Contains((siteId, authorId)), approved.GetValueOrDefault((siteId, authorId)), decided, rejected);
        }

        return result;
    }

    static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { TypedValue = value };

    static NpgsqlParameter Texts(IEnumerable<string> values) => new NpgsqlParameter<string[]> { TypedValue = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    static NpgsqlParameter Time(DateTime value) => new NpgsqlParameter<DateTime> { TypedValue = DateTime.SpecifyKind(value, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
