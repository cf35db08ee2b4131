using Moderation.Classifier.Features;
using Moderation.Classifier.Training;

namespace Moderation.Classifier.Tests;

/// <summary>Trains small models on <see cref="HandwrittenData"/> once per test run (seconds, not minutes).</summary>
internal static class TinyModel
{
    private static readonly Lazy<string> First = new(() => Train("first", seed: 1));
    private static readonly Lazy<string> Second = new(() => Train("second", seed: 2));
    private static readonly Lazy<string> Scaled = new(() => Train("scaled", seed: 3, scaled: true));

    public static string FirstPath => First.Value;

    public static string SecondPath => Second.Value;

    /// <summary>A model with the committed model's kind of features: naive-Bayes scaling, original-text n-grams, weak negatives.</summary>
    public static string ScaledPath => Scaled.Value;

    public static TrainingOptions Options(string data, int seed, params string[] excluded) => new()
    {
        DataPaths = [data],
        Seed = seed,
        ExcludedSources = excluded,
        Features = new FeatureSettings(HashBits: 12),
        L2Candidates = [0.1f],
        ObfuscatedCopies = 0.3,
        NaiveBayesScaling = false,
        IndonesianHeads = null, // IndonesianHeadsTests trains its own model with them
    };

    public static string Train(string name, int seed, bool scaled = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var data = HandwrittenData.WriteTsv(Path.Combine(directory, "data"), copies: 3);
        var path = Path.Combine(directory, $"{name}.zip");
        var options = Options(data, seed);
        if (scaled)
        {
            options = options with
            {
                NaiveBayesScaling = true,
                WeakNegativeWeight = 0.3f,
                Features = options.Features with { RawCharGrams = true, FoldOriginalCharGrams = true, LanguageShares = true, SublinearTf = true },
            };
        }

        ModelTrainer.Train(options, path);
        return path;
    }

    public static string CopyToFreshDirectory(string modelPath)
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "model.zip");
        File.Copy(modelPath, path);
        return path;
    }
}
