using Microsoft.ML;
using Microsoft.ML.Data;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Scoring;

/// <summary>What one thread of <see cref="EngineReference"/> needs: a prediction engine (not thread-safe) and scratch buffers. Pooled.</summary>
internal sealed class Scorer(PredictionEngine<ScoringRow, HeadsOutput> engine, int dimension, float[]?[] featureScales) : IDisposable
{
    private readonly ScoringRow _row = CreateRow(dimension);
    private readonly HeadsOutput _output = new();
    private readonly float[][] _scaled = [new float[256], new float[256], new float[256]];

    public FeatureBuffer Buffer { get; } = new();

    /// <summary>Scores the vector in <see cref="Buffer"/> with the ML.NET heads.</summary>
    public LabelScores Predict()
    {
        var count = Buffer.Count;
        _row.Features = new VBuffer<float>(dimension, count, Buffer.Values, Buffer.Indices);
        for (var label = 0; label < featureScales.Length; label++)
        {
            if (featureScales[label] is not { } scale)
            {
                continue;
            }

            // The head of this label reads the vector multiplied by its naive-Bayes ratios.
            if (_scaled[label].Length < count)
            {
                _scaled[label] = new float[Math.Max(count, _scaled[label].Length * 2)];
            }

            var values = _scaled[label];
            for (var k = 0; k < count; k++)
            {
                values[k] = Buffer.Values[k] * scale[Buffer.Indices[k]];
            }

            var vector = new VBuffer<float>(dimension, count, values, Buffer.Indices);
            switch (label)
            {
                case 0:
                    _row.SpamFeatures = vector;
                    break;
                case 1:
                    _row.AbuseFeatures = vector;
                    break;
                default:
                    _row.HateFeatures = vector;
                    break;
            }
        }

        var output = _output;
        engine.Predict(_row, ref output);
        return new LabelScores(output.SpamProbability, output.AbuseProbability, output.HateProbability);
    }

    public void Dispose() => engine.Dispose();

    private static ScoringRow CreateRow(int dimension)
    {
        var empty = new VBuffer<float>(dimension, 0, [], []);
        return new ScoringRow { Features = empty, SpamFeatures = empty, AbuseFeatures = empty, HateFeatures = empty };
    }
}
