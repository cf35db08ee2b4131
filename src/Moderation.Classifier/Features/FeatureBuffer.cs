namespace Moderation.Classifier.Features;

/// <summary>
/// Scratch space for one featurisation, reused by one thread at a time. Holds the sparse vector (sorted indices,
/// values) and, when asked, which word of the normalised text each hashed feature came from and how much of it.
/// </summary>
internal sealed class FeatureBuffer
{
    // Raw occurrences before merging: slot, group (0 word, 1 char), word index, share of the occurrence.
    internal int[] RawSlots = new int[1024];
    internal byte[] RawGroups = new byte[1024];
    internal int[] RawWords = new int[1024];
    internal float[] RawShares = new float[1024];
    internal int RawCount;

    /// <summary>The sparse vector: indices ascending, one value per index.</summary>
    public int[] Indices = new int[1024];

    /// <summary>Values matching <see cref="Indices"/>.</summary>
    public float[] Values = new float[1024];

    /// <summary>The number of non-zero entries.</summary>
    public int Count;

    /// <summary>Scale applied to each group (word, char) so that each group's part of the vector has unit length.</summary>
    public readonly float[] GroupScales = new float[2];

    /// <summary>Where each word of the normalised text starts and its length.</summary>
    public int[] WordStarts = new int[128];

    /// <summary>Lengths matching <see cref="WordStarts"/>.</summary>
    public int[] WordLengths = new int[128];

    /// <summary>The number of words.</summary>
    public int WordCount;

    internal long[] SortKeys = new long[1024];
    internal char[] KeyChars = new char[256];

    public void Clear()
    {
        RawCount = 0;
        Count = 0;
        WordCount = 0;
    }

    internal void AddRaw(int slot, byte group, int word, float share)
    {
        if (RawCount == RawSlots.Length)
        {
            var size = RawCount * 2;
            Array.Resize(ref RawSlots, size);
            Array.Resize(ref RawGroups, size);
            Array.Resize(ref RawWords, size);
            Array.Resize(ref RawShares, size);
            Array.Resize(ref SortKeys, size);
        }

        RawSlots[RawCount] = slot;
        RawGroups[RawCount] = group;
        RawWords[RawCount] = word;
        RawShares[RawCount] = share;
        RawCount++;
    }

    internal void AddWord(int start, int length)
    {
        if (WordCount == WordStarts.Length)
        {
            Array.Resize(ref WordStarts, WordCount * 2);
            Array.Resize(ref WordLengths, WordCount * 2);
        }

        WordStarts[WordCount] = start;
        WordLengths[WordCount] = length;
        WordCount++;
    }

    internal void AddEntry(int index, float value)
    {
        if (Count == Indices.Length)
        {
            Array.Resize(ref Indices, Count * 2);
            Array.Resize(ref Values, Count * 2);
        }

        Indices[Count] = index;
        Values[Count] = value;
        Count++;
    }
}
