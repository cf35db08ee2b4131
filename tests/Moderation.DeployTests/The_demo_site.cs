using System.ComponentModel;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Moderation.DemoSite;

namespace Moderation.DeployTests;

/// <summary>The demo article site as compose and the Dockerfile run it, checked against the site's own code.</summary>
public sealed class The_demo_site
{
    static readonly YamlNode Service = YamlNode.Load(DeployFiles.Compose)["services"]["demo-site"];
    static readonly string Project = Path.Combine(DeployFiles.Root, "src", "Moderation.DemoSite", "Moderation.DemoSite.csproj");

    /// <summary><c>DemoSite:*</c> keys with the type each binds to, from <see cref="DemoSiteOptions"/>.</summary>
    static readonly Dictionary<string, Type> Keys = typeof(DemoSiteOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true })
        .ToDictionary(p => $"{DemoSiteOptions.Section}:{p.Name}", p => p.PropertyType, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Is_configured_in_compose_only_with_keys_it_reads_and_values_of_their_type()
    {
        var environment = Service["environment"].Entries.ToDictionary(e => e.Key, e => ConfigurationKeys.WithComposeDefaults(e.Value.Text ?? ""));
        Assert.NotEmpty(environment);

        var problems = new List<string>();
        foreach (var (variable, value) in environment)
        {
            var key = ConfigurationKeys.FromEnvironmentName(variable);
            if (ConfigurationKeys.HostVariablePrefixes.Any(p => variable.StartsWith(p, StringComparison.Ordinal)) || key.Equals("ConnectionStrings:RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Keys.TryGetValue(key, out var type))
            {
                problems.Add($"'{variable}': the demo site reads {string.Join(", ", Keys.Keys)} and ConnectionStrings:RabbitMq");
                continue;
            }

            try
            {
                TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFromInvariantString(value);
            }
            catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException || ex.InnerException is FormatException)
            {
                problems.Add($"'{variable}' = '{value}' is not a {type.Name}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(System.Environment.NewLine, problems));
    }

    [Fact]
    public void Is_a_client_of_the_contracts_only()
    {
        var references = XDocument.Load(Project).Descendants("ProjectReference").Select(r => Path.GetFileName(((string)r.Attribute("Include")!).Replace('\\', '/'))).ToList();

        Assert.Equal(["Moderation.Contracts.csproj"], references);
    }

    [Fact]
    public void Publishes_the_dll_the_image_starts()
    {
        var project = Service["build"]["args"]["PROJECT"].Required;
        var dll = Dockerfile.Load(DeployFiles.Dockerfile).FinalEnv("APP_DLL")!.Replace("${PROJECT}", project, StringComparison.Ordinal);

        Assert.Equal($"{typeof(DemoSiteOptions).Assembly.GetName().Name}.dll", dll);
        Assert.Equal(Path.GetFileNameWithoutExtension(Project), project);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(Project)!, "wwwroot", "index.html")), "the page ships from wwwroot/");
    }

    [Fact]
    public async Task Passes_the_image_health_check()
    {
        await using var site = new LiveSite();

        Assert.Equal(0, await The_dockerfile.RunAsync(The_dockerfile.HealthCheckCommand(), site.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The site on a loopback port, without a broker; liveness needs nothing else.</summary>
    sealed class LiveSite : WebApplicationFactory<DemoSiteOptions>
    {
        public LiveSite()
        {
            UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
            StartServer();
            Port = ClientOptions.BaseAddress.Port;
        }

        public int Port { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:RabbitMq", "");
            builder.UseSetting("DemoSite:ModerationUrl", "http://127.0.0.1:9/");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
