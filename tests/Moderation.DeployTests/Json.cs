using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.DeployTests;

/// <summary>The service's JSON: camelCase, enums as strings.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
