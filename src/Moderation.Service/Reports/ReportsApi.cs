using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Contracts;
using Moderation.Service.Auth;

namespace Moderation.Service.Reports;

/// <summary><c>POST /api/comments/{siteId}/{commentId}/reports</c>: a reader report over HTTP.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/comments/{siteId}/{commentId}/reports", ReportAsync)
            .WithTags("Reports")
            .WithSummary("Report a comment: { \"reporterId\": \"...\", \"reason\": \"spam|abuse|hate|other\", \"note\": \"...\" }")
            .RequireRateLimiting(AuthExtensions.PublicWritesRateLimit);
        return app;
    }

    static async Task<Results<Ok<ReportResult>, NotFound<ReportResult>, ProblemHttpResult>> ReportAsync(
        string siteId, string commentId, ReportRequest request, CommentReports reports, CancellationToken cancellationToken)
    {
        var result = await reports.AddAsync(
            new ReportComment { SiteId = siteId, CommentId = commentId, ReporterId = request.ReporterId!, Reason = request.Reason!, Note = request.Note },
            cancellationToken);
        return result.Status switch
        {
            "not_found" => TypedResults.NotFound(result),
            "invalid" => TypedResults.Problem(statusCode: 400, title: "Invalid report", detail: string.Join(" ", result.Errors ?? [])),
            "rate_limited" => TypedResults.Problem(statusCode: 429, title: "Too many reports", detail: string.Join(" ", result.Errors ?? [])),
            _ => TypedResults.Ok(result),
        };
    }
}
