namespace Moderation.Cli;

/// <summary>Finds the committed model and the shared datasets by walking up from the current directory and the app's base.</summary>
internal static class RepositoryPaths
{
    public const string ModelRelativePath = "models/moderation-model.zip";

    public static string DefaultModel() =>
        FindUpwards(dir => Path.Combine(dir, ModelRelativePath), File.Exists)
        ?? throw new FileNotFoundException($"No {ModelRelativePath} found above '{Environment.CurrentDirectory}' or '{AppContext.BaseDirectory}'; pass --model.");

    /// <summary>The hand-written test comments (tests/Moderation.Classifier.Tests/Fixtures), when the repository is here.</summary>
    public static string? Fixtures() =>
        FindUpwards(dir => Path.Combine(dir, "tests", "Moderation.Classifier.Tests", "Fixtures"), Directory.Exists);

    public static string DefaultDatasets() =>
        Environment.GetEnvironmentVariable("MODERATION_DATASETS") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : FindUpwards(dir => Path.Combine(dir, "shared", "datasets"), Directory.Exists)
              ?? FindUpwards(dir => Path.Combine(dir, "..", "shared", "datasets"), Directory.Exists)
              ?? throw new DirectoryNotFoundException("No shared/datasets found above the current directory; pass --data or set MODERATION_DATASETS.");

    private static string? FindUpwards(Func<string, string> candidate, Func<string, bool> exists)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = candidate(dir.FullName);
                if (exists(path))
                {
                    return Path.GetFullPath(path);
                }
            }
        }

        return null;
    }
}
