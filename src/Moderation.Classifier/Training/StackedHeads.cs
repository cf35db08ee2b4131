using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Training;

/// <summary>
/// Experiments only (EXPERIMENTS.md step 12): a second stage per label, gradient-boosted trees (ML.NET LightGBM)
/// over the three linear heads' logits and the dense signals (links, language shares…). It can learn what one
/// linear score with one threshold cannot: a different operating point per language, and interactions between the
/// labels. Trained on out-of-fold scores of the first stage, so it never sees a score of a row that trained it.
/// </summary>
internal static class StackedHeads
{
    public const int InputCount = 3 + FeatureSettings.DenseCount;

    /// <summary>The second stage's inputs: the three first-stage logits, then the dense part of the feature vector.</summary>
    public static float[] Inputs(LabelScores scores, SparseVector vector)
    {
        var inputs = new float[InputCount];
        inputs[0] = Logit(scores.Spam);
        inputs[1] = Logit(scores.Abuse);
        inputs[2] = Logit(scores.Hate);
        for (var j = 0; j < vector.Indices.Length && vector.Indices[j] < FeatureSettings.DenseCount; j++)
        {
            inputs[3 + vector.Indices[j]] = vector.Values[j];
        }

        return inputs;
    }

    /// <summary>Trains one label's second stage and returns its probability function (not thread-safe).</summary>
    public static Func<float[], float> Train(MLContext ml, IReadOnlyList<(float[] Inputs, bool Label, float Weight)> rows, int threads)
    {
        var view = ml.Data.LoadFromEnumerable(rows.Select(r => new StackRow { Label = r.Label, Weight = r.Weight, Features = r.Inputs }));
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(StackRow.Label),
            FeatureColumnName = nameof(StackRow.Features),
            ExampleWeightColumnName = nameof(StackRow.Weight),
            NumberOfLeaves = 15,
            MinimumExampleCountPerLeaf = 40,
            LearningRate = 0.05,
            NumberOfIterations = 300,
            NumberOfThreads = threads,
            Seed = 1,
            Silent = true,
        });
        var model = trainer.Fit(view);
        var engine = ml.Model.CreatePredictionEngine<StackRow, StackOutput>(model);
        var row = new StackRow();
        return inputs =>
        {
            row.Features = inputs;
            return engine.Predict(row).Probability;
        };
    }

    private static float Logit(float p)
    {
        var q = Math.Clamp(p, 1e-6f, 1 - 1e-6f);
        return MathF.Log(q / (1 - q));
    }

    private sealed class StackRow
    {
        public bool Label { get; set; }

        public float Weight { get; set; } = 1f;

        [VectorType(InputCount)]
        public float[] Features { get; set; } = [];
    }

    private sealed class StackOutput
    {
        public float Probability { get; set; }
    }
}
