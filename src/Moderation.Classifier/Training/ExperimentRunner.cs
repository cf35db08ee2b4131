using System.Globalization;
using System.Text;
using Microsoft.ML;
using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Training;

/// <summary>A named set of training options to measure.</summary>
public sealed record ExperimentConfig(string Name, TrainingOptions Options);

/// <summary>What one experiment measured on the dev split (never on validation).</summary>
public sealed record ExperimentResult(
    string Name,
    IReadOnlyDictionary<string, double> CleanF1,
    IReadOnlyDictionary<string, double> ObfuscatedF1,
    IReadOnlyDictionary<string, double> Auc,
    IReadOnlyDictionary<string, double> OwnThresholdF1,
    IReadOnlyDictionary<string, float> DecisionThresholds,
    double StyledSpamFalsePositives,
    ModelThresholds DevThresholds,
    double HeldOrdinaryDev,
    IReadOnlyDictionary<string, double> FixtureRates,
    IReadOnlyDictionary<string, string> Choices);

/// <summary>
/// Trains configurations and measures them without touching the validation split: either trained on the training
/// split and measured on the dev split, or (with folds) by cross-validation over training + dev, every row scored
/// by the model that did not see it. Reported: F1 per source and label at the label's best single threshold, clean
/// and obfuscated, styled-ordinary false positives, and how many ordinary comments the default policy would hold
/// with thresholds chosen the validation way on the same rows. Featurised data is shared between configurations
/// with the same features and copies.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs the configurations in order, writing a line per result as it finishes.</summary>
    public static IReadOnlyList<ExperimentResult> Run(
        IReadOnlyList<ExperimentConfig> configs, HandwrittenSets? fixtures, TextWriter output, IProgress<TrainingProgress>? progress = null, int folds = 0, string? scoresDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configs);
        ArgumentNullException.ThrowIfNull(output);
        var results = new List<ExperimentResult>();
        var cache = new Dictionary<string, Prepared>(StringComparer.Ordinal);
        foreach (var config in configs)
        {
            var options = config.Options;
            var excluded = new HashSet<string>(options.ExcludedSources, StringComparer.OrdinalIgnoreCase);
            var key = string.Join('|', string.Join(',', options.DataPaths), string.Join(',', excluded.Order()), options.Features, options.Seed, options.ObfuscatedCopies, options.StyledOrdinaryCopies, options.VowelDroppedCopies, folds);
            if (!cache.TryGetValue(key, out var prepared))
            {
                cache.Clear(); // one featurised set in memory at a time
                var labelled = DatasetReader.Read(options.DataPaths).Where(row => !excluded.Contains(row.Source)).ToList();
                var data = PreparedData.Build(labelled, options.Features, options.Seed, options.ObfuscatedCopies, options.StyledOrdinaryCopies, progress, vowelDroppedCopies: options.VowelDroppedCopies);
                var measured = Enumerable.Range(0, data.LabelledCount)
                    .Where(i => folds > 0 ? data.Splits[i] != DatasetSplit.Validation : data.Splits[i] == DatasetSplit.Dev).ToList();
                var obfuscated = PreparedData.Featurize(
                    measured.Select(i => ObfuscationRewriter.Rewrite(data.Rows[i].Text, ObfuscationKind.Mixed, ObfuscationRewriter.SeedFor(data.Rows[i].Id, ModelEvaluator.ObfuscationSeed))).ToList(),
                    data.Featurizer, null, string.Empty, 0, 0);
                var styledRows = measured.Select((i, k) => (i, k)).Where(x => data.Rows[x.i].IsOrdinary).Select(x => x.k).ToList();
                var styled = PreparedData.Featurize(
                    styledRows.Select(k => ObfuscationRewriter.StyleAll(data.Rows[measured[k]].Text, ObfuscationRewriter.SeedFor(data.Rows[measured[k]].Id, ModelEvaluator.ObfuscationSeed))).ToList(),
                    data.Featurizer, null, string.Empty, 0, 0);
                prepared = new Prepared(data, measured, obfuscated, styledRows, styled);
                cache[key] = prepared;
            }

            var result = RunOne(config, prepared, fixtures, progress, folds, scoresDirectory);
            results.Add(result);
            output.WriteLine(Describe(result));
            output.Flush();
        }

        return results;
    }

    /// <summary>Featurised rows and the rows measured (dev, or training + dev for cross-validation), with their rewritten copies.</summary>
    private sealed record Prepared(PreparedData Data, List<int> Measured, SparseVector[] Obfuscated, List<int> StyledPositions, SparseVector[] Styled);

    private static ExperimentResult RunOne(ExperimentConfig config, Prepared prepared, HandwrittenSets? fixtures, IProgress<TrainingProgress>? progress, int folds, string? scoresDirectory)
    {
        var data = prepared.Data;
        var measured = prepared.Measured;
        var clean = new LabelScores[measured.Count];
        var obfuscatedScores = new LabelScores[measured.Count];
        var styledScores = new LabelScores[prepared.Styled.Length];
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        var rounds = Math.Max(1, folds);
        var foldHeads = new List<(TrainedHead?[] Pooled, TrainedHead?[] Indonesian)>();
        var foldOf = new int[measured.Count];
        for (var fold = 0; fold < rounds; fold++)
        {
            var ml = new MLContext(seed: config.Options.Seed);
            var current = fold;
            Func<int, bool> inTraining = folds > 0
                ? i => data.SplitOfOrigin(i) != DatasetSplit.Validation && DatasetSplits.FoldOf(data.Rows[data.Origins[i]].Id, folds) != current
                : i => data.SplitOfOrigin(i) == DatasetSplit.Train;
            var held = Enumerable.Range(0, measured.Count).Where(k => folds == 0 || DatasetSplits.FoldOf(data.Rows[measured[k]].Id, folds) == current).ToList();
            var heldRows = held.Select(h => measured[h]).ToList();
            foreach (var k in held)
            {
                foldOf[k] = fold;
            }

            // A label no source of this run answers (a run on one file) gets no head and scores 0.
            var heads = LabelNames.All.Select((label, k) => data.Indices(label, DatasetSplit.Train).Count == 0
                ? null
                : LabelTrainer.Train(ml, data, label, config.Options, inTraining, heldRows, progress, (fold + k / 3.0) / rounds, 1.0 / 3 / rounds)).ToArray();
            var indonesian = new TrainedHead?[3];
            if (config.Options.IndonesianHeads is not null)
            {
                var own = IndonesianHeads.OptionsOf(config.Options);
                foreach (var label in IndonesianHeads.Labels.Where(label => IndonesianHeads.CanTrain(data, label)))
                {
                    indonesian[(int)label] = LabelTrainer.Train(ml, data, label, own, IndonesianHeads.RowsOf(data, inTraining), heldRows, progress, (fold + 1) / (double)rounds, 0);
                }
            }

            foldHeads.Add((heads, indonesian));
            foreach (var (name, value) in heads.OfType<TrainedHead>().SelectMany(h => h.Choices)
                .Concat(indonesian.OfType<TrainedHead>().SelectMany(h => h.Choices.Select(pair => KeyValuePair.Create("indonesian." + pair.Key, pair.Value)))))
            {
                choices[folds > 0 ? $"fold{fold}.{name}" : name] = value;
            }
        }

        var rows = measured.Select(i => data.Rows[i]).ToList();
        var models = foldHeads.Select(f =>
        {
            var pooled = f.Pooled.Select(h => h?.Linear).ToArray();
            var own = f.Indonesian.Select((h, k) => h is null || pooled[k] is null ? null : Scoring.LinearHead.Blend(pooled[k]!, h.Linear, config.Options.IndonesianHeads!.Weight)).ToArray();
            float Head(int k, SparseVector v) => ((v.Indonesian ? own[k] : null) ?? pooled[k])?.Probability(v.Indices, v.Values) ?? 0f;
            return (Func<SparseVector, LabelScores>)(v => new LabelScores(Head(0, v), Head(1, v), Head(2, v)));
        }).ToList();
        for (var k = 0; k < measured.Count; k++)
        {
            clean[k] = models[foldOf[k]](data.Vectors[measured[k]]);
            obfuscatedScores[k] = models[foldOf[k]](prepared.Obfuscated[k]);
        }

        for (var s = 0; s < prepared.StyledPositions.Count; s++)
        {
            styledScores[s] = models[foldOf[prepared.StyledPositions[s]]](prepared.Styled[s]);
        }

        if (scoresDirectory is not null)
        {
            WriteScores(Path.Combine(scoresDirectory, $"{string.Concat(config.Name.Split(Path.GetInvalidFileNameChars()))}.scores.tsv"), rows, clean, measured.Select(i => data.Vectors[i]).ToList());
        }

        var cleanF1 = new Dictionary<string, double>(StringComparer.Ordinal);
        var obfuscatedF1 = new Dictionary<string, double>(StringComparer.Ordinal);
        var auc = new Dictionary<string, double>(StringComparer.Ordinal);
        var ownThresholdF1 = new Dictionary<string, double>(StringComparer.Ordinal);
        var decision = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var label in LabelNames.All)
        {
            var known = Enumerable.Range(0, rows.Count).Where(k => rows[k][label] is not null).ToList();
            if (known.Count == 0)
            {
                continue;
            }

            var (threshold, _) = MetricsCalculator.BestMeanF1(known.Select(k => clean[k][label]).ToList(), known.Select(k => rows[k][label] == true).ToList(), known.Select(k => rows[k].Source).ToList());
            decision[LabelNames.Of(label)] = threshold;
            foreach (var source in known.Select(k => rows[k].Source).Distinct().Order(StringComparer.Ordinal))
            {
                var ofSource = known.Where(k => rows[k].Source == source).ToList();
                var labels = ofSource.Select(k => rows[k][label] == true).ToList();
                var name = $"{source}/{LabelNames.Of(label)}";
                var sourceScores = ofSource.Select(k => clean[k][label]).ToList();
                cleanF1[name] = MetricsCalculator.Compute(sourceScores, labels, threshold).F1;
                obfuscatedF1[name] = MetricsCalculator.Compute(ofSource.Select(k => obfuscatedScores[k][label]).ToList(), labels, threshold).F1;
                auc[name] = MetricsCalculator.Auc(sourceScores, labels);

                // Diagnostic only: the F1 a threshold of this source's own would reach (a ceiling, chosen on the same rows).
                ownThresholdF1[name] = MetricsCalculator.Compute(sourceScores, labels, MetricsCalculator.BestF1Threshold(sourceScores, labels)).F1;
            }
        }

        var spamThreshold = decision.GetValueOrDefault("spam", 0.5f);
        var styledKnown = Enumerable.Range(0, prepared.StyledPositions.Count).Where(s => rows[prepared.StyledPositions[s]].Spam is not null).ToList();
        var styledFalsePositives = styledKnown.Count == 0 ? 0 : (double)styledKnown.Count(s => styledScores[s].Spam >= spamThreshold) / styledKnown.Count;

        // The product view: thresholds chosen the validation way, but on these rows; then who would be held.
        var thresholds = ThresholdChooser.Choose(rows, clean);
        var ordinary = Enumerable.Range(0, rows.Count).Where(k => rows[k].Spam == false && rows[k].Abuse is null).ToList();
        var heldOrdinary = ordinary.Count == 0 ? 0 : (double)ordinary.Count(k => DefaultPolicy.StatusOf(clean[k], thresholds) != ModerationVerdict.Approved) / ordinary.Count;
        LabelScores Averaged(string text)
        {
            var vector = Featurize(data.Featurizer, text);
            var all = models.Select(model => model(vector)).ToList();
            return new LabelScores(all.Average(s => s.Spam), all.Average(s => s.Abuse), all.Average(s => s.Hate));
        }

        var fixtureRates = fixtures is null ? new Dictionary<string, double>() : fixtures.Rates(Averaged, thresholds);
        return new ExperimentResult(config.Name, cleanF1, obfuscatedF1, auc, ownThresholdF1, decision, styledFalsePositives, thresholds, heldOrdinary, fixtureRates, choices);
    }

    /// <summary>
    /// Held-out scores per row (ids and labels, never the text) and the row's dense signals (link counts, language
    /// shares…), for comparing or combining runs offline.
    /// </summary>
    private static void WriteScores(string path, List<LabelledComment> rows, LabelScores[] scores, List<SparseVector> vectors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path);
        static string Label(bool? value) => value switch { true => "1", false => "0", null => "" };
        writer.WriteLine("id\tsource\tspam\tabuse\thate\tspam_score\tabuse_score\thate_score\t" + string.Join('\t', CommentFeaturizer.DenseNames));
        var dense = new float[FeatureSettings.DenseCount];
        for (var k = 0; k < rows.Count; k++)
        {
            Array.Clear(dense);
            var vector = vectors[k];
            for (var j = 0; j < vector.Indices.Length && vector.Indices[j] < dense.Length; j++)
            {
                dense[vector.Indices[j]] = vector.Values[j];
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows[k].Id}\t{rows[k].Source}\t{Label(rows[k].Spam)}\t{Label(rows[k].Abuse)}\t{Label(rows[k].Hate)}\t{scores[k].Spam:R}\t{scores[k].Abuse:R}\t{scores[k].Hate:R}\t")
                + string.Join('\t', dense.Select(d => d.ToString("R", CultureInfo.InvariantCulture))));
        }
    }

    private static SparseVector Featurize(CommentFeaturizer featurizer, string text)
    {
        var buffer = new FeatureBuffer();
        featurizer.Featurize(TextNormalizer.Normalize(text), buffer);
        return SparseVector.Of(buffer);
    }

    /// <summary>A result as text: one line of F1 clean/obfuscated per source and label, then the product figures.</summary>
    public static string Describe(ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"| {result.Name} |");
        foreach (var (name, f1) in result.CleanF1.OrderBy(p => Order(p.Key)))
        {
            text.Append(CultureInfo.InvariantCulture, $" {f1:0.000}/{result.ObfuscatedF1[name]:0.000} |");
        }

        text.Append(CultureInfo.InvariantCulture, $" {result.StyledSpamFalsePositives:P2} | {result.HeldOrdinaryDev:P1} |");
        foreach (var (name, rate) in result.FixtureRates)
        {
            text.Append(CultureInfo.InvariantCulture, $" {name} {rate:P0}");
        }

        text.Append(" |");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture,
            $"  columns: {string.Join(", ", result.CleanF1.Keys.OrderBy(Order))}; decision thresholds {string.Join(", ", result.DecisionThresholds.Select(p => $"{p.Key} {p.Value:0.000}"))}; ");
        text.Append(CultureInfo.InvariantCulture, $"dev review/reject spam {result.DevThresholds.Spam.Review:0.000}/{result.DevThresholds.Spam.Reject:0.000} abuse {result.DevThresholds.Abuse.Review:0.000}/{result.DevThresholds.Abuse.Reject:0.000} hate {result.DevThresholds.Hate.Review:0.000}/{result.DevThresholds.Hate.Reject:0.000}");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  AUC: {string.Join(", ", result.Auc.OrderBy(p => Order(p.Key)).Select(p => $"{p.Value:0.000}"))}; ");
        text.Append(CultureInfo.InvariantCulture, $"F1 at each source's own best threshold: {string.Join(", ", result.OwnThresholdF1.OrderBy(p => Order(p.Key)).Select(p => $"{p.Value:0.000}"))}; choices: {string.Join("; ", result.Choices.Select(p => $"{p.Key} {p.Value}"))}");
        return text.ToString();
    }

    // The order of the issue's table: spam sources, then abuse, then hate.
    private static int Order(string key) => Array.IndexOf(
        new[] { "judol_yt_id/spam", "youtube_spam_uci/spam", "sms_spam_id/spam", "sms_spam_uci/spam", "ibrohim2019/abuse", "davidson2017/abuse", "ibrohim2019/hate", "davidson2017/hate" }, key) is var i and >= 0 ? i : 100;
}
