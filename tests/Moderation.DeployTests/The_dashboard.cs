namespace Moderation.DeployTests;

public sealed class The_dashboard(RunningService service)
{
    /// <summary>Series Prometheus makes itself for every target, never on <c>/metrics</c>.</summary>
    static readonly HashSet<string> Synthetic = ["up"];

    /// <summary>Labels Prometheus adds to every scraped series.</summary>
    static readonly HashSet<string> TargetLabels = ["job", "instance"];

    static readonly Dashboard Board = Dashboard.Load();

    [Fact]
    public void Queries_only_metrics_the_service_exposes()
    {
        var missing = Board.MetricNames.Where(n => !Synthetic.Contains(n) && service.Metrics.FamilyOf(n) is null).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"the dashboard queries metrics that /metrics does not expose: {string.Join(", ", missing)}");
        Assert.True(Board.MetricNames.Count >= 15, "the dashboard's queries were found");
    }

    [Fact]
    public void Filters_and_groups_only_by_labels_the_metrics_carry()
    {
        var problems = new List<string>();
        foreach (var (where, promQl) in Board.PanelExpressions)
        {
            var query = PromQl.Parse(promQl);
            foreach (var selector in query.Selectors.Where(s => !Synthetic.Contains(s.Metric)))
            {
                var labels = service.Metrics.LabelsOf(selector.Metric);
                problems.AddRange(selector.MatcherLabels.Where(l => !TargetLabels.Contains(l) && !labels.Contains(l))
                    .Select(l => $"{where}: {selector.Metric} has no label '{l}' (it has {string.Join(", ", labels)})"));
            }

            var available = query.Selectors.Where(s => !Synthetic.Contains(s.Metric)).SelectMany(s => service.Metrics.LabelsOf(s.Metric)).ToHashSet();
            problems.AddRange(query.GroupingLabels.Where(l => !TargetLabels.Contains(l) && !available.Contains(l))
                .Select(l => $"{where}: groups by '{l}', which none of its metrics carries"));
        }

        foreach (var (where, variable) in Board.VariableQueries)
        {
            var parsed = PromQl.ParseLabelValues(variable);
            Assert.True(parsed is not null, $"{where}: expected label_values(selector, label), found {variable}");
            var (query, label) = parsed.Value;
            var metric = Assert.Single(query.Selectors).Metric;
            if (!TargetLabels.Contains(label) && !service.Metrics.LabelsOf(metric).Contains(label))
            {
                problems.Add($"{where}: {metric} has no label '{label}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Shows_every_metric_of_the_service()
    {
        var queried = Board.MetricNames.Select(n => service.Metrics.FamilyOf(n)).OfType<string>().ToHashSet();
        var ours = service.Metrics.Families.Where(f => f.StartsWith("moderation_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(ours);
        var missing = ours.Where(f => !queried.Contains(f)).ToList();
        Assert.True(missing.Count == 0, $"metrics of the service that no dashboard panel shows: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Combines_the_review_backlog_of_the_replicas_with_max()
    {
        // Every replica reads the same database: summing would count the backlog once per replica.
        var backlog = Board.PanelExpressions.Where(e => e.PromQl.Contains("moderation_review_backlog", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(backlog);
        Assert.All(backlog, e => Assert.Matches(@"\bmax\b(\s+by\s*\([^)]*\))?\s*\(\s*moderation_review_backlog", e.PromQl));
    }

    [Fact]
    public void Has_the_panels_an_operator_needs()
    {
        var all = string.Join('\n', Board.PanelExpressions.Select(e => e.PromQl));
        foreach (var needed in new[]
        {
            "moderation_comments_received", "moderation_verdicts", "moderation_submissions_invalid", "moderation_moderator_decisions",
            "moderation_reader_reports", "moderation_review_backlog", "moderation_model_info", "up{",
            "histogram_quantile(0.5, sum by (le) (rate(moderation_verdict_latency_seconds_bucket",
            "histogram_quantile(0.99, sum by (le) (rate(moderation_verdict_latency_seconds_bucket",
            "histogram_quantile(0.99, sum by (le) (rate(moderation_scoring_duration_seconds_bucket",
            "http_response_status_code=~\"5..\"", "masstransit_messaging_masstransit_consume_errors",
        })
        {
            Assert.Contains(needed, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Is_well_formed_for_grafana()
    {
        var panels = Board.Panels;
        Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
        Assert.Equal("moderation-overview", (string?)Board.Json["uid"]);
        foreach (var panel in panels.Where(p => (string?)p["type"] != "row"))
        {
            var targets = panel["targets"]!.AsArray();
            Assert.NotEmpty(targets);
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace((string?)t!["expr"]), $"panel '{panel["title"]}' has an empty query"));
            Assert.Equal("${datasource}", (string?)panel["datasource"]?["uid"]);
        }

        var variables = Board.Variables.ToDictionary(v => (string)v["name"]!);
        Assert.Equal("datasource", (string?)variables["datasource"]["type"]);
        Assert.Equal("prometheus", (string?)variables["datasource"]["query"]);
        Assert.True((bool?)variables["site"]["includeAll"]);
        Assert.All(Board.PanelExpressions.Where(e => e.PromQl.Contains("moderation_comments_received", StringComparison.Ordinal)),
            e => Assert.Contains("site=~\"$site\"", e.PromQl, StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_the_provisioned_prometheus_datasource()
    {
        var datasource = Assert.Single(YamlNode.Load(DeployFiles.GrafanaDatasources)["datasources"].Items);
        Assert.Equal("prometheus", datasource["type"].Text);
        var url = new Uri(datasource["url"].Required);
        Assert.Equal("prometheus", url.Host);
        var compose = YamlNode.Load(DeployFiles.Compose)["services"];
        Assert.Contains(compose["prometheus"]["ports"].Items, p => DeployFiles.ContainerPort(p.Required) == url.Port);
        var current = Board.Variables.Single(v => (string?)v["name"] == "datasource")["current"]!;
        Assert.Equal(datasource["uid"].Text, (string?)current["value"]);
    }

    [Fact]
    public void Prometheus_scrapes_both_replicas_on_the_service_port_at_metrics()
    {
        var prometheus = YamlNode.Load(DeployFiles.Prometheus);
        var job = Assert.Single(prometheus["scrape_configs"].Items, j => j["job_name"].Text == "moderation");
        Assert.Equal("/metrics", job["metrics_path"].Text ?? "/metrics");
        var targets = job["static_configs"].Items.SelectMany(c => c["targets"].Items.Select(t => t.Required)).ToList();

        var port = Dockerfile.Load(DeployFiles.Dockerfile).FinalEnv("ASPNETCORE_HTTP_PORTS");
        Assert.Equal(DeployFiles.Replicas.Select(r => $"{r}:{port}").Order(StringComparer.Ordinal), targets.Order(StringComparer.Ordinal));
        Assert.Contains("moderation_comments_received", service.Metrics.Raw, StringComparison.Ordinal);

        var jobVariable = Board.Variables.Single(v => (string?)v["name"] == "job");
        Assert.Equal("moderation", (string?)jobVariable["current"]!["value"]);
    }
}
