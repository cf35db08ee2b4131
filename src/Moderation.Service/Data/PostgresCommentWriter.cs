using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Moderation.Service.Data;

/// <summary>
/// Stores a batch of new comments with their automatic decision in one PostgreSQL statement: one round trip and no
/// change tracking, where EF Core sends one INSERT per row (a batch of 100 comments is 200 rows) and tracks every
/// entity. <c>ON CONFLICT DO NOTHING</c> skips comments another replica stored first, so the caller can use that
/// replica's decision instead; the decision of a skipped comment is not written either. SQLite (the embedded
/// default) keeps the EF Core path.
/// </summary>
public static class PostgresCommentWriter
{
    const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(
                @site, @comment, @article, @article_url, @parent, @author, @author_name, @email_hash, @ip_hash,
                @user_agent, @referrer, @text, @language, @channel, @submitted_at, @received_at, @spam, @abuse, @hate,
                @model_version, @status, @decided_by, @decided_at, @reasons, @reason_codes, @risk, @fingerprint,
                @published_at)
            AS i(site, comment, article, article_url, parent, author, author_name, email_hash, ip_hash, user_agent,
                 referrer, text, language, channel, submitted_at, received_at, spam, abuse, hate, model_version, status,
                 decided_by, decided_at, reasons, reason_codes, risk, fingerprint, published_at)
        ), stored AS (
            INSERT INTO comments ("SiteId", "CommentId", "ArticleId", "ArticleUrl", "ParentCommentId", "AuthorId",
                "AuthorName", "AuthorEmailHash", "AuthorIpHash", "UserAgent", "Referrer", "Text", "Language", "Channel",
                "SubmittedAt", "ReceivedAt", "Spam", "Abuse", "Hate", "ModelVersion", "Status", "Revision", "DecidedBy",
                "DecidedAt", "ReasonsJson", "ReasonCodes", "Risk", "ReportCount", "ReportsHandled", "Reported", "Fingerprint")
            SELECT site, comment, article, article_url, parent, author, author_name, email_hash, ip_hash, user_agent,
                referrer, text, language, channel, submitted_at, received_at, spam, abuse, hate, model_version, status, 1,
                decided_by, decided_at, reasons, reason_codes, risk, 0, 0, false, fingerprint
            FROM input
            ON CONFLICT ("SiteId", "CommentId") DO NOTHING
            RETURNING "Id", "SiteId", "CommentId"
        ), decided AS (
            INSERT INTO decisions ("CommentRecordId", "Revision", "Status", "DecidedBy", "DecidedAt", "ReasonsJson", "PublishedAt")
            SELECT s."Id", 1, i.status, i.decided_by, i.decided_at, i.reasons, i.published_at
            FROM stored s JOIN input i ON i.site = s."SiteId" AND i.comment = s."CommentId"
        )
        SELECT "Id", "SiteId", "CommentId" FROM stored
        """;

    /// <summary>
    /// Inserts <paramref name="records"/> (each with its revision-1 decision in <see cref="CommentRecord.Decisions"/>);
    /// sets the ids of the stored ones and returns their keys. Keys missing from the result were already stored.
    /// </summary>
    public static async Task<HashSet<(string SiteId, string CommentId)>> InsertAsync(
        ModerationDbContext db, IReadOnlyList<CommentRecord> records, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            var p = command.Parameters;
            Add(p, "site", records, r => r.SiteId);
            Add(p, "comment", records, r => r.CommentId);
            Add(p, "article", records, r => r.ArticleId);
            Add(p, "article_url", records, r => r.ArticleUrl);
            Add(p, "parent", records, r => r.ParentCommentId);
            Add(p, "author", records, r => r.AuthorId);
            Add(p, "author_name", records, r => r.AuthorName);
            Add(p, "email_hash", records, r => r.AuthorEmailHash);
            Add(p, "ip_hash", records, r => r.AuthorIpHash);
            Add(p, "user_agent", records, r => r.UserAgent);
            Add(p, "referrer", records, r => r.Referrer);
            Add(p, "text", records, r => r.Text);
            Add(p, "language", records, r => r.Language);
            Add(p, "channel", records, r => r.Channel);
            AddTimes(p, "submitted_at", records, r => r.SubmittedAt);
            AddTimes(p, "received_at", records, r => r.ReceivedAt);
            p.Add(new NpgsqlParameter<float[]>("spam", records.Select(r => r.Spam).ToArray()));
            p.Add(new NpgsqlParameter<float[]>("abuse", records.Select(r => r.Abuse).ToArray()));
            p.Add(new NpgsqlParameter<float[]>("hate", records.Select(r => r.Hate).ToArray()));
            Add(p, "model_version", records, r => r.ModelVersion);
            Add(p, "status", records, r => r.Status.ToString());
            Add(p, "decided_by", records, r => r.DecidedBy);
            AddTimes(p, "decided_at", records, r => r.DecidedAt);
            Add(p, "reasons", records, r => r.ReasonsJson);
            Add(p, "reason_codes", records, r => r.ReasonCodes);
            p.Add(new NpgsqlParameter<float[]>("risk", records.Select(r => r.Risk).ToArray()));
            p.Add(new NpgsqlParameter<long[]>("fingerprint", records.Select(r => r.Fingerprint).ToArray()));
            p.Add(new NpgsqlParameter("published_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                Value = records.Select(r => r.Decisions[0].PublishedAt is { } at ? (object)Utc(at) : DBNull.Value).ToArray(),
            });

            var byKey = records.ToDictionary(r => (r.SiteId, r.CommentId));
            var stored = new HashSet<(string, string)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(1), reader.GetString(2));
                byKey[key].Id = reader.GetInt64(0);
                stored.Add(key);
            }

            return stored;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static void Add<T>(NpgsqlParameterCollection parameters, string name, IReadOnlyList<T> rows, Func<T, string?> value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(value).ToArray() });

    static void AddTimes<T>(NpgsqlParameterCollection parameters, string name, IReadOnlyList<T> rows, Func<T, DateTime> value) =>
        parameters.Add(new NpgsqlParameter<DateTime[]>(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = rows.Select(r => Utc(value(r))).ToArray() });

    // timestamptz takes UTC only; the pipeline works in UTC, this makes "Unspecified" explicit.
    static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
