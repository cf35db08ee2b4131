namespace Moderation.DeployTests;

public sealed class The_compose_file
{
    static readonly YamlNode Compose = YamlNode.Load(DeployFiles.Compose);
    static readonly YamlNode Services = Compose["services"];
    static readonly Dockerfile Image = Dockerfile.Load(DeployFiles.Dockerfile);
    static readonly int ServicePort = int.Parse(Image.FinalEnv("ASPNETCORE_HTTP_PORTS")!, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string> Replicas => [.. DeployFiles.Replicas];

    [Fact]
    public void Has_every_service_of_the_stack()
    {
        Assert.Subset(Services.Keys.ToHashSet(), new HashSet<string> { "rabbitmq", "postgres", "moderation-1", "moderation-2", "demo-site", "prometheus", "grafana" });
    }

    [Fact]
    public void Runs_rabbitmq_with_the_management_plugin_and_postgres_with_a_volume()
    {
        Assert.Matches(@"^rabbitmq:3(\.\d+)*-management", Services["rabbitmq"]["image"].Required);
        Assert.Matches(@"^postgres:1[56]", Services["postgres"]["image"].Required);
        Assert.Contains(Services["rabbitmq"]["ports"].Items, p => DeployFiles.ContainerPort(p.Required) == 15672);
        Assert.Contains(Services["rabbitmq"]["ports"].Items, p => DeployFiles.ContainerPort(p.Required) == 5672);
        Assert.Equal("rabbitmq", Services["rabbitmq"]["hostname"].Text);

        var volume = Assert.Single(Services["postgres"]["volumes"].Items, v => v.Required.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal)).Required.Split(':')[0];
        Assert.Contains(volume, Compose["volumes"].Keys);
    }

