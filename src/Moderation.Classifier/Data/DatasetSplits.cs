namespace Moderation.Classifier.Data;

/// <summary>Assigns rows to <see cref="DatasetSplit"/>s by a stable hash (FNV-1a 64) of the row id.</summary>
public static class DatasetSplits
{
    /// <summary>The split a row id belongs to.</summary>
    public static DatasetSplit Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        var bucket = (int)(hash % 100);
        return bucket < 70 ? DatasetSplit.Train : bucket < 80 ? DatasetSplit.Dev : DatasetSplit.Validation;
    }
}
