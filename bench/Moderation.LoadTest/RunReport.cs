using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Moderation.LoadTest;

/// <summary>What a run found: a table for people and one JSON line for scripts (the first fields fixed by the issue).</summary>
public sealed class RunReport(string scenario)
{
    public string Scenario { get; } = scenario;

    public List<PhaseResult> Phases { get; } = [];

    /// <summary>The JSON line's fields, in order.</summary>
    public Dictionary<string, object> Fields { get; } = [];

    public List<string> Notes { get; } = [];

    public bool Passed => !Fields.TryGetValue("pass", out var pass) || pass is true;

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"phase",-24} {"sent",8} {"answered",9} {"lost",6} {"dup",6} {"msg/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",9} {"bytes",7}");
        foreach (var p in Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{p.Name,-24} {p.Sent,8} {p.Answered,9} {p.Lost,6} {p.Duplicated,6} {p.Throughput,9:0} {p.P50,8:0.0} {p.P90,8:0.0} {p.P99,8:0.0} {p.Max,9:0.0} {p.AverageAnswerBytes,7:0}");
        }

        foreach (var note in Notes)
        {
            text.AppendLine(note);
        }

        return text.ToString();
    }

    public string JsonLine()
    {
        var fields = new Dictionary<string, object>(Fields);
        if (!fields.ContainsKey("scenario"))
        {
            fields["scenario"] = Scenario;
        }

        return JsonSerializer.Serialize(fields);
    }
}
