using Moderation.LoadTest;

namespace Moderation.IntegrationTests;

/// <summary>
/// Runs after every other class, alone: these tests stop and start the shared RabbitMQ and PostgreSQL.
/// </summary>
[CollectionDefinition(nameof(FaultsRunAlone), DisableParallelization = true)]
public sealed class FaultsRunAlone;

/// <summary>
/// The reduced fault suite (bench/run-faults.sh runs the full sizes): the published service as a real process, real
/// RabbitMQ and PostgreSQL, and the load tool's runner, each on a vhost and database of its own. Every run must lose
/// nothing; where comments flow, each must end with exactly one stored automatic decision.
/// </summary>
[Collection(nameof(FaultsRunAlone))]
[Trait("Category", "Faults")]
public sealed class Surviving_faults(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_sigkills_lose_no_comment_and_store_one_automatic_decision_each()
    {
        var report = await RunAsync(Options("kill-service") with { FaultCount = 3000 });

        Assert.Equal(3, report.Fields["kills"]);
        Assert.Equal(0L, report.Fields["lost"]);
        Assert.Equal(3000L, report.Fields["db_comments"]);
        Assert.Equal(0L, report.Fields["db_not_exactly_one"]);
    }

    [Fact]
    public async Task A_rabbitmq_restart_is_survived_without_restarting_the_service()
    {
        var report = await RunAsync(Options("restart-rabbitmq") with { FaultCount = 3000 });

        Assert.Equal(0, report.Fields["service_restarts"]);
        Assert.Equal(0L, report.Fields["lost"]);
        Assert.Equal(0L, report.Fields["db_not_exactly_one"]);
        Assert.True(report.Passed, report.JsonLine());
    }

    [Fact]
    public async Task A_postgresql_outage_is_ridden_out_and_readiness_follows_it()
    {
        var report = await RunAsync(Options("postgres-down") with { FaultCount = 3000, PostgresDownFor = TimeSpan.FromSeconds(15) });

        Assert.True((double)report.Fields["not_ready_after_s"] >= 0, "/health/ready never went not-ready while PostgreSQL was down");
        Assert.True((double)report.Fields["ready_again_after_s"] < 120, "/health/ready did not come back");
        Assert.Equal(0L, report.Fields["lost"]);
        Assert.Equal(0L, report.Fields["db_not_exactly_one"]);
        Assert.Equal(0, report.Fields["service_restarts"]);
    }

    [Fact]
    public async Task Twenty_kinds_of_bad_input_are_all_answered_and_the_service_stays_healthy()
    {
        var report = await RunAsync(Options("bad-input") with { BadPerKind = 10 });

        Assert.Equal(20, report.Fields["kinds"]);
        Assert.Equal(0L, report.Fields["lost"]);
        Assert.Equal(0, report.Fields["crashes"]);
        Assert.Equal(true, report.Fields["ready"]);
        Assert.Equal(0L, report.Fields["queue_left"]);
    }

    [Fact]
    public async Task Two_minutes_at_a_steady_rate_keep_memory_and_latency_flat()
    {
        var report = await RunAsync(Options("soak") with { SoakDuration = TimeSpan.FromMinutes(2), SoakRate = 200, Warmup = 1000 });

        Assert.Equal(0L, report.Fields["lost"]);
        Assert.True(report.Passed, report.Table() + report.JsonLine());
    }

    static LoadOptions Options(string fault) => new()
    {
        RabbitMq = RealServers.RabbitMq,
        RabbitMqManagement = RealServers.RabbitMqManagement,
        Postgres = RealServers.Postgres,
        ServiceDll = ServiceBuild.Dll,
        LogDirectory = Path.Combine(Path.GetTempPath(), $"moderation-faults-{Guid.NewGuid():N}"),
        Fault = fault,
        Warmup = 0,
        Window = 500,
        IdleTimeout = TimeSpan.FromSeconds(90),
    };

    async Task<RunReport> RunAsync(LoadOptions options)
    {
        var log = new StringWriter();
        try
        {
            var report = await new LoadRunner(options, log).RunAsync(TestContext.Current.CancellationToken);
            output.WriteLine(log.ToString());
            output.WriteLine(report.Table());
            output.WriteLine(report.JsonLine());
            return report;
        }
        catch
        {
            output.WriteLine(log.ToString());
            output.WriteLine($"service logs: {options.LogDirectory}");
            throw;
        }
    }
}

/// <summary>The service as built by <c>dotnet build</c> (./test.sh builds the solution first), run as a process.</summary>
public static class ServiceBuild
{
    public static string Dll
    {
        get
        {
            // The tests' own output folder names the configuration: .../bin/Release/net10.0/
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfm.Parent!.Name;
            var dll = Path.Combine(RepositoryPaths.Root, "src", "Moderation.Service", "bin", configuration, tfm.Name, "Moderation.Service.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"build the service first (dotnet build -c {configuration})", dll);
        }
    }
}
