namespace Moderation.Classifier.Normalization;

/// <summary>
/// Text between a right-to-left override (U+202E) and the next pop (U+202C), line break or the end is shown in
/// reverse: "‮rocag‬" displays as "gacor". Disguisers store words backwards this way so that a reader sees them right
/// and a filter does not; the normaliser reads such runs in their display order.
/// </summary>
internal static class RightToLeftOverride
{
    private const char Override = '\u202E';
    private const char Pop = '\u202C';

    /// <summary>The ranges shown right to left, control characters included, in order; empty for almost every comment.</summary>
    public static (int Start, int End)[] FindRuns(string text)
    {
        var start = text.IndexOf(Override, StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var runs = new List<(int Start, int End)>();
        while (start >= 0)
        {
            var end = start + 1;
            while (end < text.Length && text[end] is not (Pop or '\n' or '\r' or '\u2029'))
            {
                end++;
            }

            var stop = end < text.Length && text[end] == Pop ? end + 1 : end;
            runs.Add((start, stop));
            start = stop < text.Length ? text.IndexOf(Override, stop) : -1;
        }

        return runs.ToArray();
    }
}
