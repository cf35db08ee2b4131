using System.Text.Json.Serialization;

namespace Moderation.Service.Observability;

public static class HttpExtensions
{
    /// <summary>JSON (camelCase, enums as strings) and RFC 7807 problem details for every error.</summary>
    public static IHostApplicationBuilder AddModerationHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails();
        return builder;
    }
}
