using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Comments;
using Moderation.Service.Data;
using Moderation.Service.Observability;

namespace Moderation.Service.Review;

/// <summary>
/// Moderators' actions: decide, undo, ban. Each changes the comment's current decision as a new revision, writes an
/// audit row in the same transaction, then publishes <see cref="CommentModerated"/> with the new revision. An event
/// that cannot be published right away is sent later by <see cref="DecisionRepublisher"/>.
/// </summary>
public sealed class ModerationActions(ModerationDbContext db, IPublishEndpoint publish, ModerationMetrics metrics, TimeProvider time, ILogger<ModerationActions> logger)
{
    public static readonly IReadOnlySet<string> RejectReasons = new HashSet<string>(StringComparer.Ordinal) { "spam", "abuse", "hate", "off-topic", "other" };

    public async Task<DecisionOutcome> DecideAsync(
        string siteId, string commentId, ModerationStatus status, string? reasonCode, string? note, int? expectedRevision, string actor, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.SiteId == siteId && c.CommentId == commentId, cancellationToken);
        if (comment is null)
        {
            return new DecisionOutcome(siteId, commentId, DecisionResult.NotFound, null);
        }

        if (expectedRevision is { } expected && expected != comment.Revision)
        {
            return new DecisionOutcome(siteId, commentId, DecisionResult.Conflict, comment.ToVerdict(), $"the comment is at revision {comment.Revision}, not {expected}: reload it");
        }

