namespace Moderation.Classifier.Features;

/// <summary>A stable 32-bit hash (FNV-1a with a final avalanche): the same on every machine and run, unlike string.GetHashCode.</summary>
internal static class FeatureHash
{
    public const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Add(uint hash, char c) => (hash ^ c) * Prime;

    public static uint Of(uint seed, ReadOnlySpan<char> text)
    {
        var hash = Offset ^ seed;
        foreach (var c in text)
        {
            hash = Add(hash, c);
        }

        return hash;
    }

    public static uint Combine(uint first, uint second) => Mix((first * 0x9E3779B1) ^ second ^ 0x85EBCA6B);

    public static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return hash;
    }
}
