using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace Moderation.Service.Observability;

public static class HttpExtensions
{
    /// <summary>JSON (camelCase, enums as strings) and RFC 7807 problem details for every error.</summary>
    public static IHostApplicationBuilder AddModerationHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Moderation API";
            document.Info.Description = "Comment moderation for news sites: submit comments, read verdicts, review queues, policies and keys. Moderator and admin endpoints take `Authorization: Bearer <api key>`.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference at <c>/api-reference</c>.</summary>
    public static IEndpointRouteBuilder MapModerationOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference", options => options.WithTitle("Moderation API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
