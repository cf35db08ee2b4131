namespace Moderation.DeployTests;

/// <summary>The deployment files under test, from the repository root.</summary>
public static class DeployFiles
{
    public static string Root => RepositoryPaths.Root;
    public static string Compose => Path.Combine(Root, "docker-compose.yml");
    public static string EnvExample => Path.Combine(Root, ".env.example");
    public static string DockerIgnore => Path.Combine(Root, ".dockerignore");
    public static string Dockerfile => Path.Combine(Root, "deploy", "Dockerfile");
    public static string Prometheus => Path.Combine(Root, "deploy", "prometheus", "prometheus.yml");
    public static string GrafanaDatasources => Path.Combine(Root, "deploy", "grafana", "provisioning", "datasources", "prometheus.yml");
    public static string GrafanaDashboards => Path.Combine(Root, "deploy", "grafana", "provisioning", "dashboards", "dashboards.yml");
    public static string Dashboard => Path.Combine(Root, "deploy", "grafana", "dashboards", "moderation.json");
    public static string Kubernetes => Path.Combine(Root, "deploy", "k8s");
    public static string ServiceSource => Path.Combine(Root, "src", "Moderation.Service");

    /// <summary>The moderation replicas of docker-compose.yml.</summary>
    public static IReadOnlyList<string> Replicas { get; } = ["moderation-1", "moderation-2"];

    /// <summary>"host:container[/proto]" or "ip:host:container" (compose interpolation resolved) → the container port.</summary>
    public static int ContainerPort(string mapping)
    {
        var withoutProtocol = ConfigurationKeys.WithComposeDefaults(mapping).Split('/')[0];
        return int.Parse(withoutProtocol.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The host side of a port mapping ("ip:host:container" or "host:container").</summary>
    public static string HostBinding(string mapping)
    {
        var parts = ConfigurationKeys.WithComposeDefaults(mapping).Split('/')[0].Split(':');
        return string.Join(':', parts[..^1]);
    }
}
