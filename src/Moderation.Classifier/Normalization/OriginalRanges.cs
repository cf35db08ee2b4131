namespace Moderation.Classifier.Normalization;

/// <summary>The original text a run of characters came from, given each character's original range.</summary>
internal static class OriginalRanges
{
    /// <summary>
    /// The smallest start and the largest end. Not the first start and the last end: text read backwards (upside down,
    /// or forced right to left) runs through the original in the other direction.
    /// </summary>
    public static (int Start, int End) Cover(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        var start = int.MaxValue;
        var end = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            start = Math.Min(start, starts[i]);
            end = Math.Max(end, ends[i]);
        }

        return (start, end);
    }
}
