using System.Text.RegularExpressions;

namespace Moderation.DeployTests;

/// <summary>
/// Just enough of PromQL to find what a Grafana query depends on: the metric names it selects, the label matchers of
/// each selector, and the labels it groups by. Functions, aggregations, keywords, numbers, durations and Grafana
/// variables are told apart from metric names.
/// </summary>
public static partial class PromQl
{
    public sealed record Selector(string Metric, IReadOnlyList<string> MatcherLabels);

    public sealed record Query(IReadOnlyList<Selector> Selectors, IReadOnlyList<string> GroupingLabels);

    static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN", "atan2",
    };

    public static Query Parse(string expression)
    {
        // Strings first (they may hold anything), then range and subquery brackets ([5m], [$__rate_interval]).
        var text = StringLiteral().Replace(expression, "\"\"");
        text = RangeBrackets().Replace(text, " ");

        var selectors = new List<Selector>();
        text = LabelBlock().Replace(text, m =>
        {
            var labels = Matcher().Matches(m.Groups["labels"].Value).Select(x => x.Groups["label"].Value).ToList();
            if (m.Groups["metric"].Success && !Keywords.Contains(m.Groups["metric"].Value))
            {
                selectors.Add(new Selector(m.Groups["metric"].Value, labels));
                return " ";
            }

            return m.Groups["metric"].Success ? m.Groups["metric"].Value + " " : " ";
        });

        var grouping = new List<string>();
        text = Grouping().Replace(text, m =>
        {
            if (m.Groups["keyword"].Value is "by" or "without" or "on" or "ignoring" or "group_left" or "group_right")
            {
                grouping.AddRange(m.Groups["labels"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            return " ";
        });

        foreach (Match m in Identifier().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (!Keywords.Contains(name) && !m.Groups["call"].Success)
            {
                selectors.Add(new Selector(name, []));
            }
        }

        return new Query(selectors, grouping);
    }

    /// <summary>Grafana's <c>label_values(selector, label)</c> variable query: the selector and the label.</summary>
    public static (Query Query, string Label)? ParseLabelValues(string query)
    {
        var m = LabelValues().Match(query.Trim());
        return m.Success ? (Parse(m.Groups["selector"].Value), m.Groups["label"].Value) : null;
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|`[^`]*`")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeBrackets();

    [GeneratedRegex(@"(?<![\w.$])(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)?\s*\{(?<labels>[^}]*)\}")]
    private static partial Regex LabelBlock();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\b(?<keyword>by|without|on|ignoring|group_left|group_right)\s*\((?<labels>[^)]*)\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.$])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^label_values\((?<selector>.*),\s*(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\s*\)$")]
    private static partial Regex LabelValues();
}
