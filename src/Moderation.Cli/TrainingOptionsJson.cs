using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Moderation.Classifier;
using Moderation.Classifier.Training;

namespace Moderation.Cli;

/// <summary>Training options from a user's JSON (<c>train --options</c>, <c>experiment --configs</c>).</summary>
internal static class TrainingOptionsJson
{
    // Strict: an option this build does not know (a typo, or one that lives only on an experiment tag) must stop the
    // run. Ignored, it would silently train the defaults under the experiment's name.
    private static readonly JsonSerializerOptions Strict = new(ModelManifest.JsonOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Reads a JSON file, naming it in the error when it is not valid JSON.</summary>
    public static JsonNode ReadFile(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: the file holds JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The options in <paramref name="options"/>; an unknown or mistyped field is an error naming <paramref name="origin"/>.</summary>
    public static TrainingOptions Parse(JsonObject options, string origin)
    {
        try
        {
            return options.Deserialize<TrainingOptions>(Strict) ?? throw new InvalidDataException($"{origin}: no training options.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin}: {ex.Message}", ex);
        }
    }
}
