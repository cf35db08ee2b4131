namespace Moderation.Classifier.Tests;

/// <summary>
/// Finds the shared datasets (never copied into the repository): env MODERATION_DATASETS, or a shared/datasets
/// folder beside one of the directories above the test's base directory (the repo sits next to shared/).
/// </summary>
internal static class SharedDatasets
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("MODERATION_DATASETS") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.tsv").Length > 0)
            {
                return candidate;
            }
        }

        return null;
    }

    public static string CommittedModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "moderation-model.zip");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("models/moderation-model.zip not found above the test directory.");
    }
}
