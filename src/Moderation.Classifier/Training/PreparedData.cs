using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Training;

/// <summary>
/// The rows of one training run, featurised once with the serving code: the labelled rows (split by id hash),
/// then the obfuscated/styled training copies. IDF comes from the training split of the labelled rows only, so
/// the same vectors serve every head and every experiment with the same feature settings.
/// </summary>
internal sealed class PreparedData
{
    private const string AugmentedMark = "#augmented-";

    private PreparedData(List<LabelledComment> rows, int[] origins, int labelledCount, DatasetSplit[] splits, SparseVector[] vectors, float[]? idf, CommentFeaturizer featurizer)
    {
        Rows = rows;
        Origins = origins;
        LabelledCount = labelledCount;
        Splits = splits;
        Vectors = vectors;
        Idf = idf;
        Featurizer = featurizer;
    }

    /// <summary>Labelled rows first (indices below <see cref="LabelledCount"/>), then augmented training copies.</summary>
    public List<LabelledComment> Rows { get; }

    public int LabelledCount { get; }

    /// <summary>Per row: the labelled row it is (itself) or was copied from.</summary>
    public int[] Origins { get; }

    public DatasetSplit[] Splits { get; }

    public SparseVector[] Vectors { get; }

    public float[]? Idf { get; }

    public CommentFeaturizer Featurizer { get; }

    public static PreparedData Build(
        IReadOnlyList<LabelledComment> labelled, FeatureSettings features, int seed, double obfuscatedCopies, double styledCopies, IProgress<TrainingProgress>? progress = null, bool idfFromDev = false, double vowelDroppedCopies = 0)
    {
        var rows = labelled.ToList();
        var copies = Augment(labelled, seed, obfuscatedCopies, styledCopies, vowelDroppedCopies);
        rows.AddRange(copies.Select(copy => copy.Row));
        var origins = Enumerable.Range(0, labelled.Count).Concat(copies.Select(copy => copy.Origin)).ToArray();
        var splits = labelled.Select(row => DatasetSplits.Of(row.Id)).ToArray();
        var texts = rows.Select(row => row.Text).ToList();
        var featurizer = new CommentFeaturizer(features);
        float[]? idf = null;
        if (features.InverseDocumentFrequency)
        {
            var trainTexts = Enumerable.Range(0, labelled.Count).Where(i => splits[i] == DatasetSplit.Train || (idfFromDev && splits[i] == DatasetSplit.Dev)).Select(i => texts[i]).ToList();
            var counts = Featurize(trainTexts, featurizer, progress, "Counting document frequencies", 0.02, 0.08);
            idf = IdfFile.FromDocuments(counts.Select(v => v.Indices), 1 << features.HashBits);
            featurizer = new CommentFeaturizer(features, idf);
        }

        var vectors = Featurize(texts, featurizer, progress, "Featurising", 0.1, 0.1);
        return new PreparedData(rows, origins, labelled.Count, splits, vectors, idf, featurizer);
    }

    /// <summary>Labelled rows (no copies) of a split where a label is known.</summary>
    public List<int> Indices(ModerationLabel label, DatasetSplit split) =>
        Enumerable.Range(0, LabelledCount).Where(i => Splits[i] == split && Rows[i][label] is not null).ToList();

    /// <summary>The split of a row's origin (copies follow the row they were made from).</summary>
    public DatasetSplit SplitOfOrigin(int index) => Splits[Origins[index]];

    /// <summary>Featurises texts with the serving normaliser and featurizer, in parallel, in input order.</summary>
    public static SparseVector[] Featurize(IReadOnlyList<string> texts, CommentFeaturizer featurizer, IProgress<TrainingProgress>? progress, string step, double from, double width)
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
                    vectors[i] = SparseVector.Of(buffer);
                }

                var finished = Interlocked.Add(ref done, range.Item2 - range.Item1);
                progress?.Report(new TrainingProgress(step, from + width * finished / Math.Max(1, texts.Count)));
                return buffer;
            },
            _ => { });
        return vectors;
    }

    /// <summary>
    /// Obfuscated, styled and vowel-dropped copies of some training and dev rows (never of validation rows). A copy is used only
    /// where its origin row is in training: copies of dev rows serve cross-validation folds.
    /// </summary>
    private static List<(LabelledComment Row, int Origin)> Augment(IReadOnlyList<LabelledComment> rows, int seed, double obfuscatedCopies, double styledCopies, double vowelDroppedCopies)
    {
        var copies = new List<(LabelledComment Row, int Origin)>();
        if (obfuscatedCopies <= 0 && styledCopies <= 0 && vowelDroppedCopies <= 0)
        {
            return copies;
        }

        var random = new Random(seed);
        var vowelRandom = new Random(seed ^ 0x766F77); // its own stream: the other copies stay as they were
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (DatasetSplits.Of(row.Id) == DatasetSplit.Validation)
            {
                continue;
            }

            if (random.NextDouble() < obfuscatedCopies)
            {
                var text = ObfuscationRewriter.Rewrite(row.Text, ObfuscationKind.Mixed, random.Next());
                copies.Add((row with { Id = row.Id + AugmentedMark + "mixed", Text = text }, i));
            }

            // Styled copies of every kind of row, so that styled letters alone say little about any label.
            if (random.NextDouble() < styledCopies)
            {
                copies.Add((row with { Id = row.Id + AugmentedMark + "styled", Text = ObfuscationRewriter.StyleAll(row.Text, random.Next()) }, i));
            }

            if (vowelDroppedCopies > 0 && vowelRandom.NextDouble() < vowelDroppedCopies)
            {
                copies.Add((row with { Id = row.Id + AugmentedMark + "vowelless", Text = ObfuscationRewriter.DropVowels(row.Text, vowelRandom.Next()) }, i));
            }
        }

        return copies;
    }
}
