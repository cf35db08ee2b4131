using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Features;
using Moderation.Classifier.Scoring;

namespace Moderation.Classifier.Training;

/// <summary>
/// Trains the three heads in plain steps: read, split by id hash, featurise with the serving code, fit a linear head
/// per label on the train split (regularisation and decision threshold chosen on dev), choose the Review/Reject
/// thresholds on validation (<see cref="ThresholdChooser"/>), measure validation clean and obfuscated, and write the
/// model file.
/// </summary>
public static class ModelTrainer
{
    private const int ObfuscationSeed = ModelEvaluator.ObfuscationSeed;

    /// <summary>Trains a model and writes it to <paramref name="outputPath"/>.</summary>
    public static TrainingReport Train(TrainingOptions options, string outputPath, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outputPath);
        progress?.Report(new TrainingProgress("Reading data", 0));
        var excluded = new HashSet<string>(options.ExcludedSources, StringComparer.OrdinalIgnoreCase);
        var labelled = DatasetReader.Read(options.DataPaths).Where(row => !excluded.Contains(row.Source)).ToList();
        if (labelled.Count == 0)
        {
            throw new InvalidDataException("No training rows left after reading and exclusions.");
        }

        if (options.FitOnTrainAndDev && (options.L2Candidates.Count != 1 || options.Head != HeadKind.LogisticRegression || options.PerSourceClassBalance))
        {
            throw new ArgumentException(
                "Training on train + dev needs exactly one L2 candidate and plain logistic-regression heads (no SVM, no per-source class balance): "
                + "choose them with `moderation experiment`, or set fitOnTrainAndDev to false to choose on dev.", nameof(options));
        }

        var data = PreparedData.Build(labelled, options.Features, options.Seed, options.ObfuscatedCopies, options.StyledOrdinaryCopies, progress, idfFromDev: options.FitOnTrainAndDev, vowelDroppedCopies: options.VowelDroppedCopies);
        var ml = new MLContext(seed: options.Seed);
        var (heads, indonesian, decisionThresholds) = options.FitOnTrainAndDev
            ? FitOnTrainAndDev(ml, data, options, progress)
            : FitOnTrain(ml, data, options, progress);
        var devChoices = heads.SelectMany(h => h.Choices)
            .Concat(indonesian.OfType<TrainedHead>().SelectMany(h => h.Choices.Select(pair => KeyValuePair.Create("indonesian." + pair.Key, pair.Value))))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

        progress?.Report(new TrainingProgress("Measuring on validation", 0.82));
        var served = LabelNames.All.Select(label => heads[(int)label].Linear).ToArray();
        var servedIndonesian = indonesian.Select((h, k) => h is null ? null : LinearHead.Blend(served[k], h.Linear, options.IndonesianHeads!.Weight)).ToArray();
        float Head(int k, SparseVector v) => ((v.Indonesian ? servedIndonesian[k] : null) ?? served[k]).Probability(v.Indices, v.Values);
        LabelScores ScoreVector(SparseVector v) => new(Head(0, v), Head(1, v), Head(2, v));
        var validation = Enumerable.Range(0, data.LabelledCount).Where(i => data.Splits[i] == DatasetSplit.Validation).ToList();
        var validationRows = validation.Select(i => data.Rows[i]).ToList();
        var validationScores = validation.Select(i => ScoreVector(data.Vectors[i])).ToList();
        var thresholds = ThresholdChooser.Choose(validationRows, validationScores);
        var missRates = LabelNames.All.ToDictionary(LabelNames.Of, label => Math.Round(ThresholdChooser.MissRate(validationRows, validationScores, thresholds, label), 5));

