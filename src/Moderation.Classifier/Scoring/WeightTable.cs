using System.Runtime.CompilerServices;
using Microsoft.ML.Calibrators;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Scoring;

/// <summary>
/// Everything scoring reads per feature, side by side in one cache-line-aligned table: the feature's IDF weight and,
/// for each of the three heads, its effective weight (weight × naive-Bayes ratio). Real traffic touches new table
/// entries with every comment, so what a feature costs is cache misses, not arithmetic: separate arrays meant seven
/// random reads into 4 MB tables per n-gram (IDF, three ratios, three weights in the ML.NET engine); here it is one
/// 16-byte entry, never split across cache lines. A model with Indonesian heads has 32-byte entries: IDF, the pooled
/// spam, abuse and hate weights, then the same three for comments routed to the Indonesian heads (spam's repeated, so
/// a comment reads one run of three) and one float of padding.
/// </summary>
/// <remarks>
/// Margins are summed exactly as <see cref="LinearHead.Margin"/> sums them (bias first, then weight × value in index
/// order), which is the path training used to choose the thresholds, so scores are the same to the last bit.
/// Immutable once built; any number of threads may read it.
/// </remarks>
internal sealed class WeightTable
{
    /// <summary>Floats per feature without Indonesian heads: IDF, spam, abuse, hate.</summary>
    public const int Stride = 4;

    /// <summary>Floats per feature with Indonesian heads.</summary>
    public const int RoutedStride = 8;

    private readonly float[] _table;
    private readonly int _base;
    private readonly int _stride;
    private readonly bool _routed;
    private readonly float[] _bias = new float[6];
    private readonly ICalibrator[] _calibrators = new ICalibrator[6];

    /// <param name="heads">The pooled spam, abuse and hate heads.</param>
    /// <param name="idf">IDF per hashed slot, or null.</param>
    /// <param name="indonesian">Per label: the head that scores comments routed to the Indonesian heads (the blend), or null where the pooled head serves every comment.</param>
    public WeightTable(IReadOnlyList<LinearHead> heads, float[]? idf, IReadOnlyList<LinearHead?>? indonesian = null)
    {
        ArgumentNullException.ThrowIfNull(heads);
        if (heads.Count != 3)
        {
            throw new ArgumentException("A table holds exactly three heads (spam, abuse, hate).", nameof(heads));
        }

        var dimension = heads[0].Dimension;
        _routed = indonesian?.Any(head => head is not null) == true;
        _stride = _routed ? RoutedStride : Stride;

        // Both sets in label order: a label without an Indonesian head repeats the pooled one.
        var all = _routed ? [.. heads, .. heads.Select((head, label) => indonesian![label] ?? head)] : heads.ToArray();
        if (all.Any(head => head.Dimension != dimension))
        {
            throw new InvalidDataException("The heads read feature vectors of different lengths.");
        }

        if (idf is not null && idf.Length != dimension - FeatureSettings.DenseCount)
        {
            throw new InvalidDataException($"The IDF table has {idf.Length} slots but the features have {dimension - FeatureSettings.DenseCount}.");
        }

        // Pinned (it never moves) so the entries can be aligned to 64-byte cache lines once: 16 extra floats of room.
        _table = GC.AllocateArray<float>(dimension * _stride + 16, pinned: true);
        _base = AlignedBase(_table);
        for (var f = 0; f < dimension; f++)
        {
            var entry = _base + (f * _stride);
            _table[entry] = idf is not null && f >= FeatureSettings.DenseCount ? idf[f - FeatureSettings.DenseCount] : 1f;
            for (var column = 0; column < all.Length; column++)
            {
                _table[entry + 1 + column] = all[column].EffectiveWeights[f];
            }
        }

        for (var column = 0; column < all.Length; column++)
        {
            _bias[column] = all[column].Bias;
            _calibrators[column] = all[column].Calibrator;
        }

        IdfView = idf is null ? default : new IdfView(_table, _base + (FeatureSettings.DenseCount * _stride), _stride);
    }

    /// <summary>The IDF weights as the featuriser reads them (slot s of the hashed part at offset + s × stride); empty without IDF.</summary>
    public IdfView IdfView { get; }

    /// <summary>Whether a featurised comment is scored by the Indonesian heads.</summary>
    public bool RoutesToIndonesian(FeatureBuffer buffer) => _routed && buffer.Indonesian;

    /// <summary>The calibrated probabilities of the three heads for a featurised comment (routed by language when the model has Indonesian heads).</summary>
    public LabelScores Score(FeatureBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var set = RoutesToIndonesian(buffer) ? 3 : 0;
        float spam = _bias[set], abuse = _bias[set + 1], hate = _bias[set + 2];
        var table = _table;
        var stride = _stride;
        var first = _base + 1 + set;
        var indices = buffer.Indices;
        var values = buffer.Values;
        for (var k = 0; k < buffer.Count; k++)
        {
            var entry = first + (indices[k] * stride);
            var value = values[k];
            spam += table[entry] * value;
            abuse += table[entry + 1] * value;
            hate += table[entry + 2] * value;
        }

        return new LabelScores(_calibrators[set].PredictProbability(spam), _calibrators[set + 1].PredictProbability(abuse), _calibrators[set + 2].PredictProbability(hate));
    }

    /// <summary>
    /// What one unit of feature <paramref name="index"/> adds to the margin of head <paramref name="label"/> (of the
    /// Indonesian set when <paramref name="indonesian"/> and the model has one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float EffectiveWeight(int label, int index, bool indonesian = false) =>
        _table[_base + (index * _stride) + 1 + label + (indonesian && _routed ? 3 : 0)];

    private static int AlignedBase(float[] table)
    {
        // The array lives on the pinned object heap, so its address is fixed for its lifetime.
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(table, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            var misalignment = (int)(handle.AddrOfPinnedObject() % 64);
            return misalignment == 0 ? 0 : (64 - misalignment) / sizeof(float);
        }
        finally
        {
            handle.Free();
        }
    }
}

/// <summary>A read-only view of IDF weights stored with a stride (plain array: offset 0, stride 1).</summary>
internal readonly struct IdfView(float[] values, int offset, int stride)
{
    public bool IsEmpty => values is null;

    public float this[int hashedSlot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => values[offset + (hashedSlot * stride)];
    }

    public static IdfView Of(float[]? idf) => idf is null ? default : new IdfView(idf, 0, 1);
}
