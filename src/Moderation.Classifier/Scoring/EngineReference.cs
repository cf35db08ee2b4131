using System.Collections.Concurrent;
using Microsoft.ML;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Scoring;

/// <summary>
/// Scores a model file the way ML.NET itself serves it: pooled prediction engines (an engine is not thread-safe)
/// over the stored transformer chain, with the naive-Bayes scaling applied before each head. Serving uses
/// <see cref="WeightTable"/> instead; this is the reference it is tested against (and benchmarked beside).
/// </summary>
internal sealed class EngineReference : IDisposable
{
    private readonly MLContext _mlContext = new(seed: 0);
    private readonly ModerationModel.ModelParts _parts;
    private readonly CommentFeaturizer _featurizer;
    private readonly Microsoft.ML.Data.SchemaDefinition _inputSchema;
    private readonly ConcurrentBag<Scorer> _scorers = [];

    public EngineReference(string modelPath)
    {
        _parts = ModerationModel.ReadParts(File.ReadAllBytes(modelPath));
        _featurizer = new CommentFeaturizer(_parts.Manifest.Features, _parts.Idf);
        _inputSchema = HeadsSchema.ForScoring(_parts.Manifest.Features.Dimension);
    }

    /// <summary>The three probabilities of the ML.NET engine for a text (thread-safe).</summary>
    public LabelScores Score(string text)
    {
        var scorer = _scorers.TryTake(out var pooled) ? pooled : new Scorer(
            _mlContext.Model.CreatePredictionEngine<ScoringRow, HeadsOutput>(_parts.Heads, ignoreMissingColumns: true, inputSchemaDefinition: _inputSchema),
            _parts.Manifest.Features.Dimension,
            _parts.FeatureScales,
            _parts.IndonesianHeads is null ? null
                : _mlContext.Model.CreatePredictionEngine<ScoringRow, IndonesianHeadsOutput>(_parts.IndonesianHeads, ignoreMissingColumns: true, inputSchemaDefinition: _inputSchema),
            _parts.IndonesianScales,
            _parts.Manifest.IndonesianHeads?.Weight ?? 1);
        try
        {
            _featurizer.Featurize(TextNormalizer.Normalize(text), scorer.Buffer);
            return scorer.Predict();
        }
        finally
        {
            _scorers.Add(scorer);
        }
    }

    public void Dispose()
    {
        while (_scorers.TryTake(out var scorer))
        {
            scorer.Dispose();
        }
    }
}
