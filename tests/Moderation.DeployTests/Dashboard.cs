using System.Text.Json.Nodes;

namespace Moderation.DeployTests;

/// <summary>deploy/grafana/dashboards/moderation.json: its panels, and every PromQL query in panels and variables.</summary>
public sealed class Dashboard
{
    public sealed record Expression(string Where, string PromQl);

    public JsonObject Json { get; }

    Dashboard(JsonObject json) => Json = json;

    public static Dashboard Load() => new(JsonNode.Parse(File.ReadAllText(DeployFiles.Dashboard))!.AsObject());

    /// <summary>Every panel, including those inside collapsed rows.</summary>
    public IReadOnlyList<JsonObject> Panels => Flatten(Json["panels"]!.AsArray()).ToList();

    public IReadOnlyList<JsonObject> Variables => Json["templating"]?["list"]?.AsArray().Select(v => v!.AsObject()).ToList() ?? [];

    /// <summary>The PromQL of every panel target.</summary>
    public IReadOnlyList<Expression> PanelExpressions => Panels
        .SelectMany(p => (p["targets"]?.AsArray() ?? []).Select(t => new Expression($"panel '{p["title"]}' {t!["refId"]}", (string?)t["expr"] ?? "")))
        .ToList();

    /// <summary>The queries of the query variables (<c>label_values(selector, label)</c>).</summary>
    public IReadOnlyList<Expression> VariableQueries => Variables
        .Where(v => (string?)v["type"] == "query")
        .Select(v => new Expression($"variable '{v["name"]}'", v["query"] is JsonObject q ? (string?)q["query"] ?? "" : (string?)v["query"] ?? ""))
        .ToList();

    /// <summary>Metric names of every query, panels and variables.</summary>
    public IReadOnlySet<string> MetricNames => PanelExpressions.SelectMany(e => PromQl.Parse(e.PromQl).Selectors)
        .Concat(VariableQueries.Select(v => PromQl.ParseLabelValues(v.PromQl)).Where(v => v is not null).SelectMany(v => v!.Value.Query.Selectors))
        .Select(s => s.Metric)
        .ToHashSet();

    static IEnumerable<JsonObject> Flatten(JsonArray panels)
    {
        foreach (var panel in panels.Select(p => p!.AsObject()))
        {
            yield return panel;
            if (panel["panels"] is JsonArray nested)
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
