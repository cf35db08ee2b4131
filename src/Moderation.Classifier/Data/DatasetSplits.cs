namespace Moderation.Classifier.Data;

/// <summary>Assigns rows to <see cref="DatasetSplit"/>s by a stable hash (FNV-1a 64) of the row id.</summary>
public static class DatasetSplits
{
    /// <summary>The split a row id belongs to.</summary>
    public static DatasetSplit Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var bucket = (int)(Hash(id, 0) % 100);
        return bucket < 70 ? DatasetSplit.Train : bucket < 80 ? DatasetSplit.Dev : DatasetSplit.Validation;
    }

    /// <summary>The cross-validation fold (0..folds-1) of a row id, independent of its split.</summary>
    public static int FoldOf(string id, int folds)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (int)(Hash(id, 0x5F3759DF) % (ulong)folds);
    }

    private static ulong Hash(string id, ulong salt)
    {
        var hash = 14695981039346656037UL ^ salt;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return hash;
    }
}
