using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Policies;
using Npgsql;
using NpgsqlTypes;

namespace Moderation.Service.Data;

/// <summary>
/// Everything a batch of comments needs from PostgreSQL before it can be decided, read in ONE round trip (an
/// <see cref="NpgsqlBatch"/>): which comments are already stored, banned authors, the authors' recent decisions and
/// the near-duplicate candidates for campaign detection. The EF Core path (SQLite) reads the same with one query each.
/// </summary>
public static class PostgresBatchReader
{
    /// <summary>
    /// Stored fingerprints examined per probed key, newest first: a site's <see cref="CampaignSettings.MinAuthors"/>
    /// + 2 (at least 5, at most 50), so an exact copy can still reach the author threshold from its newest copies,
    /// and the work per comment stays bounded whatever the site's volume. A random fingerprint shares a 16-bit key with
    /// 1 in 65,536 stored ones, so on a busy site random rows push true matches out only slowly: at 780 comments/s
    /// the newest 5 of a key reach back ~7 minutes (below ~90/s the whole default hour), where the 8-bit bands used
    /// before read 50 rows per band value and reached back 16 s. Within a campaign the counts in the reason are lower
    /// bounds. Cost on a synthetic, vacuumed table of 1.4 million fingerprints (docs/PERFORMANCE.md, session 4): 68
    /// probes per comment take ~0.37 ms of PostgreSQL time with 4 rows per key and ~0.6 ms with 16, most of it per-probe
    /// overhead (~5 µs); in a live soak at 1.5 million comments ~0.96 ms, as the newest rows still visit the heap.
    /// </summary>
    public static int CandidatesPerKey(CampaignSettings campaign) => Math.Clamp(campaign.MinAuthors + 2, 5, 50);

    public sealed record Item(string SiteId, string CommentId, string AuthorId, long Fingerprint, CompiledPolicy Policy);

    public sealed class Result
    {
        public HashSet<(string SiteId, string CommentId)> Existing { get; } = [];
        public Dictionary<(string Site, string Author), AuthorSignals> Authors { get; } = [];
        public Dictionary<string, IReadOnlyList<StoredFingerprint>> Candidates { get; } = new(StringComparer.Ordinal);
    }

    public static async Task<Result> ReadAsync(ModerationDbContext db, IReadOnlyList<Item> items, DateTime now, CancellationToken cancellationToken)
    {
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

            var campaign = policy.Campaign;
            var fingerprinted = site.Where(i => i.Fingerprint != 0).ToList();
            if (campaign.Enabled && fingerprinted.Count > 0)
            {
                // Candidates have a stored band among an item's probe keys; only those within MaxDistance bits of
                // that item come back.
                var pairs = fingerprinted.SelectMany(i => SimHash.ProbeKeys(i.Fingerprint).Select(key => (Key: key, i.Fingerprint))).ToList();
                var candidates = new List<StoredFingerprint>();
                result.Candidates[siteId] = candidates;
                Add(batch, """
                    WITH pairs AS (SELECT * FROM unnest($2, $3) AS p(band, fingerprint)),
                    candidates AS (
                        SELECT b.band, f."CommentRecordId", f."Fingerprint", f."AuthorId"
                        FROM (SELECT DISTINCT band FROM pairs) b
                        CROSS JOIN LATERAL (
                            SELECT "CommentRecordId", "Fingerprint", "AuthorId" FROM fingerprints
                            WHERE "SiteId" = $1 AND "Band" = b.band AND "At" >= $4
                            ORDER BY "At" DESC LIMIT $6) f)
                    SELECT DISTINCT c."CommentRecordId", c."Fingerprint", c."AuthorId"
                    FROM candidates c JOIN pairs p ON p.band = c.band
                    WHERE bit_count(int8send(c."Fingerprint" # p.fingerprint)) <= $5
                    """,
                    Text(siteId),
                    new NpgsqlParameter<int[]> { TypedValue = pairs.Select(p => p.Key).ToArray() },
                    new NpgsqlParameter<long[]> { TypedValue = pairs.Select(p => p.Fingerprint).ToArray() },
                    Time(now.AddMinutes(-campaign.WindowMinutes)),
                    new NpgsqlParameter<int> { TypedValue = campaign.MaxDistance },
                    new NpgsqlParameter<int> { TypedValue = CandidatesPerKey(campaign) });
                readers.Add(r => candidates.Add(new StoredFingerprint(r.GetInt64(0), r.GetInt64(1), r.GetString(2))));
            }
        }

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
