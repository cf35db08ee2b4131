using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Auth;
using Moderation.Service.Data;

namespace Moderation.Service.Review;

/// <summary>The moderators' API: queues, decisions, undo, bans, and the admins' audit log.</summary>
public static class ReviewApi
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/api/review").WithTags("Review").RequireAuthorization(Roles.ModeratorPolicy);
        review.MapGet("/", GetQueueAsync).WithSummary("A review queue (pending, reported, rejected, approved), filtered and sorted, with cursor paging");
        review.MapGet("/summary", GetSummaryAsync).WithSummary("Counts for the review header: held now, reported, decided today");
        review.MapPost("/{siteId}/{commentId}/decision", DecideAsync).RequireRateLimiting(AuthExtensions.WritesRateLimit).WithSummary("Approve or reject one comment (a new revision, published)");
        review.MapPost("/decisions", DecideManyAsync).RequireRateLimiting(AuthExtensions.WritesRateLimit).WithSummary("The same decision for many comments");
        review.MapPost("/{siteId}/{commentId}/undo", UndoAsync).RequireRateLimiting(AuthExtensions.WritesRateLimit).WithSummary("Restore the status before the latest decision (a new revision)");

        var authors = app.MapGroup("/api/sites/{siteId}/authors/{authorId}/ban").WithTags("Review").RequireAuthorization(Roles.ModeratorPolicy).RequireRateLimiting(AuthExtensions.WritesRateLimit);
        authors.MapPost("/", BanAsync).WithSummary("Ban an author on a site: pending comments rejected, future ones rejected");
        authors.MapDelete("/", UnbanAsync).WithSummary("Lift a ban");

        app.MapGet("/api/audit", GetAuditAsync).WithTags("Audit").RequireAuthorization(Roles.AdminPolicy)
            .WithSummary("Moderator and admin actions, newest first; filter by actor, site and time");
        return app;
    }

    static async Task<Results<Ok<ReviewPage>, ProblemHttpResult, ForbidHttpResult>> GetQueueAsync(
        [AsParameters] ReviewQuery query, ClaimsPrincipal user, ModerationDbContext db, CancellationToken cancellationToken)
    {
        if (query.SiteId is not null && !user.CanAccess(query.SiteId))
        {
            return TypedResults.Forbid();
        }

        if (query.Queue is not null && !ReviewQueue.Queues.Contains(query.Queue))
        {
            return BadRequest($"queue must be one of {string.Join(", ", ReviewQueue.Queues)}");
        }

        if (query.Sort is not null && !ReviewQueue.Sorts.Contains(query.Sort))
        {
            return BadRequest($"sort must be one of {string.Join(", ", ReviewQueue.Sorts)}");
        }

        if (query.Label is not null && query.Label is not ("spam" or "abuse" or "hate"))
        {
            return BadRequest("label must be spam, abuse or hate");
        }

        return TypedResults.Ok(await ReviewQueue.ReadAsync(db, query, user.Sites(), cancellationToken));
    }

    static async Task<Results<Ok<ReviewSummary>, ForbidHttpResult>> GetSummaryAsync(
        ClaimsPrincipal user, ModerationDbContext db, TimeProvider time, CancellationToken cancellationToken, string? siteId = null, int tzOffsetMinutes = 0)
    {
        if (siteId is not null && !user.CanAccess(siteId))
        {
            return TypedResults.Forbid();
        }

        var sites = siteId is null ? user.Sites() : [siteId];
        var comments = sites is null ? db.Comments.AsNoTracking() : db.Comments.AsNoTracking().Where(c => sites.Contains(c.SiteId));
        var offset = TimeSpan.FromMinutes(Math.Clamp(tzOffsetMinutes, -14 * 60, 14 * 60));
        var localNow = time.GetUtcNow().ToOffset(offset);
        var startOfDay = new DateTimeOffset(localNow.Date, offset).UtcDateTime;

        var pending = await comments.CountAsync(c => c.Status == ModerationStatus.Pending, cancellationToken);
        var reported = await comments.CountAsync(c => c.Reported, cancellationToken);
        var decisions = db.Decisions.AsNoTracking().Where(d => d.DecidedBy != "system" && d.DecidedAt >= startOfDay);
        if (sites is not null)
        {
            decisions = decisions.Where(d => sites.Contains(d.Comment!.SiteId));
        }

        return TypedResults.Ok(new ReviewSummary(pending, reported, await decisions.CountAsync(cancellationToken)));
    }

    static async Task<Results<Ok<CommentModerated>, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> DecideAsync(
        string siteId, string commentId, DecisionRequest request, ClaimsPrincipal user, ModerationActions actions, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(siteId))
        {
            return TypedResults.NotFound();
        }

        if (ValidateDecision(request.Status, request.Reason, request.Note) is { } error)
        {
            return BadRequest(error);
        }

        var outcome = await actions.DecideAsync(
            siteId, commentId, Enum.Parse<ModerationStatus>(request.Status!, ignoreCase: true), request.Reason, request.Note, request.ExpectedRevision, user.Actor(), cancellationToken);
        return outcome.Result switch
        {
            DecisionResult.Decided => TypedResults.Ok(outcome.Verdict!),
            DecisionResult.NotFound => TypedResults.NotFound(),
            _ => Conflict(outcome.Error),
        };
    }

    static async Task<Results<Ok<IReadOnlyList<DecisionOutcome>>, ProblemHttpResult>> DecideManyAsync(
        BulkDecisionRequest request, ClaimsPrincipal user, ModerationActions actions, CancellationToken cancellationToken)
    {
        if (request.Comments is null || request.Comments.Count is 0 or > 200)
        {
            return BadRequest("comments must list 1 to 200 { siteId, commentId } pairs");
        }

        if (ValidateDecision(request.Status, request.Reason, request.Note) is { } error)
        {
            return BadRequest(error);
        }

        var status = Enum.Parse<ModerationStatus>(request.Status!, ignoreCase: true);
        var outcomes = new List<DecisionOutcome>();
        foreach (var key in request.Comments.Distinct())
        {
            outcomes.Add(user.CanAccess(key.SiteId)
                ? await actions.DecideAsync(key.SiteId, key.CommentId, status, request.Reason, request.Note, null, user.Actor(), cancellationToken)
                : new DecisionOutcome(key.SiteId, key.CommentId, DecisionResult.NotFound, null));
        }

        return TypedResults.Ok<IReadOnlyList<DecisionOutcome>>(outcomes);
    }

    static async Task<Results<Ok<CommentModerated>, NotFound, Conflict<ProblemDetails>>> UndoAsync(
        string siteId, string commentId, ClaimsPrincipal user, ModerationActions actions, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(siteId))
        {
            return TypedResults.NotFound();
        }

        var outcome = await actions.UndoAsync(siteId, commentId, user.Actor(), cancellationToken);
        return outcome.Result switch
        {
            DecisionResult.Decided => TypedResults.Ok(outcome.Verdict!),
            DecisionResult.NotFound => TypedResults.NotFound(),
            _ => Conflict(outcome.Error),
        };
    }

    static async Task<Results<Ok<IReadOnlyList<DecisionOutcome>>, ForbidHttpResult, ProblemHttpResult>> BanAsync(
        string siteId, string authorId, BanRequest? request, ClaimsPrincipal user, ModerationActions actions, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(siteId))
        {
            return TypedResults.Forbid();
        }

        if (request?.Reason is { } reason && !ModerationActions.RejectReasons.Contains(reason))
        {
            return BadRequest($"reason must be one of {string.Join(", ", ModerationActions.RejectReasons)}");
        }

        return TypedResults.Ok(await actions.BanAsync(siteId, authorId, request?.Reason, Trim(request?.Note), user.Actor(), cancellationToken));
    }

    static async Task<Results<NoContent, NotFound, ForbidHttpResult>> UnbanAsync(
        string siteId, string authorId, ClaimsPrincipal user, ModerationActions actions, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(siteId))
        {
            return TypedResults.Forbid();
        }

        return await actions.UnbanAsync(siteId, authorId, user.Actor(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    static async Task<Ok<List<AuditEntry>>> GetAuditAsync(
        ModerationDbContext db, CancellationToken cancellationToken,
        string? actor = null, string? siteId = null, DateTimeOffset? from = null, DateTimeOffset? to = null, long? before = null, int limit = 100)
    {
        var audit = db.Audit.AsNoTracking();
        if (actor is not null)
        {
            audit = audit.Where(a => a.Actor == actor);
        }

        if (siteId is not null)
        {
            audit = audit.Where(a => a.SiteId == siteId);
        }

        if (from is { } start)
        {
            var utc = start.UtcDateTime;
            audit = audit.Where(a => a.At >= utc);
        }

        if (to is { } end)
        {
            var utc = end.UtcDateTime;
            audit = audit.Where(a => a.At < utc);
        }

        if (before is { } id)
        {
            audit = audit.Where(a => a.Id < id);
        }

        var rows = await audit.OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(a => new AuditEntry(
            a.Id, new DateTimeOffset(DateTime.SpecifyKind(a.At, DateTimeKind.Utc)), a.Actor, a.Action, a.SiteId, a.CommentId, a.AuthorId, a.DetailsJson)).ToList());
    }

    static string? ValidateDecision(string? status, string? reason, string? note)
    {
        if (!Enum.TryParse<ModerationStatus>(status, ignoreCase: true, out var parsed) || parsed == ModerationStatus.Pending || int.TryParse(status, out _))
        {
            return "status must be \"Approved\" or \"Rejected\"";
        }

        if (parsed == ModerationStatus.Rejected && (reason is null || !ModerationActions.RejectReasons.Contains(reason)))
        {
            return $"rejecting needs a reason: one of {string.Join(", ", ModerationActions.RejectReasons)}";
        }

        if (reason is not null && !ModerationActions.RejectReasons.Contains(reason))
        {
            return $"reason must be one of {string.Join(", ", ModerationActions.RejectReasons)}";
        }

        return note is { Length: > 2000 } ? "note may have at most 2,000 characters" : null;
    }

    static string? Trim(string? note) => note is { Length: > 2000 } ? note[..2000] : note;

    static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);

    static Conflict<ProblemDetails> Conflict(string? detail) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail });
}
