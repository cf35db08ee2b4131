using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Contracts;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary><c>POST /api/comments</c>: the same pipeline as the bus, answered synchronously.</summary>
public static class IngestionApi
{
    public const string Channel = "http";
    const int MaxBodyBytes = 1 << 21;

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/comments", SubmitAsync)
            .WithTags("Ingestion")
            .WithName("SubmitComment")
            .WithSummary("Moderate one comment and return its verdict")
            .WithDescription("Body: a SubmitComment as JSON. Answers with the CommentModerated body, which is also published on the bus. Submitting the same (siteId, commentId) again returns the stored verdict.")
            .Accepts<SubmitComment>("application/json")
            .Produces<CommentModerated>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(Auth.AuthExtensions.PublicWritesRateLimit);
        return app;
    }

    static async Task<Results<Ok<CommentModerated>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, CommentIngestion ingestion, VerdictPublisher publisher, ModerationMetrics metrics, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        var read = body is null
            ? new SubmissionReadResult(null, [new SubmissionError { Field = "body", Kind = "too_large", Message = $"The body is larger than {MaxBodyBytes:N0} bytes; a comment's text may have at most 10,000 characters." }])
            : SubmissionReader.Read(body);
        if (!read.IsValid)
        {
            metrics.Received(SiteIds.IsValid(read.Submission?.SiteId) ? read.Submission!.SiteId : "invalid", Channel);
            metrics.Invalid(Channel, read.Errors);
            return InvalidSubmission(read.Errors);
        }

        var outcome = await ingestion.IngestAsync(read.Submission!, Channel, cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return InvalidSubmission(rejection.Errors);
        }

        await publisher.PublishAsync(outcome.Verdict!, cancellationToken);
        return TypedResults.Ok(outcome.Verdict!);
    }

    static ProblemHttpResult InvalidSubmission(IReadOnlyList<SubmissionError> errors) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The comment cannot be moderated",
        detail: string.Join(" ", errors.Select(e => e.Message)),
        type: "https://moderation.dev/problems/invalid-submission",
        extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
