namespace Moderation.Service.Policies;

/// <summary>
/// 64-bit SimHash over character 4-grams of the normalised text: texts that share most of their 4-grams get
/// fingerprints that differ in few bits, so "the same promotion with another number" stays close.
/// </summary>
public static class SimHash
{
    /// <summary>Texts shorter than this (letters and digits) are too common to be campaign evidence ("mantap pak").</summary>
    public const int MinimumLength = 30;

    /// <summary>
    /// Four 16-bit bands (multi-index hashing): two fingerprints within 7 bits of each other differ in at most one bit
    /// in at least one band (pigeonhole: 4 bands x 2 bits = 8 > 7), so looking up each band's value and its 16
    /// one-bit neighbours (<see cref="ProbeKeys"/>) against the stored bands (<see cref="BandKeys"/>) finds every
    /// candidate within <see cref="CampaignSettings.MaxDistance"/>'s upper bound of 7. A one-word change in a
    /// promotion moves 4–6 bits. 16-bit values are selective: a random fingerprint shares one with 1 in 65,536 stored
    /// ones, where the 8-bit bands used before matched 1 in 256 and made most candidates noise.
    /// </summary>
    public const int Bands = 4;

    const int BandBits = 64 / Bands;

    /// <summary>Keys looked up per fingerprint: each band's value and its <see cref="BandBits"/> one-bit neighbours.</summary>
    public const int ProbesPerFingerprint = Bands * (BandBits + 1);

    /// <summary>The fingerprint, or 0 when the text is too short.</summary>
    public static long Compute(string normalized)
    {
        Span<char> compact = normalized.Length <= 4096 ? stackalloc char[normalized.Length] : new char[normalized.Length];
        var length = 0;
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                compact[length++] = c;
            }
        }

        if (length < MinimumLength)
        {
            return 0;
        }

        // Counts the set bits per position without a branch: the classic "+1 if set, else -1" costs a 50/50 branch
        // per bit (64 per 4-gram, about half of them mispredicted), which made this 4 % of the service's CPU under
        // load. A bit is set in the fingerprint when it is set in more than half of the 4-grams (+1/-1 sum above 0).
        Span<int> ones = stackalloc int[64];
        var grams = 0;
        for (var i = 0; i + 4 <= length; i++, grams++)
        {
            var hash = Fnv1a(compact.Slice(i, 4));
            for (var bit = 0; bit < 64; bit++)
            {
                ones[bit] += (int)((hash >> bit) & 1);
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (2 * ones[bit] > grams)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint == 0 ? 1 : unchecked((long)fingerprint);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount(unchecked((ulong)(a ^ b)));

    /// <summary>The stored keys: each band tagged with its position (band × 65536 + bits).</summary>
    public static int[] BandKeys(long fingerprint)
    {
        var keys = new int[Bands];
        for (var band = 0; band < Bands; band++)
        {
            keys[band] = Key(band, Bits(fingerprint, band));
        }

        return keys;
    }

    /// <summary>
    /// The keys to look up for a fingerprint: per band its own value and the 16 values one bit away. Any stored
    /// fingerprint within 7 bits has one of its <see cref="BandKeys"/> among them.
    /// </summary>
    public static int[] ProbeKeys(long fingerprint)
    {
        var keys = new int[ProbesPerFingerprint];
        var n = 0;
        for (var band = 0; band < Bands; band++)
        {
            var bits = Bits(fingerprint, band);
            keys[n++] = Key(band, bits);
            for (var bit = 0; bit < BandBits; bit++)
            {
                keys[n++] = Key(band, bits ^ (1 << bit));
            }
        }

        return keys;
    }

    static int Bits(long fingerprint, int band) => (int)((unchecked((ulong)fingerprint) >> (band * BandBits)) & ((1UL << BandBits) - 1));

    static int Key(int band, int bits) => (band << BandBits) | bits;

    static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64 bits.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
