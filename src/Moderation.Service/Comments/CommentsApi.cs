using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Auth;
using Moderation.Service.Data;

namespace Moderation.Service.Comments;

/// <summary>Reading comments: one comment with its history, and the approved comments of an article.</summary>
public static class CommentsApi
{
    public static IEndpointRouteBuilder MapCommentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/comments/{siteId}/{commentId}", GetCommentAsync)
            .WithTags("Comments")
            .WithName("GetComment")
            .WithSummary("A comment's current decision and every revision of it (moderators of the site)")
            .RequireAuthorization(Roles.ModeratorPolicy);

        app.MapGet("/api/sites/{siteId}/articles/{articleId}/comments", GetArticleCommentsAsync)
            .WithTags("Comments")
            .WithName("GetArticleComments")
            .WithSummary("Approved comments of an article, newest first (for the Komentar section)");
        return app;
    }

    static async Task<Results<Ok<CommentDetails>, NotFound>> GetCommentAsync(
        string siteId, string commentId, ClaimsPrincipal user, ModerationDbContext db, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(siteId))
        {
            return TypedResults.NotFound();
        }

        var comment = await db.Comments.AsNoTracking()
            .Include(c => c.Decisions)
            .SingleOrDefaultAsync(c => c.SiteId == siteId && c.CommentId == commentId, cancellationToken);
        return comment is null ? TypedResults.NotFound() : TypedResults.Ok(CommentDetails.From(comment));
    }

    static async Task<Ok<ArticleComments>> GetArticleCommentsAsync(
        string siteId, string articleId, ModerationDbContext db, CancellationToken cancellationToken, int limit = 50, string? cursor = null)
    {
        limit = Math.Clamp(limit, 1, 200);
        var approved = db.Comments.AsNoTracking()
            .Where(c => c.SiteId == siteId && c.ArticleId == articleId && c.Status == ModerationStatus.Approved);
        var total = await approved.CountAsync(cancellationToken);

        var page = approved;
        if (PageCursor.TryParse(cursor, out var after))
        {
            page = page.Where(c => c.SubmittedAt < after.Time || (c.SubmittedAt == after.Time && c.Id < after.Id));
        }

        var items = await page.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = items.Count > limit ? PageCursor.Format(items[limit - 1].SubmittedAt, items[limit - 1].Id) : null;
        return TypedResults.Ok(new ArticleComments(total, items.Take(limit).Select(PublicComment.From).ToList(), next));
    }
}
