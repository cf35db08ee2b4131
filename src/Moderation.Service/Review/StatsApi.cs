using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Auth;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;

namespace Moderation.Service.Review;

/// <summary><c>GET /api/stats?siteId=&amp;from=&amp;to=</c>: counts for dashboards and newsroom reports.</summary>
public static class StatsApi
{
    /// <summary>The automatic reason codes counted in <see cref="SiteStats.Reasons"/>.</summary>
    public static readonly string[] ReasonCodes =
    [
        "spam.model", "abuse.model", "hate.model", "wordlist.banned", "wordlist.suspect", "links.limit", "contacts.limit",
        "campaign.duplicate", "author.history", "author.new", "author.banned", "site.premoderation",
    ];

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", GetAsync).WithTags("Review").RequireAuthorization(Roles.ModeratorPolicy)
            .WithSummary("Counts over a time range (default: the last 24 hours): received, automatic decisions, current status, moderator decisions, reports, reasons");
        return app;
    }

    static async Task<Results<Ok<SiteStats>, ForbidHttpResult, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal user, ModerationDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? siteId = null, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (siteId is not null && !user.CanAccess(siteId))
        {
            return TypedResults.Forbid();
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        if (start >= end || end - start > TimeSpan.FromDays(366))
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid range", detail: "from must be before to, at most 366 days apart");
        }

        var (startUtc, endUtc) = (start.UtcDateTime, end.UtcDateTime);
        var sites = siteId is null ? user.Sites() : [siteId];
        var comments = db.Comments.AsNoTracking().Where(c => c.ReceivedAt >= startUtc && c.ReceivedAt < endUtc);
        var decisions = db.Decisions.AsNoTracking().Where(d => d.DecidedAt >= startUtc && d.DecidedAt < endUtc);
        var reports = db.Reports.AsNoTracking().Where(r => r.CreatedAt >= startUtc && r.CreatedAt < endUtc);
        if (sites is not null)
        {
            comments = comments.Where(c => sites.Contains(c.SiteId));
            decisions = decisions.Where(d => sites.Contains(d.Comment!.SiteId));
            reports = reports.Where(r => db.Comments.Any(c => c.Id == r.CommentRecordId && sites.Contains(c.SiteId)));
        }

        var current = await comments.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var automatic = await decisions.Where(d => d.Revision == 1).GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var reasons = new Dictionary<string, int>();
        foreach (var code in ReasonCodes)
        {
            // The automatic decision's own reasons (the comment's current ones may be a moderator's by now).
            var json = $"\"code\":\"{code}\"";
            reasons[code] = await decisions.CountAsync(d => d.Revision == 1 && d.ReasonsJson.Contains(json), cancellationToken);
        }

        return TypedResults.Ok(new SiteStats(
            siteId,
            start,
            end,
            current.Sum(c => c.Count),
            ByStatus(automatic.Select(a => (a.Key, a.Count))),
            ByStatus(current.Select(c => (c.Key, c.Count))),
            await decisions.CountAsync(d => d.DecidedBy != CommentIngestion.SystemDecider, cancellationToken),
            await reports.CountAsync(cancellationToken),
            reasons));
    }

    static Dictionary<string, int> ByStatus(IEnumerable<(ModerationStatus Status, int Count)> rows)
    {
        var result = Enum.GetValues<ModerationStatus>().ToDictionary(s => s.ToString(), _ => 0);
        foreach (var (status, count) in rows)
        {
            result[status.ToString()] = count;
        }

        return result;
    }
}