    [Fact]
    public void Builds_the_replicas_and_the_demo_site_from_the_one_dockerfile()
    {
        foreach (var (name, project) in DeployFiles.Replicas.Select(r => (r, "Moderation.Service")).Append(("demo-site", "Moderation.DemoSite")))
        {
            var build = Services[name]["build"];
            Assert.Equal(".", build["context"].Required);
            Assert.Equal("deploy/Dockerfile", build["dockerfile"].Required);
            Assert.True(File.Exists(Path.Combine(DeployFiles.Root, build["dockerfile"].Required)));
            Assert.Equal(project, build["args"]["PROJECT"].Required);
        }

        Assert.Single(DeployFiles.Replicas.Select(r => Services[r]["image"].Required).Distinct());
        Assert.NotEqual(Services["moderation-1"]["image"].Required, Services["demo-site"]["image"].Required);
        Assert.StartsWith("prom/prometheus:", Services["prometheus"]["image"].Required, StringComparison.Ordinal);
        Assert.StartsWith("grafana/grafana", Services["grafana"]["image"].Required, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishes_each_service_port_once_on_the_host()
    {
        foreach (var replica in DeployFiles.Replicas.Append("demo-site"))
        {
            Assert.Contains(Services[replica]["ports"].Items, p => DeployFiles.ContainerPort(p.Required) == ServicePort);
        }

        Assert.Contains(Services["prometheus"]["ports"].Items, p => DeployFiles.ContainerPort(p.Required) == 9090);
        Assert.Contains(Services["grafana"]["ports"].Items, p => DeployFiles.ContainerPort(p.Required) == 3000);
        var hostBindings = Services.Entries.SelectMany(s => s.Value["ports"].Items.Select(p => DeployFiles.HostBinding(p.Required))).ToList();
        Assert.Equal(hostBindings.Count, hostBindings.Distinct().Count());
    }

    [Fact]
    public void Waits_for_healthy_dependencies_and_every_awaited_service_has_a_health_check()
    {
        foreach (var replica in DeployFiles.Replicas)
        {
            Assert.Equal("service_healthy", Services[replica]["depends_on"]["rabbitmq"]["condition"].Text);
            Assert.Equal("service_healthy", Services[replica]["depends_on"]["postgres"]["condition"].Text);
        }

        Assert.Equal("service_healthy", Services["demo-site"]["depends_on"]["rabbitmq"]["condition"].Text);
        Assert.Equal("service_healthy", Services["demo-site"]["depends_on"]["moderation-1"]["condition"].Text);

        foreach (var (name, service) in Services.Entries)
        {
            foreach (var (dependency, how) in service["depends_on"].Entries)
            {
                Assert.Contains(dependency, Services.Keys);
                if (how["condition"].Text == "service_healthy")
                {
                    var target = Services[dependency];
                    var fromImage = target["build"]["dockerfile"].Text == "deploy/Dockerfile" && Image.FinalStage.Any(i => i.Keyword == "HEALTHCHECK");
                    Assert.True(target["healthcheck"]["test"].Exists || fromImage, $"{name} waits for {dependency} to be healthy, which has no health check");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Replicas))]
    public void Configures_the_replicas_only_with_keys_the_service_reads(string replica)
    {
        var environment = Environment(Services[replica]);
        Assert.NotEmpty(environment);
        var problems = environment.Keys.Select(ConfigurationKeys.ProblemWithVariable)
            .Concat(environment.Select(e => ConfigurationKeys.ProblemWithValue(ConfigurationKeys.FromEnvironmentName(e.Key), ConfigurationKeys.WithComposeDefaults(e.Value))))
            .OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join(System.Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Replicas))]
    public void Points_the_replicas_at_the_broker_and_the_database_of_the_stack(string replica)
    {
        var environment = Environment(Services[replica]);
        var rabbitMq = new Uri(ConfigurationKeys.WithComposeDefaults(environment["ConnectionStrings__RabbitMq"]));
        Assert.Equal("amqp", rabbitMq.Scheme);
        Assert.Equal("rabbitmq", rabbitMq.Host);
        Assert.Equal(5672, rabbitMq.Port);
        Assert.Contains("Host=postgres;", environment["ConnectionStrings__Postgres"], StringComparison.Ordinal);
        Assert.Matches(@"^\$\{MODERATION_ADMIN_KEY:\?.+\}$", environment["Moderation__Auth__AdminApiKey"]);
        Assert.True(environment.ContainsKey("Moderation__Privacy__HashKey"));
        Assert.Equal("true", environment["Moderation__Logging__Json"]);
    }

    [Fact]
    public void Configures_the_replicas_identically()
    {
        var first = Environment(Services[DeployFiles.Replicas[0]]);
        foreach (var replica in DeployFiles.Replicas.Skip(1))
        {
            Assert.Equal(first, Environment(Services[replica]));
        }
    }

    [Fact]
    public void Points_the_demo_site_at_the_broker_and_the_first_replica()
    {
        var environment = Environment(Services["demo-site"]);
        Assert.Equal("rabbitmq", new Uri(ConfigurationKeys.WithComposeDefaults(environment["ConnectionStrings__RabbitMq"])).Host);
        Assert.Equal($"http://moderation-1:{ServicePort}", environment["DemoSite__ModerationUrl"]);
    }

    [Fact]
    public void Mounts_the_prometheus_and_grafana_configuration_from_deploy()
    {
        Assert.Contains(Services["prometheus"]["volumes"].Items, v => v.Required.StartsWith("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml", StringComparison.Ordinal));
        Assert.Contains(Services["grafana"]["volumes"].Items, v => v.Required.StartsWith("./deploy/grafana/provisioning:/etc/grafana/provisioning", StringComparison.Ordinal));

        var dashboards = Assert.Single(Services["grafana"]["volumes"].Items, v => v.Required.StartsWith("./deploy/grafana/dashboards:", StringComparison.Ordinal)).Required.Split(':')[1];
        var provider = Assert.Single(YamlNode.Load(DeployFiles.GrafanaDashboards)["providers"].Items);
        Assert.Equal("file", provider["type"].Text);
        Assert.Equal(dashboards, provider["options"]["path"].Required);

        var grafana = Environment(Services["grafana"]);
        Assert.Equal("true", grafana["GF_AUTH_ANONYMOUS_ENABLED"]);
        Assert.Equal("Viewer", grafana["GF_AUTH_ANONYMOUS_ORG_ROLE"]);
        Assert.StartsWith(dashboards + "/", grafana["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DeployFiles.Root, "deploy", "grafana", "dashboards", Path.GetFileName(grafana["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]))));
    }

    [Fact]
    public void Mounts_only_files_that_exist()
    {
        foreach (var (name, service) in Services.Entries)
        {
            foreach (var source in service["volumes"].Items.Select(v => v.Required.Split(':')[0]).Where(s => s.StartsWith("./", StringComparison.Ordinal)))
            {
                var path = Path.Combine(DeployFiles.Root, source[2..]);
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{name} mounts {source}, which does not exist");
            }
        }
    }

    [Fact]
    public void Documents_every_variable_it_uses_in_env_example()
    {
        var documented = File.ReadAllLines(DeployFiles.EnvExample).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split('=')[0].Trim()).ToHashSet();
        var used = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(DeployFiles.Compose), @"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")
            .Select(m => m.Groups["name"].Value).ToHashSet();
        Assert.Empty(used.Except(documented));
    }

    /// <summary>A service's environment, from either the map or the list ("KEY=value") form.</summary>
    static Dictionary<string, string> Environment(YamlNode service)
    {
        var environment = service["environment"];
        return environment.IsMap
            ? environment.Entries.ToDictionary(e => e.Key, e => e.Value.Text ?? "")
            : environment.Items.Select(i => i.Required.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
    }
}
