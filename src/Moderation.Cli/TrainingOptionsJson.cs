using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Moderation.Classifier;
using Moderation.Classifier.Training;

namespace Moderation.Cli;

/// <summary>Training options from a user's JSON file (<c>train --options</c>, <c>experiment --configs</c>).</summary>
internal static class TrainingOptionsJson
{
    // Strict: a field this build does not know (a typo, or an option that lives only on an experiment tag) must stop
    // the run. Ignored, it would silently train the defaults under the experiment's name.
    private static readonly JsonSerializerOptions Strict = new(ModelManifest.JsonOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary><c>train --options FILE</c>: one object of <see cref="TrainingOptions"/> fields (camelCase), without <c>dataPaths</c>.</summary>
    public static TrainingOptions ReadOptions(string file, IReadOnlyList<string> dataPaths) =>
        ToOptions(Deserialize<JsonObject>(File.ReadAllText(file), file), dataPaths, file);

    /// <summary><c>experiment --configs FILE</c>: an array of <c>{"name": ..., "options": {...}}</c>.</summary>
    public static List<ExperimentConfig> ReadConfigurations(string file, IReadOnlyList<string> dataPaths) =>
        Deserialize<List<Configuration?>>(File.ReadAllText(file), file)
            .Select(c => c?.Name is { } name
                ? new ExperimentConfig(name, ToOptions(c.Options ?? [], dataPaths, $"{file}, configuration \"{name}\""))
                : throw new InvalidDataException($"{file}: every configuration needs a \"name\"."))
            .ToList();

    private static TrainingOptions ToOptions(JsonObject options, IReadOnlyList<string> dataPaths, string origin)
    {
        options["dataPaths"] = new JsonArray([.. dataPaths.Select(p => (JsonNode)JsonValue.Create(p)!)]);
        return Deserialize<TrainingOptions>(options.ToJsonString(), origin);
    }

    private static T Deserialize<T>(string json, string origin)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Strict) ?? throw new InvalidDataException($"{origin}: the JSON is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin}: {ex.Message}", ex);
        }
    }

    private sealed class Configuration
    {
        public required string Name { get; init; }

        public JsonObject? Options { get; init; }
    }
}
