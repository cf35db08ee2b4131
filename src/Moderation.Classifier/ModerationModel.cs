using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using Moderation.Classifier.Features;
using Moderation.Classifier.Scoring;

namespace Moderation.Classifier;

/// <summary>
/// One loaded model file: immutable and thread-safe. ML.NET trains the heads and stores them; serving reads their
/// weights once into one interleaved <see cref="WeightTable"/> and scores from it with pooled scratch buffers (no
/// prediction engine per call: the engine read seven 4 MB tables per n-gram, see the model card). The ML.NET engine
/// stays the reference the tests compare against (<see cref="EngineReference"/>).
/// </summary>
public sealed class ModerationModel : IDisposable
{
    internal const string ManifestEntry = "manifest.json";
    internal const string HeadsEntry = "heads.mlnet";
    internal const string IdfEntry = "idf.bin";
    internal const string IndonesianHeadsEntry = "heads-indonesian.mlnet";

    /// <summary>The zip entry of a label's naive-Bayes feature scales (little-endian float32 per feature).</summary>
    internal static string ScaleEntry(ModerationLabel label, bool indonesian = false) => $"scale-{LabelNames.Of(label)}{(indonesian ? "-indonesian" : string.Empty)}.bin";

    private const int MaxEvidencePerLabel = 3;

    private readonly WeightTable _table;
    private readonly CommentFeaturizer _featurizer;
    private readonly ConcurrentBag<FeatureBuffer> _buffers = [];
    private bool _disposed;

    private ModerationModel(string version, ModelParts parts)
    {
        Version = version;
        Manifest = parts.Manifest;
        var heads = parts.ScaledHeads();
        var indonesian = parts.ScaledIndonesianHeads(heads);
        foreach (var head in heads.Concat(indonesian.OfType<LinearHead>()))
        {
            if (head.Dimension != parts.Manifest.Features.Dimension)
            {
                throw new InvalidDataException($"A head has {head.Dimension} weights but the features have {parts.Manifest.Features.Dimension}.");
            }
        }

        _table = new WeightTable(heads, parts.Idf, indonesian);
        _featurizer = new CommentFeaturizer(parts.Manifest.Features, _table.IdfView);
    }