        var detail = status == ModerationStatus.Rejected ? $"rejected by {actor}: {reasonCode}" : $"{status.ToString().ToLowerInvariant()} by {actor}";
        Apply(comment, status, [new ModerationReason { Code = "moderator", Detail = string.IsNullOrWhiteSpace(note) ? detail : $"{detail} — {note}" }], reasonCode, note, actor, "decision");
        return await SaveAndPublishAsync(comment, cancellationToken);
    }

    /// <summary>Restores the status the comment had before its latest decision, as a new revision.</summary>
    public async Task<DecisionOutcome> UndoAsync(string siteId, string commentId, string actor, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.Include(c => c.Decisions).SingleOrDefaultAsync(c => c.SiteId == siteId && c.CommentId == commentId, cancellationToken);
        if (comment is null)
        {
            return new DecisionOutcome(siteId, commentId, DecisionResult.NotFound, null);
        }

        var history = comment.Decisions.OrderBy(d => d.Revision).ToList();
        if (history.Count < 2)
        {
            return new DecisionOutcome(siteId, commentId, DecisionResult.Invalid, comment.ToVerdict(), "only the automatic decision exists: there is nothing to undo");
        }

        var previous = history[^2];
        var reasons = ReasonsJson.Deserialize(previous.ReasonsJson)
            .Append(new ModerationReason { Code = "moderator", Detail = $"{actor} undid revision {history[^1].Revision}" })
            .ToList();
        Apply(comment, previous.Status, reasons, previous.ReasonCode, null, actor, "undo");
        return await SaveAndPublishAsync(comment, cancellationToken);
    }

    /// <summary>Bans an author on a site and rejects their pending comments.</summary>
    public async Task<IReadOnlyList<DecisionOutcome>> BanAsync(string siteId, string authorId, string? reasonCode, string? note, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!await db.AuthorBans.AnyAsync(b => b.SiteId == siteId && b.AuthorId == authorId, cancellationToken))
        {
            db.AuthorBans.Add(new AuthorBanRecord { SiteId = siteId, AuthorId = authorId, BannedBy = actor, BannedAt = now, Reason = reasonCode, Note = note });
        }

        var pending = await db.Comments.Where(c => c.SiteId == siteId && c.AuthorId == authorId && c.Status == ModerationStatus.Pending).ToListAsync(cancellationToken);
        foreach (var comment in pending)
        {
            Apply(comment, ModerationStatus.Rejected, [new ModerationReason { Code = "author.banned", Detail = $"author banned by {actor}" }], reasonCode ?? "other", note, actor, "decision");
        }

        db.Audit.Add(new AuditRecord
        {
            At = now,
            Actor = actor,
            Action = "ban",
            SiteId = siteId,
            AuthorId = authorId,
            DetailsJson = JsonSerializer.Serialize(new { reason = reasonCode, note, rejectedPending = pending.Count }),
        });
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(pending, cancellationToken);
        return pending.Select(c => new DecisionOutcome(siteId, c.CommentId, DecisionResult.Decided, c.ToVerdict())).ToList();
    }

    public async Task<bool> UnbanAsync(string siteId, string authorId, string actor, CancellationToken cancellationToken)
    {
        var ban = await db.AuthorBans.SingleOrDefaultAsync(b => b.SiteId == siteId && b.AuthorId == authorId, cancellationToken);
        if (ban is null)
        {
            return false;
        }

        db.AuthorBans.Remove(ban);
        db.Audit.Add(new AuditRecord { At = time.GetUtcNow().UtcDateTime, Actor = actor, Action = "unban", SiteId = siteId, AuthorId = authorId });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    void Apply(CommentRecord comment, ModerationStatus status, IReadOnlyList<ModerationReason> reasons, string? reasonCode, string? note, string actor, string action)
    {
        var now = StoredTime.Of(time.GetUtcNow());
        var reasonsJson = ReasonsJson.Serialize(reasons);
        var from = comment.Status;
        comment.Revision++;
        comment.Status = status;
        comment.DecidedBy = actor;
        comment.DecidedAt = now;
        comment.ReasonsJson = reasonsJson;
        comment.ReasonCodes = ReasonsJson.Codes(reasons);
        comment.Reported = false;
        comment.ReportsHandled = comment.ReportCount;
        metrics.ModeratorDecided(comment.SiteId, action, status);
        db.Decisions.Add(new DecisionRecord
        {
            CommentRecordId = comment.Id,
            Revision = comment.Revision,
            Status = status,
            DecidedBy = actor,
            DecidedAt = now,
            ReasonsJson = reasonsJson,
            ReasonCode = reasonCode,
            Note = note,
        });
        db.Audit.Add(new AuditRecord
        {
            At = now,
            Actor = actor,
            Action = action,
            SiteId = comment.SiteId,
            CommentId = comment.CommentId,
            AuthorId = comment.AuthorId,
            DetailsJson = JsonSerializer.Serialize(new { from = from.ToString(), to = status.ToString(), revision = comment.Revision, reason = reasonCode, note }),
        });
    }

    async Task<DecisionOutcome> SaveAndPublishAsync(CommentRecord comment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another moderator decided the same comment a moment ago: theirs stands, this one reloads.
            db.ChangeTracker.Clear();
            var current = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == comment.Id, cancellationToken);
            return new DecisionOutcome(comment.SiteId, comment.CommentId, DecisionResult.Conflict, current.ToVerdict(), $"someone else decided this comment first (revision {current.Revision})");
        }

        await PublishAsync([comment], cancellationToken);
        return new DecisionOutcome(comment.SiteId, comment.CommentId, DecisionResult.Decided, comment.ToVerdict());
    }

    async Task PublishAsync(IReadOnlyList<CommentRecord> comments, CancellationToken cancellationToken)
    {
        if (comments.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var comment in comments)
            {
                var verdict = comment.ToVerdict();
                await publish.Publish(verdict, cancellationToken);
                metrics.Published(verdict, time.GetUtcNow());
            }

            var ids = comments.Select(c => c.Id).ToList();
            var now = time.GetUtcNow().UtcDateTime;
            await db.Decisions.Where(d => ids.Contains(d.CommentRecordId) && d.PublishedAt == null)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.PublishedAt, now), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not publish {Count} moderator decisions now; they will be republished", comments.Count);
        }
    }
}
