using System.Text.RegularExpressions;

namespace Moderation.DeployTests;

/// <summary>A scrape of <c>/metrics</c> (Prometheus text format): the families' types and each sample name's labels.</summary>
public sealed partial class MetricsText
{
    readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    readonly Dictionary<string, HashSet<string>> _labels = new(StringComparer.Ordinal);

    public string Raw { get; }

    public MetricsText(string text)
    {
        Raw = text;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                _types[parts[2]] = parts[3];
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                var m = Sample().Match(line);
                if (m.Success)
                {
                    var labels = _labels.TryGetValue(m.Groups["name"].Value, out var set) ? set : _labels[m.Groups["name"].Value] = [];
                    foreach (Match label in Label().Matches(m.Groups["labels"].Value))
                    {
                        labels.Add(label.Groups["label"].Value);
                    }
                }
            }
        }
    }

    public IEnumerable<string> Families => _types.Keys;

    /// <summary>
    /// The family a queried name belongs to: the name itself, or for <c>_bucket</c>/<c>_sum</c>/<c>_count</c> the
    /// histogram (or summary) it is part of. Null when no such family has samples.
    /// </summary>
    public string? FamilyOf(string name)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && _labels.ContainsKey(name)
                && _types.TryGetValue(name[..^suffix.Length], out var baseType)
                && (baseType == "histogram" || (baseType == "summary" && suffix != "_bucket")))
            {
                return name[..^suffix.Length];
            }
        }

        return _labels.ContainsKey(name) && (!_types.TryGetValue(name, out var type) || type is not ("histogram" or "summary")) ? name : null;
    }

    /// <summary>The labels seen on samples of exactly this name.</summary>
    public IReadOnlySet<string> LabelsOf(string sampleName) => _labels.TryGetValue(sampleName, out var set) ? set : new HashSet<string>();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})?\s+\S+")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<label>[a-zA-Z_][a-zA-Z0-9_]*)=""(?:[^""\\]|\\.)*""")]
    private static partial Regex Label();
}
