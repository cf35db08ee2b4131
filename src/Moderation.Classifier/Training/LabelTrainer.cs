using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Scoring;

namespace Moderation.Classifier.Training;

/// <summary>One trained head: the ML.NET transformers that go into the model chain, and its weights for direct scoring.</summary>
internal sealed record TrainedHead(
    ModerationLabel Label,
    IReadOnlyList<ITransformer> Parts,
    LinearHead Linear,
    string FeatureColumn,
    float[]? FeatureScale,
    IReadOnlyDictionary<string, string> Choices);

/// <summary>
/// Trains the head of one label on the training split (plus, for abuse and hate, weak negatives) for each
/// regularisation candidate and keeps the best on the dev split.
/// </summary>
internal static class LabelTrainer
{
    /// <summary>Trains on the training split and chooses on the dev split.</summary>
    public static TrainedHead Train(MLContext ml, PreparedData data, ModerationLabel label, TrainingOptions options, IProgress<TrainingProgress>? progress, double from, double width) =>
        Train(ml, data, label, options, i => data.SplitOfOrigin(i) == DatasetSplit.Train, data.Indices(label, DatasetSplit.Dev), progress, from, width);

    /// <summary>
    /// Trains on the rows (labelled rows and copies) for which <paramref name="inTraining"/> holds and chooses the
    /// regularisation on <paramref name="selection"/> (labelled rows where the label is known).
    /// </summary>
    public static TrainedHead Train(
        MLContext ml, PreparedData data, ModerationLabel label, TrainingOptions options, Func<int, bool> inTraining, IReadOnlyList<int> selection, IProgress<TrainingProgress>? progress, double from, double width)
    {
        var name = LabelNames.Of(label);
        var train = Enumerable.Range(0, data.Rows.Count).Where(i => data.Rows[i][label] is not null && inTraining(i)).ToList();
        var weakWeight = label == ModerationLabel.Hate ? options.HateWeakNegativeWeight ?? options.WeakNegativeWeight : options.WeakNegativeWeight;
        var weak = label == ModerationLabel.Spam || weakWeight <= 0 ? [] : WeakNegatives(data, inTraining, options.WeakNegativeCopies);
        var dev = selection.Where(i => data.Rows[i][label] is not null).ToList();
        if (train.Count == 0 || train.All(i => data.Rows[i][label] == true) || train.All(i => data.Rows[i][label] == false))
        {
            throw new InvalidDataException($"No usable training rows for '{name}': both classes are needed.");
        }

        var weights = RowWeights(data, train, label, options.SourceWeighting ? options.SourceWeightPower : 0, options.PerSourceClassBalance);
        var labelled = train.Select(i => (Index: i, Label: data.Rows[i][label] == true, Weight: weights[i])).ToList();
        var dimension = data.Featurizer.Settings.Dimension;

        // The ratios come from the rows that really answer the question: unlabelled comments would swamp the counts.
        var scale = options.NaiveBayesScaling
            ? NaiveBayesRatios(data, options.WeakNegativesInRatios ? [.. labelled, .. weak.Select(i => (Index: i, Label: false, Weight: weakWeight))] : labelled, dimension)
            : null;
        if (weak.Count > 0 && options.WeakNegativeKeep < 1)
        {
            weak = ReliableNegatives(ml, data, labelled, weak, scale, options, label);
        }

        var rows = labelled.Concat(weak.Select(i => (Index: i, Label: false, Weight: weakWeight))).ToList();
        var column = scale is null ? HeadsSchema.SharedFeatureColumn : HeadsSchema.ScaledFeatureColumn(label);
        var trainView = ml.Data.LoadFromEnumerable(rows.Select(r => ToRow(data.Vectors[r.Index], r.Label, r.Weight, scale, dimension)), HeadsSchema.ForTraining(dimension, column));
        var devLabels = dev.Select(i => data.Rows[i][label] == true).ToList();
        var devSources = dev.Select(i => data.Rows[i].Source).ToList();
        var devView = ml.Data.LoadFromEnumerable(dev.Select((i, k) => ToRow(data.Vectors[i], devLabels[k], 1f, scale, dimension)), HeadsSchema.ForTraining(dimension, column));

        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        TrainedHead? best = null;
        var bestValue = double.NegativeInfinity;
        var step = 0;
        foreach (var l2 in options.L2Candidates)
        {
            progress?.Report(new TrainingProgress($"Training {name} (L2 {l2.ToString(CultureInfo.InvariantCulture)})", from + width * step++ / options.L2Candidates.Count));
            var parts = options.Head switch
            {
                HeadKind.Svm => TrainSvm(ml, trainView, devView, column, l2 / rows.Count),
                _ when options.PerSourceClassBalance => Recalibrate(ml, TrainLogisticRegression(ml, trainView, column, options.L1, l2, options.Threads), devView),
                _ => TrainLogisticRegression(ml, trainView, column, options.L1, l2, options.Threads),
            };
            var linear = (parts.Count == 2 ? LinearHead.From(parts[0], ((ISingleFeaturePredictionTransformer<Microsoft.ML.Calibrators.ICalibrator>)parts[1]).Model) : LinearHead.From(parts[0]))
                .WithFeatureScale(scale);
            if (dev.Count == 0)
            {
                // Trained on every row there is (train + dev): nothing to choose on, so there must be one candidate.
                choices[$"{name}.l2={l2.ToString(CultureInfo.InvariantCulture)}"] = "no held-out rows";
                best ??= new TrainedHead(label, parts, linear, column, scale, choices);
                continue;
            }

            var devScores = dev.Select(i => linear.Probability(data.Vectors[i].Indices, data.Vectors[i].Values)).ToList();
            var (threshold, meanF1) = MetricsCalculator.BestMeanF1(devScores, devLabels, devSources);
            var logLoss = LogLoss(devScores, devLabels);
            var value = options.Selection == SelectionCriterion.DevF1 ? meanF1 - 1e-6 * logLoss : -logLoss;
            choices[$"{name}.l2={l2.ToString(CultureInfo.InvariantCulture)}"] =
                string.Create(CultureInfo.InvariantCulture, $"dev mean F1 {meanF1:F4} at {threshold:F3}, log-loss {logLoss:F4}");
            if (value > bestValue)
            {
                bestValue = value;
                best = new TrainedHead(label, parts, linear, column, scale, choices);
            }
        }

        return best!;
    }

