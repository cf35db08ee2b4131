using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;
using Moderation.Service.Observability;
using Moderation.Service.Policies;

namespace Moderation.Service.Reports;

/// <summary>
/// Reader reports, from the bus and HTTP. One report per reader and comment (a repeat changes nothing); after the
/// site's <c>reportsToReview</c> distinct reports since the last moderator decision, a published comment enters the
/// reported queue. It stays visible until a moderator decides, as in Coral.
/// </summary>
public sealed class CommentReports(ModerationDbContext db, SitePolicyStore policies, ReporterRateLimiter limiter, ModerationMetrics metrics, TimeProvider time)
{
    public static readonly IReadOnlySet<string> Reasons = new HashSet<string>(StringComparer.Ordinal) { "spam", "abuse", "hate", "other" };

    public static IReadOnlyList<string> Validate(ReportComment report)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(report.SiteId) || string.IsNullOrWhiteSpace(report.CommentId))
        {
            errors.Add("siteId and commentId are required");
        }

        if (string.IsNullOrWhiteSpace(report.ReporterId) || report.ReporterId.Length > 128)
        {
            errors.Add("reporterId is required (1 to 128 characters): the reader's stable id on the site");
        }

        if (report.Reason is null || !Reasons.Contains(report.Reason))
        {
            errors.Add("reason must be one of spam, abuse, hate, other");
        }

        if (report.Note is { Length: > 1000 })
        {
            errors.Add("note may have at most 1,000 characters");
        }

        return errors;
    }

    public async Task<ReportResult> AddAsync(ReportComment report, CancellationToken cancellationToken)
    {
        var result = await RecordAsync(report, cancellationToken);
        metrics.Reported(SiteIds.IsValid(report.SiteId) ? report.SiteId : "invalid", result.Status);
        return result;
    }

    async Task<ReportResult> RecordAsync(ReportComment report, CancellationToken cancellationToken)
    {
        var errors = Validate(report);
        if (errors.Count > 0)
        {
            return new ReportResult("invalid", 0, false, errors);
        }

        var comment = await db.Comments.AsNoTracking()
            .Where(c => c.SiteId == report.SiteId && c.CommentId == report.CommentId)
            .Select(c => new { c.Id, c.ReportCount, c.Reported })
            .SingleOrDefaultAsync(cancellationToken);
        if (comment is null)
        {
            return new ReportResult("not_found", 0, false);
        }

        if (await db.Reports.AnyAsync(r => r.CommentRecordId == comment.Id && r.ReporterId == report.ReporterId, cancellationToken))
        {
            return new ReportResult("duplicate", comment.ReportCount, comment.Reported);
        }

        if (!limiter.TryAcquire(report.SiteId, report.ReporterId))
        {
            return new ReportResult("rate_limited", comment.ReportCount, comment.Reported, ["too many reports from this reader; try again later"]);
        }

        var threshold = (await policies.GetAsync(db, report.SiteId, cancellationToken)).Policy.ReportsToReview;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Reports.Add(new ReportRecord
        {
            CommentRecordId = comment.Id,
            ReporterId = report.ReporterId,
            Reason = report.Reason,
            Note = report.Note,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reader's report arrived twice at once (two replicas): the first one counts.
            db.ChangeTracker.Clear();
            return new ReportResult("duplicate", comment.ReportCount, comment.Reported);
        }

        // Counted in SQL so concurrent reports on other replicas are never lost.
        await db.Comments.Where(c => c.Id == comment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportCount, c => c.ReportCount + 1), cancellationToken);
        await db.Comments.Where(c => c.Id == comment.Id && !c.Reported && c.Status == ModerationStatus.Approved && c.ReportCount - c.ReportsHandled >= threshold)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Reported, true), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var now = await db.Comments.AsNoTracking().Where(c => c.Id == comment.Id).Select(c => new { c.ReportCount, c.Reported }).SingleAsync(cancellationToken);
        return new ReportResult("recorded", now.ReportCount, now.Reported);
    }
}
