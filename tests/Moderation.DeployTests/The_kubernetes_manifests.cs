using System.Net;
using Moderation.Service.Ingestion;
using Moderation.Service.Messaging;

namespace Moderation.DeployTests;

public sealed class The_kubernetes_manifests(RunningService service)
{
    static readonly IReadOnlyList<YamlNode> Documents = Directory.GetFiles(DeployFiles.Kubernetes, "*.yaml")
        .Where(f => Path.GetFileName(f) != "kustomization.yaml")
        .Order(StringComparer.Ordinal)
        .SelectMany(YamlNode.LoadAll)
        .ToList();

    static readonly YamlNode Kustomization = YamlNode.Load(Path.Combine(DeployFiles.Kubernetes, "kustomization.yaml"));
    static readonly YamlNode Deployment = Single("Deployment");
    static readonly YamlNode PodSpec = Deployment["spec"]["template"]["spec"];
    static readonly YamlNode Container = Assert.Single(PodSpec["containers"].Items);

    [Fact]
    public void Parse_and_each_document_names_its_kind()
    {
        Assert.NotEmpty(Documents);
        foreach (var document in Documents)
        {
            Assert.False(string.IsNullOrEmpty(document["apiVersion"].Text), $"{document}: apiVersion");
            Assert.False(string.IsNullOrEmpty(document["kind"].Text), $"{document}: kind");
            Assert.False(string.IsNullOrEmpty(document["metadata"]["name"].Text), $"{document}: metadata.name");
        }

        foreach (var kind in new[] { "Namespace", "ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget", "ScaledObject", "TriggerAuthentication" })
        {
            Single(kind);
        }
    }

    [Fact]
    public void Kustomization_lists_every_manifest_but_the_example_secret()
    {
        var resources = Kustomization["resources"].Items.Select(r => r.Required).ToList();
        foreach (var resource in resources)
        {
            Assert.True(File.Exists(Path.Combine(DeployFiles.Kubernetes, resource)), $"kustomization.yaml lists {resource}, which does not exist");
        }

        var manifests = Directory.GetFiles(DeployFiles.Kubernetes, "*.yaml").Select(Path.GetFileName).Where(f => f is not ("kustomization.yaml" or "secret.example.yaml"));
        Assert.Equal(manifests.Order(StringComparer.Ordinal), resources.Order(StringComparer.Ordinal));
        Assert.Equal(Single("Namespace")["metadata"]["name"].Required, Kustomization["namespace"].Required);
        Assert.Contains(Kustomization["images"].Items, i => i["name"].Text == Container["image"].Required.Split(':')[0]);
    }