    /// <summary>
    /// The weak negatives that look least like positives (PU learning's "reliable negatives"): a first head trained
    /// on the labelled rows only scores them, and the highest-scoring share is dropped, since some unlabelled
    /// comments are abusive after all.
    /// </summary>
    private static List<int> ReliableNegatives(
        MLContext ml, PreparedData data, List<(int Index, bool Label, float Weight)> labelled, List<int> weak, float[]? scale, TrainingOptions options, ModerationLabel label)
    {
        var dimension = data.Featurizer.Settings.Dimension;
        var column = scale is null ? HeadsSchema.SharedFeatureColumn : HeadsSchema.ScaledFeatureColumn(label);
        var view = ml.Data.LoadFromEnumerable(labelled.Select(r => ToRow(data.Vectors[r.Index], r.Label, r.Weight, scale, dimension)), HeadsSchema.ForTraining(dimension, column));
        var first = LinearHead.From(TrainLogisticRegression(ml, view, column, options.L1, options.L2Candidates[0], options.Threads)[0]).WithFeatureScale(scale);
        var keep = (int)Math.Round(options.WeakNegativeKeep * weak.Count);
        return [.. weak.OrderBy(i => first.Margin(data.Vectors[i].Indices, data.Vectors[i].Values)).ThenBy(i => i).Take(keep).Order()];
    }

    /// <summary>
    /// Ordinary comments of sources that do not label abuse or hate (training rows with spam 0), with their obfuscated
    /// and styled copies when <paramref name="withCopies"/>.
    /// </summary>
    public static List<int> WeakNegatives(PreparedData data, Func<int, bool> inTraining, bool withCopies) =>
        Enumerable.Range(0, withCopies ? data.Rows.Count : data.LabelledCount)
            .Where(i => inTraining(i) && data.Rows[i].Spam == false && data.Rows[i].Abuse is null && data.Rows[i].Hate is null)
            .ToList();

