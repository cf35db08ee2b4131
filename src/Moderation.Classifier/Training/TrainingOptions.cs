using Moderation.Classifier.Features;

namespace Moderation.Classifier.Training;

/// <summary>What <see cref="ModelTrainer"/> trains on and how.</summary>
public sealed record TrainingOptions
{
    /// <summary>TSV files or directories of them (the shared datasets, moderator feedback exports).</summary>
    public required IReadOnlyList<string> DataPaths { get; init; }

    /// <summary>Sources to leave out entirely (for example <c>ibrohim2019</c>, which is non-commercial).</summary>
    public IReadOnlyList<string> ExcludedSources { get; init; } = [];

    /// <summary>The seed of every random choice in training.</summary>
    public int Seed { get; init; } = 20250101;

    /// <summary>Feature settings.</summary>
    public FeatureSettings Features { get; init; } = new();

    /// <summary>L2 regularisation strengths to try per head; the best on the dev split wins.</summary>
    public IReadOnlyList<float> L2Candidates { get; init; } = [0.03f, 0.1f, 0.3f];

    /// <summary>L1 regularisation strength (keeps the weights sparse and the model small).</summary>
    public float L1 { get; init; } = 0.005f;

    /// <summary>
    /// Share of training rows that also get an obfuscated copy (same labels). Teaches the heads that disguise alone
    /// is not spam; the normaliser undoes most of it anyway.
    /// </summary>
    public double ObfuscatedCopies { get; init; } = 0.3;

    /// <summary>Share of ordinary training rows that also get a copy written entirely in styled letters.</summary>
    public double StyledOrdinaryCopies { get; init; } = 0.15;
}
