using System.Runtime.CompilerServices;
using Microsoft.ML.Calibrators;
using Moderation.Classifier.Features;

namespace Moderation.Classifier.Scoring;

/// <summary>
/// Everything scoring reads per feature, side by side in one cache-line-aligned table: the feature's IDF weight and,
/// for each of the three heads, its effective weight (weight × naive-Bayes ratio). Real traffic touches new table
/// entries with every comment, so what a feature costs is cache misses, not arithmetic: separate arrays meant seven
/// random reads into 4 MB tables per n-gram (IDF, three ratios, three weights in the ML.NET engine); here it is one
/// 16-byte entry, never split across cache lines.
/// </summary>
/// <remarks>
/// Margins are summed exactly as <see cref="LinearHead.Margin"/> sums them (bias first, then weight × value in index
/// order), which is the path training used to choose the thresholds, so scores are the same to the last bit.
/// Immutable once built; any number of threads may read it.
/// </remarks>
internal sealed class WeightTable
{
    /// <summary>Floats per feature: IDF, spam, abuse, hate.</summary>
    public const int Stride = 4;

    private readonly float[] _table;
    private readonly int _base;
    private readonly float[] _bias = new float[3];
    private readonly ICalibrator[] _calibrators = new ICalibrator[3];

    public WeightTable(IReadOnlyList<LinearHead> heads, float[]? idf)
    {
        ArgumentNullException.ThrowIfNull(heads);
        if (heads.Count != 3)
        {
            throw new ArgumentException("A table holds exactly three heads (spam, abuse, hate).", nameof(heads));
        }

        var dimension = heads[0].Dimension;
        if (heads.Any(head => head.Dimension != dimension))
        {
            throw new InvalidDataException("The heads read feature vectors of different lengths.");
        }

        if (idf is not null && idf.Length != dimension - FeatureSettings.DenseCount)
        {
            throw new InvalidDataException($"The IDF table has {idf.Length} slots but the features have {dimension - FeatureSettings.DenseCount}.");
        }

        // Pinned (it never moves) so the entries can be aligned to 64-byte cache lines once: 16 extra floats of room.
        _table = GC.AllocateArray<float>(dimension * Stride + 16, pinned: true);
        _base = AlignedBase(_table);
        for (var f = 0; f < dimension; f++)
        {
            var entry = _base + (f * Stride);
            _table[entry] = idf is not null && f >= FeatureSettings.DenseCount ? idf[f - FeatureSettings.DenseCount] : 1f;
            for (var label = 0; label < 3; label++)
            {
                _table[entry + 1 + label] = heads[label].EffectiveWeights[f];
            }
        }

        for (var label = 0; label < 3; label++)
        {
            _bias[label] = heads[label].Bias;
            _calibrators[label] = heads[label].Calibrator;
        }

        IdfView = idf is null ? default : new IdfView(_table, _base + (FeatureSettings.DenseCount * Stride), Stride);
    }

    /// <summary>The IDF weights as the featuriser reads them (slot s of the hashed part at offset + s × stride); empty without IDF.</summary>
    public IdfView IdfView { get; }

    /// <summary>The calibrated probabilities of the three heads for a featurised comment.</summary>
    public LabelScores Score(FeatureBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        float spam = _bias[0], abuse = _bias[1], hate = _bias[2];
        var table = _table;
        var indices = buffer.Indices;
        var values = buffer.Values;
        for (var k = 0; k < buffer.Count; k++)
        {
            var entry = _base + (indices[k] * Stride);
            var value = values[k];
            spam += table[entry + 1] * value;
            abuse += table[entry + 2] * value;
            hate += table[entry + 3] * value;
        }

        return new LabelScores(_calibrators[0].PredictProbability(spam), _calibrators[1].PredictProbability(abuse), _calibrators[2].PredictProbability(hate));
    }

    /// <summary>What one unit of feature <paramref name="index"/> adds to the margin of head <paramref name="label"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float EffectiveWeight(int label, int index) => _table[_base + (index * Stride) + 1 + label];

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
