using Microsoft.ML;
using Microsoft.ML.Data;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Scoring;

/// <summary>
/// What one thread of <see cref="EngineReference"/> needs: a prediction engine (not thread-safe) and scratch buffers,
/// and for a model with Indonesian heads their engine, scales and blend weight. Pooled.
/// </summary>
internal sealed class Scorer(
    PredictionEngine<ScoringRow, HeadsOutput> engine,
    int dimension,
    float[]?[] featureScales,
    PredictionEngine<ScoringRow, IndonesianHeadsOutput>? indonesianEngine = null,
    float[]?[]? indonesianScales = null,
    float indonesianWeight = 1) : IDisposable
{
    private readonly ScoringRow _row = CreateRow(dimension);
    private readonly HeadsOutput _output = new();
    private readonly IndonesianHeadsOutput _indonesianOutput = new();
    private readonly float[][] _scaled = [new float[256], new float[256], new float[256]];

    public FeatureBuffer Buffer { get; } = new();

    /// <summary>Scores the vector in <see cref="Buffer"/> with the ML.NET heads (the Indonesian ones where it is routed to them).</summary>
    public LabelScores Predict()
    {
        SetScaledFeatures(featureScales);
        var output = _output;
        engine.Predict(_row, ref output);
        var scores = new LabelScores(output.SpamProbability, output.AbuseProbability, output.HateProbability);
        if (indonesianEngine is null || !Buffer.Indonesian)
        {
            return scores;
        }

        SetScaledFeatures(indonesianScales!);
        var own = _indonesianOutput;
        indonesianEngine.Predict(_row, ref own);

        // The engines know nothing of the blend: it is taken on the logit scale (the heads' link is logistic).
        static float Logit(float p) => MathF.Log(p / (1f - p));
        float Blend(float pooled, float indonesian) => 1f / (1f + MathF.Exp(-LinearHead.BlendedMargin(Logit(pooled), Logit(indonesian), indonesianWeight)));
        return new LabelScores(scores.Spam, Blend(scores.Abuse, own.AbuseProbability), Blend(scores.Hate, own.HateProbability));
    }

    private void SetScaledFeatures(float[]?[] scales)
    {
        var count = Buffer.Count;
        _row.Features = new VBuffer<float>(dimension, count, Buffer.Values, Buffer.Indices);
        for (var label = 0; label < scales.Length; label++)
        {
            if (scales[label] is not { } scale)
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
    }

    public void Dispose()
    {
        engine.Dispose();
        indonesianEngine?.Dispose();
    }

    private static ScoringRow CreateRow(int dimension)
    {
        var empty = new VBuffer<float>(dimension, 0, [], []);
        return new ScoringRow { Features = empty, SpamFeatures = empty, AbuseFeatures = empty, HateFeatures = empty };
    }
}
