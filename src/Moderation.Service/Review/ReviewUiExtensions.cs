using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Moderation.Service.Auth;

namespace Moderation.Service.Review;

/// <summary>
/// The moderators' web UI at <c>/</c>: plain files from <c>wwwroot/</c> (no build step), sent with a strict
/// Content-Security-Policy, plus <c>GET /api/review/me</c>, which tells the UI who the key belongs to and which sites
/// it may pick.
/// </summary>
public static class ReviewUiExtensions
{
    // Only our own scripts and styles, no inline code, no framing (one-key actions must not be clickjackable), and
    // nothing a comment could smuggle in: comment text is rendered as text, and this is the second line of defence.
    const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseModerationReviewUi(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".js"] = "text/javascript; charset=utf-8" } },
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";

                // The files are not fingerprinted: revalidate (cheap with ETags) so a deploy reaches every moderator at once.
                headers.CacheControl = "no-cache";
            },
        });

        app.MapGet("/api/review/me", GetReviewer)
            .WithTags("Review")
            .WithSummary("The calling key: name, role and the sites it may act on (null: every site)")
            .RequireAuthorization(Roles.ModeratorPolicy);
        return app;
    }

    static Ok<Reviewer> GetReviewer(ClaimsPrincipal user) =>
        TypedResults.Ok(new Reviewer(user.Actor(), user.IsAdmin() ? Roles.Admin : Roles.Moderator, user.Sites()));
}