        var featurizer = data.Featurizer;
        var obfuscatedTexts = validationRows.Select(row => ObfuscationRewriter.Rewrite(row.Text, ObfuscationKind.Mixed, ObfuscationRewriter.SeedFor(row.Id, ObfuscationSeed))).ToList();
        var obfuscatedScores = PreparedData.Featurize(obfuscatedTexts, featurizer, progress, "Measuring obfuscated copies", 0.85, 0.05).Select(ScoreVector).ToList();
        var ordinary = validationRows.Select((row, i) => (row, i)).Where(pair => pair.row.IsOrdinary).ToList();
        var styledTexts = ordinary.Select(pair => ObfuscationRewriter.StyleAll(pair.row.Text, ObfuscationRewriter.SeedFor(pair.row.Id, ObfuscationSeed))).ToList();
        var styledScores = PreparedData.Featurize(styledTexts, featurizer, progress, "Measuring styled ordinary comments", 0.9, 0.05).Select(ScoreVector).ToList();
        var styledReport = LabelNames.All.ToDictionary(LabelNames.Of, label =>
        {
            var threshold = decisionThresholds[LabelNames.Of(label)];
            var known = ordinary.Select((pair, k) => (pair, k)).Where(x => x.pair.row[label] is not null).ToList();
            return new StyledFalsePositives(
                known.Count,
                Rate(known.Count(x => validationScores[x.pair.i][label] >= threshold), known.Count),
                Rate(known.Count(x => styledScores[x.k][label] >= threshold), known.Count));
        });

        // Ordinary comments of sources that label only spam, held by the default policy (abuse or hate heads included).
        var ordinaryUnlabelled = Enumerable.Range(0, validationRows.Count).Where(k => validationRows[k].Spam == false && validationRows[k].Abuse is null).ToList();
        var heldOrdinary = Rate(ordinaryUnlabelled.Count(k => DefaultPolicy.StatusOf(validationScores[k], thresholds) != ModerationVerdict.Approved), ordinaryUnlabelled.Count);
        var heldStyledOrdinary = Rate(
            ordinary.Select((pair, k) => (pair, k)).Count(x => x.pair.row.Spam == false && x.pair.row.Abuse is null && DefaultPolicy.StatusOf(styledScores[x.k], thresholds) != ModerationVerdict.Approved),
            ordinaryUnlabelled.Count);