    [Fact]
    public void Deployment_runs_several_replicas_with_resources()
    {
        Assert.True(int.Parse(Deployment["spec"]["replicas"].Required, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("0", Deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"].Text);
        Assert.True(Container["resources"]["requests"]["cpu"].Exists && Container["resources"]["requests"]["memory"].Exists);
        Assert.True(Container["resources"]["limits"]["memory"].Exists);
        Assert.Subset(Labels(Deployment["spec"]["template"]["metadata"]["labels"]), Labels(Deployment["spec"]["selector"]["matchLabels"]));
    }

    [Fact]
    public void Deployment_probes_the_health_endpoints_on_the_container_port()
    {
        Assert.Equal("/health/ready", Container["readinessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/health/live", Container["livenessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/health/live", Container["startupProbe"]["httpGet"]["path"].Text);
        var containerPort = ContainerPort();
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            Assert.Equal(containerPort, ResolvePort(Container[probe]["httpGet"]["port"].Required));
        }

        var image = Dockerfile.Load(DeployFiles.Dockerfile);
        Assert.Equal(image.FinalEnv("ASPNETCORE_HTTP_PORTS"), containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var portVariable = Container["env"].Items.SingleOrDefault(e => e["name"].Text == "ASPNETCORE_HTTP_PORTS");
        Assert.True(portVariable is null || portVariable["value"].Text == containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/metrics", Deployment["spec"]["template"]["metadata"]["annotations"]["prometheus.io/path"].Text);
        Assert.Equal(containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Deployment["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"].Text);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_paths_answer_200_on_the_running_service(string path)
    {
        using var http = service.App.CreateClient();
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(path, new[] { Container["readinessProbe"], Container["livenessProbe"] }.Select(p => p["httpGet"]["path"].Text));
    }

    [Fact]
    public void Service_targets_the_container_port_and_selects_the_pods()
    {
        var kubernetesService = Single("Service");
        var port = Assert.Single(kubernetesService["spec"]["ports"].Items);
        Assert.Equal(ContainerPort(), ResolvePort(port["targetPort"].Required));
        Assert.Subset(Labels(Deployment["spec"]["template"]["metadata"]["labels"]), Labels(kubernetesService["spec"]["selector"]));
    }

    [Fact]
    public void Pods_run_as_non_root_on_a_read_only_root_filesystem()
    {
        Assert.Equal("true", PodSpec["securityContext"]["runAsNonRoot"].Text);
        Assert.NotEqual("0", PodSpec["securityContext"]["runAsUser"].Text);
        Assert.Equal("true", Container["securityContext"]["readOnlyRootFilesystem"].Text);
        Assert.Equal("false", Container["securityContext"]["allowPrivilegeEscalation"].Text);
        Assert.Contains("ALL", Container["securityContext"]["capabilities"]["drop"].Items.Select(i => i.Text));
        var tmp = Assert.Single(Container["volumeMounts"].Items, m => m["mountPath"].Text == "/tmp");
        Assert.Contains(PodSpec["volumes"].Items, v => v["name"].Text == tmp["name"].Text && v["emptyDir"].Exists);
    }

    [Fact]
    public void Environment_comes_from_the_config_map_and_the_secret()
    {
        var sources = Container["envFrom"].Items;
        Assert.Contains(sources, s => s["configMapRef"]["name"].Text == Single("ConfigMap")["metadata"]["name"].Text);
        Assert.Contains(sources, s => s["secretRef"]["name"].Text == Single("Secret")["metadata"]["name"].Text);
    }

    [Theory]
    [InlineData("ConfigMap", "data")]
    [InlineData("Secret", "stringData")]
    public void Config_map_and_secret_set_only_keys_the_service_reads(string kind, string field)
    {
        var data = Single(kind)[field].Entries.ToDictionary(e => e.Key, e => e.Value.Text ?? "");
        Assert.NotEmpty(data);
        var problems = data.Keys.Select(ConfigurationKeys.ProblemWithVariable)
            .Concat(data.Select(e => ConfigurationKeys.ProblemWithValue(ConfigurationKeys.FromEnvironmentName(e.Key), e.Value)))
            .OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Secrets_live_in_the_secret_and_the_rest_in_the_config_map()
    {
        var secret = Single("Secret")["stringData"].Keys.ToHashSet();
        Assert.Equal(new HashSet<string> { "ConnectionStrings__RabbitMq", "ConnectionStrings__Postgres", "Moderation__Auth__AdminApiKey", "Moderation__Privacy__HashKey" }, secret);
        Assert.Empty(Single("ConfigMap")["data"].Keys.Intersect(secret));
    }

    [Fact]
    public void Config_map_keeps_the_quorum_queues_default()
    {
        Assert.True(new MessagingOptions().QuorumQueues);
        Assert.Equal("true", Single("ConfigMap")["data"]["Moderation__Messaging__QuorumQueues"].Text);
    }

    [Fact]
    public void Keda_scales_the_deployment_on_the_submit_comment_queue_depth()
    {
        var scaledObject = Single("ScaledObject");
        Assert.Equal(Deployment["metadata"]["name"].Required, scaledObject["spec"]["scaleTargetRef"]["name"].Text);
        var trigger = Assert.Single(scaledObject["spec"]["triggers"].Items);
        Assert.Equal("rabbitmq", trigger["type"].Text);
        Assert.Equal(SubmitCommentConsumerDefinition.QueueName, trigger["metadata"]["queueName"].Text);
        Assert.Equal("submit-comment", trigger["metadata"]["queueName"].Text);
        Assert.Equal("QueueLength", trigger["metadata"]["mode"].Text);
        Assert.True(int.Parse(scaledObject["spec"]["minReplicaCount"].Required, System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var authentication = Single("TriggerAuthentication");
        Assert.Equal(authentication["metadata"]["name"].Text, trigger["authenticationRef"]["name"].Text);
        var host = Assert.Single(authentication["spec"]["secretTargetRef"].Items, r => r["parameter"].Text == "host");
        var secret = Single("Secret");
        Assert.Equal(secret["metadata"]["name"].Text, host["name"].Text);
        Assert.Contains(host["key"].Required, secret["stringData"].Keys);
    }

    [Fact]
    public void Disruption_budget_keeps_one_replica_of_the_deployment()
    {
        var budget = Single("PodDisruptionBudget");
        Assert.Equal("1", budget["spec"]["minAvailable"].Text);
        Assert.Subset(Labels(Deployment["spec"]["template"]["metadata"]["labels"]), Labels(budget["spec"]["selector"]["matchLabels"]));
    }

    static YamlNode Single(string kind) => Assert.Single(Documents, d => d["kind"].Text == kind);

    static int ContainerPort() => int.Parse(Assert.Single(Container["ports"].Items)["containerPort"].Required, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A port as probes and Services give it: a number, or the name of a container port.</summary>
    static int ResolvePort(string port) => int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var number)
        ? number
        : int.Parse(Assert.Single(Container["ports"].Items, p => p["name"].Text == port)["containerPort"].Required, System.Globalization.CultureInfo.InvariantCulture);

    static HashSet<KeyValuePair<string, string>> Labels(YamlNode labels) => labels.Entries.Select(e => KeyValuePair.Create(e.Key, e.Value.Text ?? "")).ToHashSet();
}
