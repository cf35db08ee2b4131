namespace Moderation.Classifier.Features;

/// <summary>
/// Scratch space for one featurisation, reused by one thread at a time (no allocations once warm). Holds the
/// sparse vector (sorted indices, values) and, for explanations, which word of the normalised text each hashed
/// occurrence came from and how much it adds to the vector.
/// </summary>
internal sealed class FeatureBuffer
{
    /// <summary>Feature groups, each scaled to unit length on its own (like separate TF-IDF vectorizers side by side).</summary>
    internal const int GroupCount = 3;

    // Raw occurrences before merging: slot, group (0 words, 1 normalised chars, 2 original chars), word index
    // (-1 when it belongs to no word of the normalised text), and share. After merging, RawShares holds what the
    // occurrence adds to its slot's final value, so a linear score splits exactly over the words.
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

    /// <summary>Where each word of the normalised text starts and its length.</summary>
    public int[] WordStarts = new int[128];

    /// <summary>Lengths matching <see cref="WordStarts"/>.</summary>
    public int[] WordLengths = new int[128];

    /// <summary>The number of words.</summary>
    public int WordCount;

    /// <summary>Whether the comment goes to the Indonesian heads (<see cref="Scoring.LanguageRoute"/>).</summary>
    public bool Indonesian;

    internal long[] SortKeys = new long[1024];
    internal long[] SortScratch = new long[1024];
    internal int[] RadixCounts = new int[1 << RadixBits];

    private const int RadixBits = 8;
    internal char[] KeyChars = new char[256];

    // A character stream for n-grams and the word each of its characters belongs to.
    internal char[] StreamChars = new char[512];
    internal int[] StreamWords = new int[512];

    // For features taken from the original text: the normalised word each original character belongs to.
    internal int[] OriginalWords = new int[512];
    internal uint[] WordHashes = new uint[128];

    public void Clear()
    {
        Indonesian = false;
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
            Array.Resize(ref SortScratch, size);
        }

        RawSlots[RawCount] = slot;
        RawGroups[RawCount] = group;
        RawWords[RawCount] = word;
        RawShares[RawCount] = share;
        RawCount++;
    }

    /// <summary>
    /// Sorts the first <paramref name="count"/> <see cref="SortKeys"/> ascending by their bits from 24 up (slot and
    /// group), keeping equal ones in input order: an LSD radix sort in passes of 8 bits (three for 2^20 slots), linear in the count. The
    /// keys' low 24 bits are the occurrence index, already ascending, so the result is the fully sorted array. Measured
    /// several times faster than Array.Sort on the ~1,000 keys of a typical comment.
    /// </summary>
    internal void SortKeysBySlotAndGroup(int count, int keyBits)
    {
        var source = SortKeys;
        var target = SortScratch;
        for (var shift = 24; shift < 24 + keyBits; shift += RadixBits)
        {
            var counts = RadixCounts.AsSpan();
            counts.Clear();
            const int mask = (1 << RadixBits) - 1;
            for (var k = 0; k < count; k++)
            {
                counts[(int)(source[k] >> shift) & mask]++;
            }

            var total = 0;
            for (var b = 0; b < counts.Length; b++)
            {
                var c = counts[b];
                counts[b] = total;
                total += c;
            }

            for (var k = 0; k < count; k++)
            {
                var key = source[k];
                target[counts[(int)(key >> shift) & mask]++] = key;
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, SortKeys))
        {
            source.AsSpan(0, count).CopyTo(SortKeys);
        }
    }

    internal void AddWord(int start, int length)
    {
        if (WordCount == WordStarts.Length)
        {
            Array.Resize(ref WordStarts, WordCount * 2);
            Array.Resize(ref WordLengths, WordCount * 2);
            Array.Resize(ref WordHashes, WordCount * 2);
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

    internal void EnsureStream(int length)
    {
        if (StreamChars.Length < length)
        {
            var size = Math.Max(length, StreamChars.Length * 2);
            StreamChars = new char[size];
            StreamWords = new int[size];
        }
    }

    internal void EnsureOriginal(int length)
    {
        if (OriginalWords.Length < length)
        {
            OriginalWords = new int[Math.Max(length, OriginalWords.Length * 2)];
        }
    }
}