    /// <summary>Loads a model file written by <c>moderation train</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a model this version can read.</exception>
    public static ModerationModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromBytes(File.ReadAllBytes(path));
    }

    /// <summary>Reads a model from the bytes of a model file.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a model this version can read.</exception>
    public static ModerationModel FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var version = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        return new ModerationModel(version, ReadParts(bytes));
    }

    /// <summary>What a model file holds, as read by ML.NET.</summary>
    /// <param name="Manifest">The manifest.</param>
    /// <param name="Heads">The pooled heads' chain.</param>
    /// <param name="Idf">IDF per hashed slot, or null.</param>
    /// <param name="FeatureScales">Per label: the pooled head's naive-Bayes scales, or null.</param>
    /// <param name="IndonesianHeads">The Indonesian heads' chain (<see cref="ModelManifest.IndonesianHeads"/>), or null.</param>
    /// <param name="IndonesianScales">Per label: the Indonesian head's naive-Bayes scales, or null.</param>
    internal sealed record ModelParts(ModelManifest Manifest, ITransformer Heads, float[]? Idf, float[]?[] FeatureScales, ITransformer? IndonesianHeads = null, float[]?[]? IndonesianScales = null)
    {
        /// <summary>The linear heads with their naive-Bayes scales applied: what the stored chain computes.</summary>
        public LinearHead[] ScaledHeads() => HeadsSchema.ReadHeads(Heads).Select((head, k) => head.WithFeatureScale(FeatureScales[k])).ToArray();

        /// <summary>The labels with an Indonesian head, in label order (none without them).</summary>
        public ModerationLabel[] IndonesianLabels() =>
            Manifest.IndonesianHeads is { } info ? [.. LabelNames.All.Where(label => info.Labels.Contains(LabelNames.Of(label)))] : [];

        /// <summary>
        /// Per label: the head that scores comments routed to the Indonesian heads, the Indonesian head blended with
        /// the pooled one (what serving adds up), or null where the label has none.
        /// </summary>
        /// <param name="pooled">The pooled heads, from <see cref="ScaledHeads"/>.</param>
        public LinearHead?[] ScaledIndonesianHeads(LinearHead[] pooled)
        {
            var result = new LinearHead?[3];
            if (IndonesianHeads is null || Manifest.IndonesianHeads is not { } info)
            {
                return result;
            }

            var labels = IndonesianLabels();
            var heads = HeadsSchema.ReadHeads(IndonesianHeads, labels.Length);
            for (var k = 0; k < labels.Length; k++)
            {
                var label = (int)labels[k];
                var own = heads[k].WithFeatureScale(IndonesianScales?[label]);
                result[label] = LinearHead.Blend(pooled[label], own, info.Weight);
            }

            return result;
        }
    }

    /// <exception cref="InvalidDataException">The bytes are not a model this version can read.</exception>
    internal static ModelParts ReadParts(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new InvalidDataException($"The model has no {ManifestEntry}.");
            ModelManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, ModelManifest.JsonOptions)
                    ?? throw new InvalidDataException("The model manifest is empty.");
            }

            if (manifest.Format is < ModelManifest.OldestReadableFormat or > ModelManifest.CurrentFormat)
            {
                throw new InvalidDataException(
                    $"The model has format {manifest.Format}; this version reads formats {ModelManifest.OldestReadableFormat} to {ModelManifest.CurrentFormat}.");
            }

            if (manifest.NormalizerVersion is { } normalizer && normalizer != TextNormalizer.Version)
            {
                throw new InvalidDataException(
                    $"The model was trained with text normaliser version {normalizer}; this release normalises with version {TextNormalizer.Version}. " +
                    "Train it again with this release, or serve it with the release that trained it.");
            }

            var headsEntry = zip.GetEntry(HeadsEntry) ?? throw new InvalidDataException($"The model has no {HeadsEntry}.");
            using var headsBytes = new MemoryStream();
            using (var stream = headsEntry.Open())
            {
                stream.CopyTo(headsBytes);
            }

            headsBytes.Position = 0;
            var heads = new MLContext(seed: 0).Model.Load(headsBytes, out _);
            ITransformer? indonesianHeads = null;
            if (manifest.IndonesianHeads is not null)
            {
                var entry = zip.GetEntry(IndonesianHeadsEntry) ?? throw new InvalidDataException($"The model has no {IndonesianHeadsEntry}.");
                using var bytesOfEntry = new MemoryStream();
                using (var stream = entry.Open())
                {
                    stream.CopyTo(bytesOfEntry);
                }

                bytesOfEntry.Position = 0;
                indonesianHeads = new MLContext(seed: 0).Model.Load(bytesOfEntry, out _);
            }

            float[]? idf = null;
            if (manifest.Features.InverseDocumentFrequency)
            {
                var idfEntry = zip.GetEntry(IdfEntry) ?? throw new InvalidDataException($"The model has no {IdfEntry}.");
                using var stream = idfEntry.Open();
                idf = IdfFile.Read(stream, 1 << manifest.Features.HashBits);
            }

            var scales = new float[]?[3];
            var indonesianScales = new float[]?[3];
            if (manifest.NaiveBayesScaling)
            {
                foreach (var label in LabelNames.All)
                {
                    scales[(int)label] = ReadScale(zip, ScaleEntry(label), manifest.Features.Dimension);
                }

                foreach (var label in LabelNames.All.Where(label => manifest.IndonesianHeads?.Labels.Contains(LabelNames.Of(label)) == true))
                {
                    indonesianScales[(int)label] = ReadScale(zip, ScaleEntry(label, indonesian: true), manifest.Features.Dimension);
                }
            }

            return new ModelParts(manifest, heads, idf, scales, indonesianHeads, indonesianScales);
        }
        catch (Exception ex) when (ex is not InvalidDataException and (IOException or JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException))
        {
            throw new InvalidDataException($"Not a readable moderation model: {ex.Message}", ex);
        }
    }

    private static float[] ReadScale(ZipArchive zip, string name, int dimension)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The model has no {name}.");
        using var stream = entry.Open();
        return IdfFile.Read(stream, dimension);
    }

    /// <summary>The model version: a short content hash of the file (for example <c>sha256:3f2a9c1b0d4e</c>).</summary>
    public string Version { get; }

    /// <summary>The default thresholds chosen on the validation split.</summary>
    public ModelThresholds Thresholds => Manifest.Thresholds;

    /// <summary>Everything the model file says about itself.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Scores one comment and explains the scores.</summary>
    public Classification Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Classify(TextNormalizer.Normalize(text));
    }

    /// <summary>
    /// Scores one comment already normalised with <see cref="TextNormalizer.Normalize"/> (so a caller that also needs
    /// the normalised text, for word lists, normalises once).
    /// </summary>
    public Classification Classify(NormalizedText normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var buffer = Rent();
        try
        {
            _featurizer.Featurize(normalized, buffer);
            var scores = _table.Score(buffer);
            var evidence = Explain(normalized, buffer, scores);
            return new Classification(scores, evidence, normalized.Signals, Version, _table.RoutesToIndonesian(buffer));
        }
        finally
        {
            _buffers.Add(buffer);
        }
    }

    /// <summary>Scores many comments; cheaper per comment than calling <see cref="Classify(string)"/> in a loop.</summary>
    public IReadOnlyList<Classification> ClassifyBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return ClassifyMany(texts.Count, i => TextNormalizer.Normalize(texts[i]));
    }

    /// <summary>Scores many comments already normalised with <see cref="TextNormalizer.Normalize"/>.</summary>
    public IReadOnlyList<Classification> ClassifyBatch(IReadOnlyList<NormalizedText> normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return ClassifyMany(normalized.Count, i => normalized[i]);
    }

    private Classification[] ClassifyMany(int count, Func<int, NormalizedText> normalizedAt)
    {
        var results = new Classification[count];
        if (count < 64)
        {
            for (var i = 0; i < count; i++)
            {
                results[i] = Classify(normalizedAt(i));
            }

            return results;
        }

        // One buffer per worker for a whole range, instead of renting per comment.
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, 256), range =>
        {
            var buffer = Rent();
            try
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var normalized = normalizedAt(i);
                    _featurizer.Featurize(normalized, buffer);
                    var scores = _table.Score(buffer);
                    results[i] = new Classification(scores, Explain(normalized, buffer, scores), normalized.Signals, Version, _table.RoutesToIndonesian(buffer));
                }
            }
            finally
            {
                _buffers.Add(buffer);
            }
        });
        return results;
    }

    /// <summary>Scores one comment without explanations (evaluation).</summary>
    internal LabelScores Score(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var buffer = Rent();
        try
        {
            _featurizer.Featurize(normalized, buffer);
            return _table.Score(buffer);
        }
        finally
        {
            _buffers.Add(buffer);
        }
    }

    /// <summary>Only the feature vector of a normalised text, into <paramref name="buffer"/> (for benchmarks).</summary>
    internal void Featurize(NormalizedText normalized, FeatureBuffer buffer) => _featurizer.Featurize(normalized, buffer);

    private FeatureBuffer Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _buffers.TryTake(out var buffer) ? buffer : new FeatureBuffer();
    }

    private IReadOnlyList<Evidence> Explain(NormalizedText normalized, FeatureBuffer buffer, LabelScores scores)
    {
        List<Evidence>? evidence = null;
        var indonesian = _table.RoutesToIndonesian(buffer);
        Span<float> contributions = buffer.WordCount <= 512 ? stackalloc float[buffer.WordCount] : new float[buffer.WordCount];
        foreach (var label in LabelNames.All)
        {
            if (scores[label] < Math.Min(Thresholds[label].Review, 0.3f) || buffer.WordCount == 0)
            {
                continue;
            }

            // Exact split of the linear score: each hashed occurrence adds its effective weight × what it adds to its slot.
            contributions.Clear();
            for (var k = 0; k < buffer.RawCount; k++)
            {
                if (buffer.RawWords[k] >= 0)
                {
                    contributions[buffer.RawWords[k]] += _table.EffectiveWeight((int)label, buffer.RawSlots[k], indonesian) * buffer.RawShares[k];
                }
            }

            evidence ??= [];
            AddTopSpans(normalized, buffer, contributions, label, evidence);
        }

        return evidence ?? (IReadOnlyList<Evidence>)[];
    }

    private static void AddTopSpans(NormalizedText normalized, FeatureBuffer buffer, ReadOnlySpan<float> contributions, ModerationLabel label, List<Evidence> evidence)
    {
        Span<int> top = stackalloc int[MaxEvidencePerLabel];
        var found = 0;
        for (var w = 0; w < contributions.Length; w++)
        {
            if (contributions[w] <= 0.05f)
            {
                continue;
            }

            // A tiny sorted list, strongest first: insert, dropping the weakest when full.
            var position = Math.Min(found, MaxEvidencePerLabel - 1);
            if (found == MaxEvidencePerLabel && contributions[top[position]] >= contributions[w])
            {
                continue;
            }

            while (position > 0 && contributions[top[position - 1]] < contributions[w])
            {
                top[position] = top[position - 1];
                position--;
            }

            top[position] = w;
            found = Math.Min(found + 1, MaxEvidencePerLabel);
        }

        for (var i = 0; i < found; i++)
        {
            var w = top[i];
            var (start, length) = normalized.ToOriginal(buffer.WordStarts[w], buffer.WordLengths[w]);
            evidence.Add(new Evidence(label, start, length, contributions[w]));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _buffers.Clear();
    }
}
