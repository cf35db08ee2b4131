using System.Globalization;

namespace Moderation.LoadTest;

/// <summary>What to run. Defaults are the full run; <c>--quick</c> shrinks every size (smoke runs, CI).</summary>
public sealed record LoadOptions
{
    public required Uri RabbitMq { get; init; }
    public required Uri RabbitMqManagement { get; init; }
    public required string Postgres { get; init; }

    /// <summary>The published service (<c>Moderation.Service.dll</c>), run with <c>dotnet</c>.</summary>
    public required string ServiceDll { get; init; }

    public string LogDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "moderation-loadtest");

    /// <summary>Comments of the throughput phase, published as fast as the confirm window allows.</summary>
    public int Count { get; init; } = 50_000;

    /// <summary>Comments before measuring (JIT, pools, caches), not counted.</summary>
    public int Warmup { get; init; } = 5_000;

    /// <summary>Rate of the latency phase, comments per second.</summary>
    public double Rate { get; init; } = 1_000;

    /// <summary>Comments of the latency phase at <see cref="Rate"/>.</summary>
    public int LatencyCount { get; init; } = 30_000;

    /// <summary>Outstanding publisher confirms of the site publisher.</summary>
    public int Window { get; init; } = 1_000;

    public int Replicas { get; init; } = 1;

    public bool Baseline { get; init; } = true;

    /// <summary>none, kill-service, restart-rabbitmq, postgres-down, bad-input, soak.</summary>
    public string Fault { get; init; } = "none";

    /// <summary>Fault runs: comments in the run (kill-service, restart-rabbitmq, postgres-down).</summary>
    public int FaultCount { get; init; } = 100_000;

    /// <summary>Fault runs: publish rate (0: as fast as possible).</summary>
    public double FaultRate { get; init; }

    /// <summary>PostgreSQL outage of the postgres-down fault.</summary>
    public TimeSpan PostgresDownFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>bad-input: messages per kind of bad input.</summary>
    public int BadPerKind { get; init; } = 500;

    public TimeSpan SoakDuration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Soak rate; 0 means half of a short max-rate measurement made first.</summary>
    public double SoakRate { get; init; }

    /// <summary>Extra environment for the service replicas (KEY=VALUE), e.g. Moderation__Messaging__PrefetchCount=128.</summary>
    public Dictionary<string, string> ServiceEnvironment { get; init; } = [];

    /// <summary>Keep the vhost and database after the run (post-mortem).</summary>
    public bool Keep { get; init; }

    /// <summary>How long a phase may go without a new answer before it is declared stuck.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public static string Usage => """
        Moderation.LoadTest [options]
          --rabbitmq URI --management URI --postgres CS   servers (default: MODERATION_TEST_* from scripts/servers.sh)
          --service PATH         published Moderation.Service.dll
          --quick                small sizes (smoke run)
          --count N              throughput phase comments (default 50000)
          --warmup N             warm-up comments (default 5000)
          --rate R               latency phase rate per second (default 1000)
          --latency-count N      latency phase comments (default 30000)
          --window N             outstanding publisher confirms (default 1000)
          --replicas N           service replicas (default 1)
          --no-baseline          skip the raw RabbitMQ.Client baseline
          --fault KIND           kill-service | restart-rabbitmq | postgres-down | bad-input | soak
          --fault-count N        comments of a fault run (default 100000)
          --fault-rate R         publish rate of a fault run (default: as fast as possible)
          --bad-per-kind N       bad-input messages per kind (default 500)
          --soak-minutes M       soak duration (default 30)
          --soak-rate R          soak rate (default: half the measured maximum)
          --service-env K=V      extra environment for the service (repeatable)
          --logs DIR             service logs (default $TMPDIR/moderation-loadtest)
          --keep                 keep the vhost and database
        """;

    public static LoadOptions Parse(string[] args)
    {
        string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        var map = new Dictionary<string, string>();
        var flags = new HashSet<string>();
        var serviceEnvironment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--quick" or "--no-baseline" or "--keep" or "--help" or "-h")
            {
                flags.Add(arg);
            }
            else if (arg == "--service-env" && i + 1 < args.Length)
            {
                var pair = args[++i].Split('=', 2);
                serviceEnvironment[pair[0]] = pair.Length == 2 ? pair[1] : "";
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                map[arg[2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unknown argument '{arg}'\n{Usage}");
            }
        }

        if (flags.Contains("--help") || flags.Contains("-h"))
        {
            throw new ArgumentException(Usage);
        }

        var quick = flags.Contains("--quick");
        int Int(string key, int full, int small) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : quick ? small : full;
        double Double(string key, double value) => map.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : value;
        string Required(string key, string env) => map.GetValueOrDefault(key) ?? Env(env)
            ?? throw new ArgumentException($"--{key} or {env} is required (scripts/servers.sh writes it)\n{Usage}");

        return new LoadOptions
        {
            RabbitMq = new Uri(Required("rabbitmq", "MODERATION_TEST_RABBITMQ")),
            RabbitMqManagement = new Uri(Required("management", "MODERATION_TEST_RABBITMQ_MANAGEMENT")),
            Postgres = Required("postgres", "MODERATION_TEST_POSTGRES"),
            ServiceDll = Path.GetFullPath(map.GetValueOrDefault("service") ?? throw new ArgumentException($"--service is required\n{Usage}")),
            LogDirectory = map.GetValueOrDefault("logs") ?? Path.Combine(Path.GetTempPath(), "moderation-loadtest"),
            Count = Int("count", 50_000, 10_000),
            Warmup = Int("warmup", 5_000, 2_000),
            Rate = Double("rate", 1_000),
            LatencyCount = Int("latency-count", 30_000, 8_000),
            Window = Int("window", 1_000, 1_000),
            Replicas = Int("replicas", 1, 1),
            Baseline = !flags.Contains("--no-baseline"),
            Fault = map.GetValueOrDefault("fault") ?? "none",
            FaultCount = Int("fault-count", 100_000, 5_000),
            FaultRate = Double("fault-rate", 0),
            BadPerKind = Int("bad-per-kind", 500, 50),
            SoakDuration = TimeSpan.FromMinutes(Double("soak-minutes", quick ? 2 : 30)),
            SoakRate = Double("soak-rate", 0),
            ServiceEnvironment = serviceEnvironment,
            Keep = flags.Contains("--keep"),
        };
    }
}