    private static List<ITransformer> TrainLogisticRegression(MLContext ml, IDataView data, string column, float l1, float l2, int threads)
    {
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            FeatureColumnName = column,
            ExampleWeightColumnName = nameof(FeatureRow.Weight),
            L1Regularization = l1,
            L2Regularization = l2,
            OptimizationTolerance = 1e-6f,
            HistorySize = 20,
            MaximumNumberOfIterations = 400,
            NumberOfThreads = threads,
        });
        return [trainer.Fit(data)];
    }

    /// <summary>
    /// A Platt calibrator on dev after a head trained with rebalanced classes: the margin ranks well, but its logistic
    /// link reflects the training weights, not the real shares of positives.
    /// </summary>
    private static List<ITransformer> Recalibrate(MLContext ml, List<ITransformer> head, IDataView calibration)
    {
        var platt = ml.BinaryClassification.Calibrators.Platt().Fit(head[0].Transform(calibration));
        return [head[0], platt];
    }

    private static List<ITransformer> TrainSvm(MLContext ml, IDataView data, IDataView calibration, string column, float lambda)
    {
        var trainer = ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
        {
            FeatureColumnName = column,
            ExampleWeightColumnName = nameof(FeatureRow.Weight),
            LossFunction = new HingeLoss(),
            L2Regularization = lambda,
            L1Regularization = 0,
            NumberOfThreads = 1, // SDCA is deterministic only on one thread
            MaximumNumberOfIterations = 60,
            Shuffle = true,
        });
        var svm = trainer.Fit(data);

        // Platt scaling on dev: the hinge margin is not a probability, and training margins are overconfident.
        var platt = ml.BinaryClassification.Calibrators.Platt().Fit(svm.Transform(calibration));
        return [svm, platt];
    }

    /// <summary>
    /// Per feature: log((p + 1) / (q + 1)) with p, q the weighted shares of positive and negative rows that have the
    /// feature (Wang and Manning's ratio on binarised features). Dense signals keep scale 1.
    /// </summary>
    private static float[] NaiveBayesRatios(PreparedData data, List<(int Index, bool Label, float Weight)> rows, int dimension)
    {
        var positive = new double[dimension];
        var negative = new double[dimension];
        double positiveTotal = 0, negativeTotal = 0;
        foreach (var (index, label, weight) in rows)
        {
            var counts = label ? positive : negative;
            foreach (var feature in data.Vectors[index].Indices)
            {
                counts[feature] += weight;
            }

            if (label)
            {
                positiveTotal += weight;
            }
            else
            {
                negativeTotal += weight;
            }
        }

        var ratios = new float[dimension];
        for (var j = 0; j < dimension; j++)
        {
            ratios[j] = j < Features.FeatureSettings.DenseCount
                ? 1f
                : (float)Math.Log((positive[j] + 1) / (positiveTotal + 1) / ((negative[j] + 1) / (negativeTotal + 1)));
        }

        return ratios;
    }

    private static FeatureRow ToRow(SparseVector vector, bool label, float weight, float[]? scale, int dimension)
    {
        var values = vector.Values;
        if (scale is not null)
        {
            values = new float[values.Length];
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = vector.Values[k] * scale[vector.Indices[k]];
            }
        }

        return new FeatureRow { Label = label, Weight = weight, Features = new VBuffer<float>(dimension, vector.Indices.Length, values, vector.Indices) };
    }

    /// <summary>
    /// Row weights: (mean size / source size)^<paramref name="sourcePower"/> scaled to average 1 (all 1 at power 0),
    /// so that a pooled head does not learn only the largest source; with <paramref name="classBalance"/>, each
    /// source's positives and negatives also get equal total weight.
    /// </summary>
    private static Dictionary<int, float> RowWeights(PreparedData data, List<int> train, ModerationLabel label, double sourcePower, bool classBalance)
    {
        var weights = train.ToDictionary(i => i, _ => 1.0);
        if (sourcePower > 0)
        {
            var counts = train.GroupBy(i => data.Rows[i].Source).ToDictionary(g => g.Key, g => g.Count());
            var mean = counts.Values.Average();
            foreach (var i in train)
            {
                weights[i] = Math.Pow(mean / counts[data.Rows[i].Source], sourcePower);
            }
        }

        if (classBalance)
        {
            var counts = train.GroupBy(i => (data.Rows[i].Source, data.Rows[i][label] == true)).ToDictionary(g => g.Key, g => g.Count());
            foreach (var i in train)
            {
                var source = data.Rows[i].Source;
                var total = counts.GetValueOrDefault((source, true)) + counts.GetValueOrDefault((source, false));
                weights[i] *= total / (2.0 * counts[(source, data.Rows[i][label] == true)]);
            }
        }

        var average = weights.Values.Average();
        return weights.ToDictionary(pair => pair.Key, pair => (float)(pair.Value / average));
    }

    public static double LogLoss(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var total = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var p = Math.Clamp(scores[i], 1e-6, 1 - 1e-6);
            total -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return scores.Count == 0 ? 0 : total / scores.Count;
    }
}
