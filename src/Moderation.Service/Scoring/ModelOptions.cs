namespace Moderation.Service.Scoring;

/// <summary>
/// The model file. <code>"Moderation": { "Model": { "Path": "/models/moderation-model.zip", "Watch": true } }</code>
/// Replace the file (copy, or better write elsewhere and rename over it) and the next verdict uses the new model.
/// </summary>
public sealed class ModelOptions
{
    public const string Section = "Moderation:Model";

    /// <summary>Path of the model file; relative paths start at the application directory.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("models", "moderation-model.zip");

    /// <summary>Watch the file and swap in a replacement without a restart.</summary>
    public bool Watch { get; set; } = true;

    public string ResolvePath() => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
