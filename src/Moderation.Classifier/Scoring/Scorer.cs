using Microsoft.ML;
using Microsoft.ML.Data;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Scoring;

/// <summary>What one thread needs to score a comment: a prediction engine (not thread-safe) and scratch buffers. Pooled.</summary>
internal sealed class Scorer(PredictionEngine<FeatureRow, HeadsOutput> engine) : IDisposable
{
    private readonly FeatureRow _row = new();
    private readonly HeadsOutput _output = new();

    public FeatureBuffer Buffer { get; } = new();

    /// <summary>Scores the vector in <see cref="Buffer"/> with the ML.NET heads.</summary>
    public LabelScores Predict(int dimension)
    {
        _row.Features = new VBuffer<float>(dimension, Buffer.Count, Buffer.Values, Buffer.Indices);
        var output = _output;
        engine.Predict(_row, ref output);
        return new LabelScores(output.SpamProbability, output.AbuseProbability, output.HateProbability);
    }

    public void Dispose() => engine.Dispose();
}
