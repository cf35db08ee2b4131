using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Service.Ingestion;
using Moderation.Service.Observability;

namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// <c>POST /api/integrations/coral</c>: Coral Talk's External Moderation Phase. The raw body is checked against
/// <c>X-Coral-Signature</c> before anything else; then the comment goes through the same pipeline as every other
/// (stored, idempotent, counted, its verdict published) and Coral gets 204 (nothing to say) or 200 with a status and
/// flags. Coral waits only as long as the phase's timeout, so the endpoint does nothing beyond the pipeline.
/// </summary>
public static class CoralApi
{
    public const string Channel = "coral";
    public const string Route = "/api/integrations/coral";
    const int MaxBodyBytes = 1 << 20;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapCoralApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ModerateAsync)
            .WithTags("Integrations")
            .WithName("CoralExternalModeration")
            .WithSummary("Coral Talk External Moderation Phase")
            .WithDescription("Coral posts each new or edited comment here (signed with X-Coral-Signature: sha256=<hex HMAC-SHA256 of the body>). Answers 204 when Coral should carry on, or 200 with { status, actions } (see docs/CORAL.md). 401 without a valid signature; 404 while no signing secret is configured.")
            .Accepts<ExternalModerationRequest>("application/json")
            .Produces<ExternalModerationResponse>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    static async Task<Results<Ok<ExternalModerationResponse>, NoContent, ProblemHttpResult>> ModerateAsync(
        HttpRequest request,
        IOptionsMonitor<CoralOptions> options,
        CommentIngestion ingestion,
        VerdictPublisher publisher,
        ModerationMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var coral = options.CurrentValue;
        if (!coral.IsEnabled)
        {
            return Problem(StatusCodes.Status404NotFound, "The Coral Talk integration is not configured",
                $"Set {CoralOptions.Section}:SigningSecret (env Moderation__Integrations__Coral__SigningSecret) to the signing secret of the external moderation phase in Coral's admin.");
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The request is too large", $"Coral requests are at most {MaxBodyBytes:N0} bytes here.");
        }

        if (!CoralSignature.IsValid(request.Headers[CoralSignature.HeaderName].ToString(), body, coral.SigningSecret!))
        {
            metrics.Invalid(Channel, [new SubmissionError { Field = CoralSignature.HeaderName, Kind = "invalid_signature", Message = "missing or wrong signature" }]);
            loggers.CreateLogger(typeof(CoralApi)).LogWarning("Coral request refused: missing or wrong {Header}", CoralSignature.HeaderName);
            return Problem(StatusCodes.Status401Unauthorized, "Missing or invalid X-Coral-Signature",
                "The body must be signed with the phase's signing secret (X-Coral-Signature: sha256=<hex HMAC-SHA256 of the body>), and that secret must be the one configured here.");
        }

        ExternalModerationRequest? coralRequest;
        try
        {
            coralRequest = JsonSerializer.Deserialize<ExternalModerationRequest>(body, Json);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not an External Moderation Request", ex.Message.Split(" Path:")[0]);
        }

        var (submission, missing) = CoralSubmission.From(coralRequest ?? new ExternalModerationRequest(), coral, time.GetUtcNow());
        if (submission is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not an External Moderation Request", $"Missing: {string.Join(", ", missing)}.");
        }

        // A comment with nothing to read (only media, say) is not ours to judge: Coral carries on without us.
        if (submission.Text.Length == 0)
        {
            return TypedResults.NoContent();
        }

        var outcome = await ingestion.IngestAsync(submission, Channel, cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return Problem(StatusCodes.Status400BadRequest, "The comment cannot be moderated", string.Join(" ", rejection.Errors.Select(e => e.Message)));
        }

        await publisher.PublishAsync(outcome.Verdict!, cancellationToken);
        return CoralVerdicts.ToResponse(outcome.Verdict!) is { } response ? TypedResults.Ok(response) : TypedResults.NoContent();
    }

    static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, type: "https://moderation.dev/problems/coral");
}
