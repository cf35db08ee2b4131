using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Comments;
using Moderation.Service.Data;

namespace Moderation.Service.Review;

/// <summary>The moderators' queues: one indexed query per page, keyset-paged so pages stay fast deep into a backlog.</summary>
public static class ReviewQueue
{
    public static readonly string[] Queues = ["pending", "reported", "rejected", "approved"];
    public static readonly string[] Sorts = ["risk", "age", "newest"];

    public static async Task<ReviewPage> ReadAsync(
        ModerationDbContext db, ReviewQuery query, IReadOnlyList<string>? allowedSites, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(query.Limit ?? 50, 1, 200);
        var comments = db.Comments.AsNoTracking();
        if (query.SiteId is not null)
        {
            comments = comments.Where(c => c.SiteId == query.SiteId);
        }
        else if (allowedSites is not null)
        {
            comments = comments.Where(c => allowedSites.Contains(c.SiteId));
        }

        comments = (query.Queue ?? "pending") switch
        {
            "reported" => comments.Where(c => c.Reported),
            "rejected" => comments.Where(c => c.Status == ModerationStatus.Rejected),
            "approved" => comments.Where(c => c.Status == ModerationStatus.Approved),
            _ => comments.Where(c => c.Status == ModerationStatus.Pending),
        };

        if (query.ArticleId is not null)
        {
            comments = comments.Where(c => c.ArticleId == query.ArticleId);
        }

        if (query.Reason is not null)
        {
            var code = $" {query.Reason} ";
            comments = comments.Where(c => c.ReasonCodes.Contains(code));
        }

        if (query.Label is not null)
        {
            var code = $" {query.Label}.model ";
            comments = comments.Where(c => c.ReasonCodes.Contains(code));
        }

        var sort = query.Sort ?? "risk";
        var after = Cursor.Parse(query.Cursor);
        comments = (sort, after) switch
        {
            ("risk", { } a) => comments.Where(c => c.Risk < a.Risk || (c.Risk == a.Risk && c.Id < a.Id)),
            ("age", { } a) => comments.Where(c => c.ReceivedAt > a.Time || (c.ReceivedAt == a.Time && c.Id > a.Id)),
            ("newest", { } a) => comments.Where(c => c.ReceivedAt < a.Time || (c.ReceivedAt == a.Time && c.Id < a.Id)),
            _ => comments,
        };
        comments = sort switch
        {
            "age" => comments.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id),
            "newest" => comments.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
            _ => comments.OrderByDescending(c => c.Risk).ThenByDescending(c => c.Id),
        };

        var page = await comments.Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? Cursor.Format(page[limit - 1]) : null;
        page = page.Take(limit).ToList();
        var authors = await AuthorSummariesAsync(db, page, cancellationToken);
        return new ReviewPage(page.Select(c => ToItem(c, authors[(c.SiteId, c.AuthorId)])).ToList(), next);
    }

    public static async Task<Dictionary<(string, string), AuthorSummary>> AuthorSummariesAsync(
        ModerationDbContext db, IReadOnlyList<CommentRecord> comments, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string), AuthorSummary>();
        foreach (var site in comments.GroupBy(c => c.SiteId))
        {
            var siteId = site.Key;
            var authors = site.Select(c => c.AuthorId).Distinct().ToList();
            var counts = await db.Comments.AsNoTracking()
                .Where(c => c.SiteId == siteId && authors.Contains(c.AuthorId))
                .GroupBy(c => new { c.AuthorId, c.Status })
                .Select(g => new { g.Key.AuthorId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var banned = await db.AuthorBans.AsNoTracking()
                .Where(b => b.SiteId == siteId && authors.Contains(b.AuthorId))
                .Select(b => b.AuthorId).ToListAsync(cancellationToken);
            foreach (var author in authors)
            {
                int Count(ModerationStatus status) => counts.Where(c => c.AuthorId == author && c.Status == status).Sum(c => c.Count);
                result[(siteId, author)] = new AuthorSummary(
                    Count(ModerationStatus.Approved), Count(ModerationStatus.Pending), Count(ModerationStatus.Rejected), banned.Contains(author));
            }
        }

        return result;
    }

    public static ReviewItem ToItem(CommentRecord c, AuthorSummary author)
    {
        var verdict = c.ToVerdict();
        return new ReviewItem(
            c.SiteId, c.CommentId, c.ArticleId, c.ArticleUrl, c.ParentCommentId, c.AuthorId, c.AuthorName, c.Text,
            c.Status, c.Revision, c.DecidedBy, verdict.DecidedAt, verdict.SubmittedAt,
            new DateTimeOffset(DateTime.SpecifyKind(c.ReceivedAt, DateTimeKind.Utc)),
            verdict.Scores, verdict.Reasons, c.ReportCount, c.Reported, c.ModelVersion, author);
    }

    /// <summary>Keyset position (risk, time, id) of the last item of a page.</summary>
    sealed record Cursor(float Risk, DateTime Time, long Id)
    {
        public static string Format(CommentRecord c) =>
            PageCursor.Encode(string.Create(CultureInfo.InvariantCulture, $"{c.Risk:R}|{c.ReceivedAt.Ticks}|{c.Id}"));

        public static Cursor? Parse(string? text)
        {
            var parts = PageCursor.Decode(text)?.Split('|');
            return parts is { Length: 3 }
                && float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var risk)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new Cursor(risk, new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
    }
}
