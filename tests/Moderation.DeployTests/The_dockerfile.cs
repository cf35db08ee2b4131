using System.Diagnostics;
using Moderation.Service.Scoring;

namespace Moderation.DeployTests;

public sealed class The_dockerfile(RunningService service)
{
    static readonly Dockerfile File = Dockerfile.Load(DeployFiles.Dockerfile);

    [Fact]
    public void Builds_in_stages_from_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        var froms = File.Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();
        Assert.True(froms.Count >= 2, "multi-stage: an SDK stage that builds and a runtime stage that runs");
        Assert.All(froms[..^1], from => Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", from));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", froms[^1]);
        Assert.StartsWith("10.0", File.GlobalArgDefault("DOTNET_TAG"));
    }

    [Fact]
    public void Publishes_the_service_by_default_and_any_project_named_by_the_PROJECT_argument()
    {
        Assert.Equal("Moderation.Service", File.GlobalArgDefault("PROJECT"));
        Assert.True(System.IO.File.Exists(Path.Combine(DeployFiles.Root, "src", "Moderation.Service", "Moderation.Service.csproj")));
        var publish = Assert.Single(File.Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("src/${PROJECT}/${PROJECT}.csproj", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish.Arguments, StringComparison.Ordinal);
        Assert.Equal("${PROJECT}.dll", File.FinalEnv("APP_DLL"));
    }

    [Fact]
    public void Restores_before_copying_the_sources_so_the_restore_layer_stays_cached()
    {
        var build = File.Instructions.Where(i => i.Stage == File.Instructions.Single(x => x.Keyword == "RUN" && x.Arguments.Contains("dotnet restore", StringComparison.Ordinal)).Stage).ToList();
        var restore = build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var sources = build.FindIndex(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal) && i.Arguments.StartsWith("src/", StringComparison.Ordinal));
        Assert.True(restore >= 0 && sources > restore, "dotnet restore runs on the project files before the sources are copied");
        Assert.Contains(build.Take(restore), i => i.Keyword == "COPY" && i.Arguments.Contains("Directory.Packages.props", StringComparison.Ordinal));
    }

    [Fact]
    public void Ships_the_model_where_the_service_looks_for_it_by_default()
    {
        var workdir = File.FinalStage.Last(i => i.Keyword == "WORKDIR").Arguments;
        var copy = Assert.Single(File.FinalStage, i => i.Keyword == "COPY" && i.Arguments.StartsWith("models/moderation-model.zip", StringComparison.Ordinal));
        var destination = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Equal("/app/models/", destination);
        Assert.Equal(Path.Combine(destination, "moderation-model.zip"), Path.Combine(workdir, new ModelOptions().Path));
        Assert.True(System.IO.File.Exists(RepositoryPaths.Model));
    }

    [Fact]
    public void Runs_as_the_non_root_app_user()
    {
        // APP_UID (1654) is set by the .NET images; deploy/k8s/deployment.yaml runs as the same uid.
        var user = Assert.Single(File.FinalStage, i => i.Keyword == "USER").Arguments;
        Assert.Equal("$APP_UID", user);
    }

    [Fact]
    public void Exposes_the_port_the_service_listens_on()
    {
        var expose = File.FinalStage.Single(i => i.Keyword == "EXPOSE").Arguments;
        Assert.Equal(File.FinalEnv("ASPNETCORE_HTTP_PORTS"), expose);
    }

    [Fact]
    public void Health_check_asks_the_liveness_endpoint()
    {
        var healthcheck = Assert.Single(File.FinalStage, i => i.Keyword == "HEALTHCHECK");
        Assert.Contains("CMD", healthcheck.Arguments, StringComparison.Ordinal);
        Assert.Contains("/health/live", HealthCheckCommand(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_check_command_passes_against_the_running_service_and_fails_without_it()
    {
        var command = HealthCheckCommand();
        Assert.Equal(0, await RunAsync(command, service.App.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var unused = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        unused.Start();
        var closedPort = ((System.Net.IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();
        Assert.NotEqual(0, await RunAsync(command, $"{closedPort};{service.App.BaseAddress.Port}"));
    }

    [Fact]
    public void Build_context_keeps_what_the_build_needs()
    {
        var ignored = System.IO.File.ReadAllLines(DeployFiles.DockerIgnore).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var needed in new[] { "src", "src/", "models", "models/", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "*" })
        {
            Assert.DoesNotContain(needed, ignored);
        }
    }

    /// <summary>The exec-form HEALTHCHECK's bash script.</summary>
    internal static string HealthCheckCommand()
    {
        var arguments = File.FinalStage.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        var json = arguments[arguments.IndexOf("CMD", StringComparison.Ordinal)..][3..].Trim();
        var exec = System.Text.Json.JsonSerializer.Deserialize<string[]>(json)!;
        Assert.Equal(["bash", "-c"], exec[..2]);
        return exec[2];
    }

    /// <summary>Runs the command as Docker would inside the container (bash, ASPNETCORE_HTTP_PORTS set), bounded in time.</summary>
    internal static async Task<int> RunAsync(string command, string ports)
    {
        var start = new ProcessStartInfo("bash") { ArgumentList = { "-c", command }, RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["ASPNETCORE_HTTP_PORTS"] = ports;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the health check command did not finish within 10 s");
        }

        return process.ExitCode;
    }
}