        progress?.Report(new TrainingProgress("Writing model", 0.96));
        var sources = labelled.GroupBy(row => row.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceInfo(g.Key, g.Count(), SourceLicences.Of(g.Key))).ToList();
        var manifest = new ModelManifest
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            NormalizerVersion = TextNormalizer.Version,
            Seed = options.Seed,
            Trainer = Describe(options),
            Features = options.Features,
            NaiveBayesScaling = options.NaiveBayesScaling,
            Thresholds = thresholds,
            ThresholdDefinition = ThresholdChooser.Definition,
            DecisionThresholds = decisionThresholds,
            Sources = sources,
            ExcludedSources = [.. options.ExcludedSources],
            Validation = ReportBuilder.Build("validation", validationRows, validationScores, decisionThresholds),
            ValidationObfuscated = ReportBuilder.Build("validation-obfuscated", validationRows, obfuscatedScores, decisionThresholds),
            IndonesianHeads = indonesian.Any(h => h is not null)
                ? new IndonesianHeadsInfo
                {
                    Labels = [.. IndonesianHeads.Labels.Where(label => indonesian[(int)label] is not null).Select(LabelNames.Of)],
                    Weight = options.IndonesianHeads!.Weight,
                    Trainer = string.Create(CultureInfo.InvariantCulture,
                        $"trained on the rows in Indonesian only with L2 {options.IndonesianHeads.L2}, keeping the {options.IndonesianHeads.WeakNegativeKeep:P0} most reliable weak negatives, hate's weak negatives weighted {options.IndonesianHeads.HateWeakNegativeWeight}; an Indonesian comment's margin is {1 - options.IndonesianHeads.Weight} × the pooled head's + {options.IndonesianHeads.Weight} × the Indonesian head's"),
                }
                : null,
        };

        var modelBytes = WriteModel(ml, heads, indonesian, options.Features.Dimension, manifest, data.Idf, outputPath);
        progress?.Report(new TrainingProgress("Done", 1));
        return new TrainingReport(manifest.Validation, manifest.ValidationObfuscated, styledReport, thresholds, missRates, heldOrdinary, heldStyledOrdinary, decisionThresholds, devChoices, sources, modelBytes);
    }

    /// <summary>
    /// Heads trained on the training split (L2 chosen on dev), and each label's decision threshold (for F1 in reports):
    /// the best mean F1 over the sources on dev.
    /// </summary>
    private static (List<TrainedHead> Heads, TrainedHead?[] Indonesian, Dictionary<string, float> DecisionThresholds) FitOnTrain(MLContext ml, PreparedData data, TrainingOptions options, IProgress<TrainingProgress>? progress)
    {
        var heads = LabelNames.All.Select((label, k) => LabelTrainer.Train(ml, data, label, options, progress, 0.2 + 0.2 * k, 0.2)).ToList();
        var indonesian = new TrainedHead?[3];
        if (options.IndonesianHeads is not null)
        {
            var own = IndonesianHeads.OptionsOf(options);
            foreach (var label in IndonesianHeads.Labels.Where(label => IndonesianHeads.CanTrain(data, label)))
            {
                indonesian[(int)label] = LabelTrainer.Train(ml, data, label, own, IndonesianHeads.RowsOf(data, i => data.SplitOfOrigin(i) == DatasetSplit.Train), [], progress, 0.8, 0);
            }
        }

        var decisionThresholds = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var head in heads)
        {
            var dev = data.Indices(head.Label, DatasetSplit.Dev);
            var routed = indonesian[(int)head.Label] is { } own ? LinearHead.Blend(head.Linear, own.Linear, options.IndonesianHeads!.Weight) : null;
            var scores = new float[data.LabelledCount];
            foreach (var i in dev)
            {
                var v = data.Vectors[i];
                scores[i] = ((v.Indonesian ? routed : null) ?? head.Linear).Probability(v.Indices, v.Values);
            }

            decisionThresholds[LabelNames.Of(head.Label)] = DecisionThreshold(data, head.Label, dev, scores, options);
        }

        return (heads, indonesian, decisionThresholds);
    }

    /// <summary>
    /// Heads trained on train + dev. Nothing is left to choose on, so each label's decision threshold is the best mean
    /// F1 over the sources of out-of-fold scores: <see cref="TrainingOptions.ThresholdFolds"/> heads, each trained
    /// without one fold of train + dev, score that fold (folds by a hash of the row id; copies follow their row).
    /// With <see cref="TrainingOptions.IndonesianHeads"/>, the abuse and hate folds also train an Indonesian head, and
    /// the rows routed to it score with the blend of both.
    /// </summary>
    private static (List<TrainedHead> Heads, TrainedHead?[] Indonesian, Dictionary<string, float> DecisionThresholds) FitOnTrainAndDev(MLContext ml, PreparedData data, TrainingOptions options, IProgress<TrainingProgress>? progress)
    {
        var folds = options.ThresholdFolds;
        if (folds < 2)
        {
            throw new ArgumentException($"ThresholdFolds must be at least 2, not {folds}.", nameof(options));
        }

        bool Fitted(int i) => data.SplitOfOrigin(i) != DatasetSplit.Validation;
        var foldOfOrigin = data.Rows.Take(data.LabelledCount).Select(row => DatasetSplits.FoldOf(row.Id, folds)).ToArray();
        int FoldOf(int i) => foldOfOrigin[data.Origins[i]];
        var rounds = folds + 1;
        var decisionThresholds = new Dictionary<string, float>(StringComparer.Ordinal);
        var heads = new List<TrainedHead>();
        var indonesian = new TrainedHead?[3];
        foreach (var (label, k) in LabelNames.All.Select((label, k) => (label, k)))
        {
            var own = options.IndonesianHeads is not null && IndonesianHeads.Labels.Contains(label) && IndonesianHeads.CanTrain(data, label)
                ? IndonesianHeads.OptionsOf(options) : null;
            var width = own is null ? 0.2 / rounds : 0.1 / rounds;
            var from = 0.2 + 0.2 * k;
            var rows = Enumerable.Range(0, data.LabelledCount).Where(i => Fitted(i) && data.Rows[i][label] is not null).ToList();
            var scores = new float[data.LabelledCount];
            var ownMargins = new RoutedMargins?[data.LabelledCount];
            for (var fold = 0; fold < folds; fold++)
            {
                var current = fold;
                var held = rows.Where(i => FoldOf(i) == current).ToList();
                // One L2 candidate, so nothing to choose on the held-out fold: it is scored once, here.
                var head = LabelTrainer.Train(ml, data, label, options, i => Fitted(i) && FoldOf(i) != current, [], progress, from + 0.2 * fold / rounds, width);
                foreach (var i in held)
                {
                    scores[i] = head.Linear.Probability(data.Vectors[i].Indices, data.Vectors[i].Values);
                }

                if (own is not null)
                {
                    var ownHead = LabelTrainer.Train(ml, data, label, own, IndonesianHeads.RowsOf(data, i => Fitted(i) && FoldOf(i) != current), [], progress, from + 0.2 * fold / rounds + width, width);
                    foreach (var i in held.Where(i => data.Vectors[i].Indonesian))
                    {
                        var v = data.Vectors[i];
                        ownMargins[i] = new RoutedMargins(head.Linear.Margin(v.Indices, v.Values), ownHead.Linear.Margin(v.Indices, v.Values), ownHead.Linear);
                    }
                }
            }

            if (own is not null)
            {
                foreach (var i in rows)
                {
                    scores[i] = IndonesianHeads.Routed(scores[i], ownMargins[i], options.IndonesianHeads!.Weight);
                }

                indonesian[k] = LabelTrainer.Train(ml, data, label, own, IndonesianHeads.RowsOf(data, Fitted), [], progress, from + 0.2 * folds / rounds + width, width);
            }

            decisionThresholds[LabelNames.Of(label)] = DecisionThreshold(data, label, rows, scores, options);
            heads.Add(LabelTrainer.Train(ml, data, label, options, Fitted, [], progress, from + 0.2 * folds / rounds, width));
        }

        return (heads, indonesian, decisionThresholds);
    }

    /// <summary>
    /// A label's decision threshold from held-out scores of <paramref name="rows"/>: the best mean F1 over the sources;
    /// for spam, raised if needed so that at most <see cref="TrainingOptions.MaxOrdinarySpamFlagRate"/> of the ordinary
    /// comments among them are flagged.
    /// </summary>
    private static float DecisionThreshold(PreparedData data, ModerationLabel label, List<int> rows, float[] scores, TrainingOptions options)
    {
        var threshold = MetricsCalculator.BestMeanF1Threshold(
            rows.Select(i => scores[i]).ToList(), rows.Select(i => data.Rows[i][label] == true).ToList(), rows.Select(i => data.Rows[i].Source).ToList());
        if (label == ModerationLabel.Spam && options.MaxOrdinarySpamFlagRate is { } maxRate)
        {
            var ordinary = rows.Where(i => data.Rows[i].IsOrdinary).Select(i => scores[i]).ToList();
            threshold = Math.Max(threshold, MetricsCalculator.LowestThresholdFlagging(ordinary, maxRate));
        }

        return threshold;
    }

    private static string Describe(TrainingOptions options)
    {
        var kind = options.Head == HeadKind.Svm
            ? "linear SVM (ML.NET SDCA, hinge loss) with a Platt calibrator fitted on dev"
            : $"L-BFGS logistic regression (ML.NET), L1 {options.L1.ToString(CultureInfo.InvariantCulture)}";
        var fit = options.FitOnTrainAndDev
            ? string.Create(CultureInfo.InvariantCulture, $"{kind} per label, trained on train + dev with L2 {options.L2Candidates[0]}; decision thresholds from {options.ThresholdFolds}-fold cross-validation over train + dev")
            : $"{kind} per label; L2 chosen on dev by {(options.Selection == SelectionCriterion.DevF1 ? "mean F1 over sources" : "log-loss")} from "
                + $"{{{string.Join(", ", options.L2Candidates.Select(l => l.ToString(CultureInfo.InvariantCulture)))}}}; decision thresholds from dev";
        return fit
            + (options.MaxOrdinarySpamFlagRate is { } rate ? string.Create(CultureInfo.InvariantCulture, $", the spam one flagging at most {rate:P1} of ordinary comments") : string.Empty)
            + (options.NaiveBayesScaling ? "; features scaled per label by naive-Bayes log-count ratios" : string.Empty)
            + (options.SourceWeighting ? string.Create(CultureInfo.InvariantCulture, $"; rows weighted by (mean source size / source size)^{options.SourceWeightPower}") : string.Empty)
            + (options.WeakNegativeWeight > 0 ? $"; spam-only sources' ordinary comments as abuse/hate negatives with weight {options.WeakNegativeWeight.ToString(CultureInfo.InvariantCulture)}" : string.Empty)
            + (options.ObfuscatedCopies > 0 || options.StyledOrdinaryCopies > 0
                ? string.Create(CultureInfo.InvariantCulture, $"; obfuscated copies of {options.ObfuscatedCopies:P0} and styled copies of {options.StyledOrdinaryCopies:P0} of training rows") : string.Empty);
    }

    private static long WriteModel(MLContext ml, List<TrainedHead> heads, TrainedHead?[] indonesian, int dimension, ModelManifest manifest, float[]? idf, string outputPath)
    {
        var empty = ml.Data.LoadFromEnumerable(new[] { EmptyRow(dimension) }, HeadsSchema.ForScoring(dimension));
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(outputPath)}.{Environment.ProcessId}.tmp");
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using (var entry = zip.CreateEntry(ModerationModel.ManifestEntry, CompressionLevel.Optimal).Open())
            {
                JsonSerializer.Serialize(entry, manifest, ModelManifest.JsonOptions);
            }

            if (idf is not null)
            {
                using var idfEntry = zip.CreateEntry(ModerationModel.IdfEntry, CompressionLevel.Optimal).Open();
                IdfFile.Write(idfEntry, idf);
            }

            foreach (var head in heads.Where(h => h.FeatureScale is not null))
            {
                using var scaleEntry = zip.CreateEntry(ModerationModel.ScaleEntry(head.Label), CompressionLevel.Optimal).Open();
                IdfFile.Write(scaleEntry, head.FeatureScale!);
            }

            foreach (var head in indonesian.OfType<TrainedHead>().Where(h => h.FeatureScale is not null))
            {
                using var scaleEntry = zip.CreateEntry(ModerationModel.ScaleEntry(head.Label, indonesian: true), CompressionLevel.Optimal).Open();
                IdfFile.Write(scaleEntry, head.FeatureScale!);
            }

            WriteChain(ml, zip, ModerationModel.HeadsEntry, heads, empty);
            if (indonesian.Any(h => h is not null))
            {
                WriteChain(ml, zip, ModerationModel.IndonesianHeadsEntry, [.. indonesian.OfType<TrainedHead>()], empty);
            }
        }

        // Replace atomically, so a serving process watching the file never reads half a model.
        File.Move(temporary, outputPath, overwrite: true);
        return new FileInfo(outputPath).Length;
    }

    /// <summary>
    /// One chain: each head writes Score/Probability (an SVM head through its calibrator), and its probability is copied
    /// out under the label's name.
    /// </summary>
    private static void WriteChain(MLContext ml, ZipArchive zip, string entryName, IReadOnlyList<TrainedHead> heads, IDataView empty)
    {
        var parts = new List<ITransformer>();
        var current = empty;
        foreach (var head in heads)
        {
            foreach (var part in head.Parts)
            {
                parts.Add(part);
                current = part.Transform(current);
            }

            var copy = ml.Transforms.CopyColumns(HeadsSchema.ProbabilityColumn(head.Label), "Probability").Fit(current);
            parts.Add(copy);
            current = copy.Transform(current);
        }

        using var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal).Open();
        using var buffer = new MemoryStream();
        ml.Model.Save(new TransformerChain<ITransformer>([.. parts]), empty.Schema, buffer);
        buffer.Position = 0;
        buffer.CopyTo(entry);
    }

    private static ScoringRow EmptyRow(int dimension)
    {
        var empty = new VBuffer<float>(dimension, 0, [], []);
        return new ScoringRow { Features = empty, SpamFeatures = empty, AbuseFeatures = empty, HateFeatures = empty };
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 5);
}
