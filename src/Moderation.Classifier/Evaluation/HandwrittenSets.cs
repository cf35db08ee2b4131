namespace Moderation.Classifier.Evaluation;

/// <summary>
/// Hand-written comments (no dataset rows) that show what the default policy does to news-site traffic: ordinary
/// reader comments, gambling promotions and abusive comments. One comment per line; blank lines and lines starting
/// with <c>#</c> are skipped.
/// </summary>
public sealed record HandwrittenSets(IReadOnlyList<string> Ordinary, IReadOnlyList<string> Promotions, IReadOnlyList<string> Abusive)
{
    /// <summary>The file names inside a fixtures directory.</summary>
    public const string OrdinaryFile = "ordinary-comments.txt";

    /// <summary>Gambling promotions.</summary>
    public const string PromotionsFile = "gambling-promotions.txt";

    /// <summary>Abusive and hateful comments.</summary>
    public const string AbusiveFile = "abusive-comments.txt";

    /// <summary>Reads the three files of a directory.</summary>
    public static HandwrittenSets Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new HandwrittenSets(
            Lines(Path.Combine(directory, OrdinaryFile)), Lines(Path.Combine(directory, PromotionsFile)), Lines(Path.Combine(directory, AbusiveFile)));
    }

    /// <summary>Ordinary comments rewritten entirely in a styled alphabet (one per comment, fixed seeds).</summary>
    public IReadOnlyList<string> StyledOrdinary() =>
        Ordinary.Select((text, i) => ObfuscationRewriter.StyleAll(text, ObfuscationRewriter.SeedFor($"ordinary-{i}", ModelEvaluator.ObfuscationSeed))).ToList();

    /// <summary>
    /// Under <paramref name="thresholds"/>: the share of ordinary comments approved (as written and styled), and
    /// of promotions and abusive comments not approved.
    /// </summary>
    public IReadOnlyDictionary<string, double> Rates(Func<string, LabelScores> score, ModelThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(thresholds);
        double Share(IReadOnlyList<string> texts, bool approved) => texts.Count == 0
            ? 0
            : (double)texts.Count(text => DefaultPolicy.StatusOf(score(text), thresholds) == ModerationVerdict.Approved == approved) / texts.Count;
        var rates = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["ordinary approved"] = Share(Ordinary, approved: true),
            ["styled ordinary approved"] = Share(StyledOrdinary(), approved: true),
            ["promotions held/rejected"] = Share(Promotions, approved: false),
            ["abusive held/rejected"] = Share(Abusive, approved: false),
        };

        // Which head holds the ordinary comments that are not approved (a comment can be held by several).
        foreach (var label in LabelNames.All)
        {
            rates[$"ordinary held by {LabelNames.Of(label)}"] = Ordinary.Count == 0 ? 0 : (double)Ordinary.Count(text => score(text)[label] >= thresholds[label].Review) / Ordinary.Count;
        }

        return rates;
    }

    private static List<string> Lines(string path) =>
        File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
}
