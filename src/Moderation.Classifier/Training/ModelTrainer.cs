using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Features;
using Moderation.Classifier.Scoring;

namespace Moderation.Classifier.Training;

/// <summary>
/// Trains the three heads in plain steps: read, split by id hash, featurise with the serving code, fit an L-BFGS
/// logistic regression per label on the train split (regularisation and decision threshold chosen on dev), choose
/// the Review/Reject thresholds on validation, measure validation clean and obfuscated, and write the model file.
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
        var rows = DatasetReader.Read(options.DataPaths).Where(row => !excluded.Contains(row.Source)).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException("No training rows left after reading and exclusions.");
        }

        var featurizer = new CommentFeaturizer(options.Features);
        rows.AddRange(Augment(rows, options));
        var splits = rows.Select(row => row.Id.Contains(AugmentedMark, StringComparison.Ordinal) ? DatasetSplit.Train : DatasetSplits.Of(row.Id)).ToArray();
        var texts = rows.Select(row => row.Text).ToList();
        var vectors = Featurize(texts, featurizer, progress, "Featurising", 0.05, 0.1);
        float[]? idf = null;
        if (options.Features.InverseDocumentFrequency)
        {
            idf = IdfFile.FromDocuments(Enumerable.Range(0, rows.Count).Where(i => splits[i] == DatasetSplit.Train).Select(i => vectors[i].Indices), 1 << options.Features.HashBits);
            featurizer = new CommentFeaturizer(options.Features, idf);
            vectors = Featurize(texts, featurizer, progress, "Featurising with IDF", 0.15, 0.15);
        }

        var ml = new MLContext(seed: options.Seed);
        var schema = HeadsSchema.For(options.Features.Dimension);
        var heads = new List<ITransformer>();
        var linearHeads = new List<LinearHead>();
        var devChoices = new Dictionary<string, string>();
        var decisionThresholds = new Dictionary<string, float>();
        var step = 0;
        foreach (var label in LabelNames.All)
        {
            var name = LabelNames.Of(label);
            var trainIndices = Indices(rows, splits, label, DatasetSplit.Train);
            var devIndices = Indices(rows, splits, label, DatasetSplit.Dev);
            if (trainIndices.Count == 0 || trainIndices.All(i => rows[i][label] == true) || trainIndices.All(i => rows[i][label] == false))
            {
                throw new InvalidDataException($"No usable training rows for '{name}': both classes are needed.");
            }

            var sourceWeights = SourceWeights(trainIndices.Select(i => rows[i].Source).ToList());
            var data = ml.Data.LoadFromEnumerable(trainIndices.Select(i => ToRow(vectors[i], rows[i][label] == true, sourceWeights[rows[i].Source], options.Features.Dimension)), schema);
            ITransformer? best = null;
            LinearHead? bestHead = null;
            var bestLoss = double.MaxValue;
            foreach (var l2 in options.L2Candidates)
            {
                progress?.Report(new TrainingProgress($"Training {name} (L2 {l2})", 0.3 + 0.5 * step++ / (3.0 * options.L2Candidates.Count)));
                var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    ExampleWeightColumnName = nameof(FeatureRow.Weight),
                    L1Regularization = options.L1,
                    L2Regularization = l2,
                    OptimizationTolerance = 1e-6f,
                    HistorySize = 20,
                    MaximumNumberOfIterations = 400,
                    NumberOfThreads = 1, // one thread keeps the optimisation order, and so the model, deterministic
                });
                var fitted = trainer.Fit(data);
                var head = LinearHead.From(fitted);
                var loss = LogLoss(devIndices.Select(i => head.Probability(vectors[i].Indices, vectors[i].Values)).ToList(), devIndices.Select(i => rows[i][label] == true).ToList());
                devChoices[$"{name}.l2={l2.ToString(CultureInfo.InvariantCulture)}"] = $"dev log-loss {loss:F4}";
                if (loss < bestLoss)
                {
                    (best, bestHead, bestLoss) = (fitted, head, loss);
                }
            }

            heads.Add(best!);
            linearHeads.Add(bestHead!);
            var devScores = devIndices.Select(i => bestHead!.Probability(vectors[i].Indices, vectors[i].Values)).ToList();
            decisionThresholds[name] = MetricsCalculator.BestMeanF1Threshold(devScores, devIndices.Select(i => rows[i][label] == true).ToList(), devIndices.Select(i => rows[i].Source).ToList());
        }

        progress?.Report(new TrainingProgress("Measuring on validation", 0.82));
        var validation = Enumerable.Range(0, rows.Count).Where(i => splits[i] == DatasetSplit.Validation).ToList();
        LabelScores ScoreVector(SparseVector v) => new(
            linearHeads[0].Probability(v.Indices, v.Values), linearHeads[1].Probability(v.Indices, v.Values), linearHeads[2].Probability(v.Indices, v.Values));
        var validationRows = validation.Select(i => rows[i]).ToList();
        var validationScores = validation.Select(i => ScoreVector(vectors[i])).ToList();
        var thresholds = ChooseThresholds(validationRows, validationScores);

        var obfuscatedTexts = validationRows.Select(row => ObfuscationRewriter.Rewrite(row.Text, ObfuscationKind.Mixed, ObfuscationRewriter.SeedFor(row.Id, ObfuscationSeed))).ToList();
        var obfuscatedScores = Featurize(obfuscatedTexts, featurizer, progress, "Measuring obfuscated copies", 0.85, 0.05).Select(ScoreVector).ToList();
        var ordinary = validationRows.Select((row, i) => (row, i)).Where(pair => pair.row.IsOrdinary).ToList();
        var styledTexts = ordinary.Select(pair => ObfuscationRewriter.StyleAll(pair.row.Text, ObfuscationRewriter.SeedFor(pair.row.Id, ObfuscationSeed))).ToList();
        var styledScores = Featurize(styledTexts, featurizer, progress, "Measuring styled ordinary comments", 0.9, 0.05).Select(ScoreVector).ToList();
        var styledReport = LabelNames.All.ToDictionary(LabelNames.Of, label =>
        {
            var threshold = decisionThresholds[LabelNames.Of(label)];
            var known = ordinary.Select((pair, k) => (pair, k)).Where(x => x.pair.row[label] is not null).ToList();
            return new StyledFalsePositives(
                known.Count,
                Rate(known.Count(x => validationScores[x.pair.i][label] >= threshold), known.Count),
                Rate(known.Count(x => styledScores[x.k][label] >= threshold), known.Count));
        });

        progress?.Report(new TrainingProgress("Writing model", 0.96));
        var sources = rows.Where(row => !row.Id.Contains(AugmentedMark, StringComparison.Ordinal)).GroupBy(row => row.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceInfo(g.Key, g.Count(), SourceLicences.Of(g.Key))).ToList();
        var manifest = new ModelManifest
        {
            CreatedUtc = DateTimeOffset.UtcNow,
            Seed = options.Seed,
            Trainer = $"L-BFGS logistic regression per label (ML.NET), L1 {options.L1.ToString(CultureInfo.InvariantCulture)}, L2 chosen on dev",
            Features = options.Features,
            Thresholds = thresholds,
            DecisionThresholds = decisionThresholds,
            Sources = sources,
            ExcludedSources = [.. options.ExcludedSources],
            Validation = ReportBuilder.Build("validation", validationRows, validationScores, decisionThresholds),
            ValidationObfuscated = ReportBuilder.Build("validation-obfuscated", validationRows, obfuscatedScores, decisionThresholds),
        };

        var modelBytes = WriteModel(ml, heads, schema, options.Features.Dimension, manifest, idf, outputPath);
        progress?.Report(new TrainingProgress("Done", 1));
        return new TrainingReport(manifest.Validation, manifest.ValidationObfuscated, styledReport, thresholds, decisionThresholds, devChoices, sources, modelBytes);
    }

    private const string AugmentedMark = "#augmented-";

    /// <summary>Obfuscated and styled copies of some training rows (never of dev or validation rows).</summary>
    private static List<LabelledComment> Augment(List<LabelledComment> rows, TrainingOptions options)
    {
        var copies = new List<LabelledComment>();
        var random = new Random(options.Seed);
        foreach (var row in rows)
        {
            if (DatasetSplits.Of(row.Id) != DatasetSplit.Train)
            {
                continue;
            }

            if (random.NextDouble() < options.ObfuscatedCopies)
            {
                var text = ObfuscationRewriter.Rewrite(row.Text, ObfuscationKind.Mixed, random.Next());
                copies.Add(row with { Id = row.Id + AugmentedMark + "mixed", Text = text });
            }

            // Styled copies of every kind of row, so that styled letters alone say little about any label.
            if (random.NextDouble() < options.StyledOrdinaryCopies)
            {
                copies.Add(row with { Id = row.Id + AugmentedMark + "styled", Text = ObfuscationRewriter.StyleAll(row.Text, random.Next()) });
            }
        }

        return copies;
    }

    /// <summary>Review where at most 1 % of positives are missed; reject where at least 99 % of rejections are right.</summary>
    internal static ModelThresholds ChooseThresholds(IReadOnlyList<LabelledComment> rows, IReadOnlyList<LabelScores> scores)
    {
        var perLabel = LabelNames.All.Select(label =>
        {
            var known = Enumerable.Range(0, rows.Count).Where(i => rows[i][label] is not null).ToList();
            var labelScores = known.Select(i => scores[i][label]).ToList();
            var labels = known.Select(i => rows[i][label] == true).ToList();
            var reject = MetricsCalculator.PrecisionThreshold(labelScores, labels, 0.99);
            var review = Math.Min(MetricsCalculator.RecallThreshold(labelScores, labels, 0.99), reject);
            return new LabelThreshold(MathF.Round(review, 4, MidpointRounding.ToZero), MathF.Round(reject, 4, MidpointRounding.ToPositiveInfinity));
        }).ToArray();
        return new ModelThresholds(perLabel[0], perLabel[1], perLabel[2]);
    }

    internal static SparseVector[] Featurize(IReadOnlyList<string> texts, CommentFeaturizer featurizer, IProgress<TrainingProgress>? progress, string step, double from, double width)
    {
        var vectors = new SparseVector[texts.Count];
        var done = 0;
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, texts.Count, 512),
            () => new FeatureBuffer(),
            (range, _, buffer) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    featurizer.Featurize(TextNormalizer.Normalize(texts[i]), buffer);
                    vectors[i] = new SparseVector(buffer.Indices[..buffer.Count], buffer.Values[..buffer.Count]);
                }

                var finished = Interlocked.Add(ref done, range.Item2 - range.Item1);
                progress?.Report(new TrainingProgress(step, from + width * finished / Math.Max(1, texts.Count)));
                return buffer;
            },
            _ => { });
        return vectors;
    }

    private static long WriteModel(MLContext ml, List<ITransformer> heads, SchemaDefinition schema, int dimension, ModelManifest manifest, float[]? idf, string outputPath)
    {
        // One chain: each head writes Score/Probability, and its probability is copied out under the label's name.
        var empty = ml.Data.LoadFromEnumerable(new[] { new FeatureRow { Features = new VBuffer<float>(dimension, 0, [], []) } }, schema);
        var parts = new List<ITransformer>();
        IDataView current = empty;
        foreach (var (head, label) in heads.Zip(LabelNames.All))
        {
            parts.Add(head);
            current = head.Transform(current);
            var copy = ml.Transforms.CopyColumns(HeadsSchema.ProbabilityColumn(label), "Probability").Fit(current);
            parts.Add(copy);
            current = copy.Transform(current);
        }

        var chain = new TransformerChain<ITransformer>([.. parts]);
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

            using var headsEntry = zip.CreateEntry(ModerationModel.HeadsEntry, CompressionLevel.Optimal).Open();
            using var buffer = new MemoryStream();
            ml.Model.Save(chain, empty.Schema, buffer);
            buffer.Position = 0;
            buffer.CopyTo(headsEntry);
        }

        // Replace atomically, so a serving process watching the file never reads half a model.
        File.Move(temporary, outputPath, overwrite: true);
        return new FileInfo(outputPath).Length;
    }

    private static List<int> Indices(List<LabelledComment> rows, DatasetSplit[] splits, ModerationLabel label, DatasetSplit split) =>
        Enumerable.Range(0, rows.Count).Where(i => splits[i] == split && rows[i][label] is not null).ToList();

    private static FeatureRow ToRow(SparseVector vector, bool label, float weight, int dimension) =>
        new() { Label = label, Weight = weight, Features = new VBuffer<float>(dimension, vector.Indices.Length, vector.Values, vector.Indices) };

    /// <summary>
    /// Row weights that keep a big source from drowning the small ones: (mean size / source size)^0.5, scaled to
    /// average 1. A pooled head otherwise learns the judol comments and little of the SMS sets.
    /// </summary>
    private static Dictionary<string, float> SourceWeights(List<string> sources)
    {
        var counts = sources.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var mean = counts.Values.Average();
        var raw = counts.ToDictionary(pair => pair.Key, pair => Math.Sqrt(mean / pair.Value));
        var average = sources.Average(s => raw[s]);
        return raw.ToDictionary(pair => pair.Key, pair => (float)(pair.Value / average));
    }

    private static double LogLoss(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        var total = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var p = Math.Clamp(scores[i], 1e-6, 1 - 1e-6);
            total -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return scores.Count == 0 ? 0 : total / scores.Count;
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 5);
}
