using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Moderation.LoadTest;

/// <summary>
/// One replica of the published service as a real process, configured through the environment the way an operator
/// would (docs/OPERATIONS.md). Samples its resident memory from /proc while it runs and can be SIGKILLed and started
/// again on the same port.
/// </summary>
public sealed class ServiceReplica : IAsyncDisposable
{
    readonly string _serviceDll;
    readonly IReadOnlyDictionary<string, string> _environment;
    readonly string _logPath;
    readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    Process? _process;
    readonly CancellationTokenSource _sampling = new();
    Task? _sampler;

    public ServiceReplica(int number, string serviceDll, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        Number = number;
        _serviceDll = serviceDll;
        Port = FreePort();
        _environment = new Dictionary<string, string>(environment) { ["ASPNETCORE_HTTP_PORTS"] = Port.ToString(CultureInfo.InvariantCulture) };
        _logPath = Path.Combine(logDirectory, $"service-{number}.log");
        _http.BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public int Number { get; }

    public int Port { get; }

    public int Starts { get; private set; }

    /// <summary>Highest resident set size seen, in bytes.</summary>
    public long MaxRssBytes { get; private set; }

    /// <summary>Resident set size at the last sample, in bytes.</summary>
    public long LastRssBytes { get; private set; }

    /// <summary>(seconds since the first start, RSS bytes) every sample, for the soak's memory curve.</summary>
    public List<(double Seconds, long RssBytes)> RssSamples { get; } = [];

    public bool IsRunning => _process is { HasExited: false };

    public int? Pid => IsRunning ? _process!.Id : null;

    public HttpClient Http => _http;

    readonly Stopwatch _sinceFirstStart = new();

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet", [_serviceDll])
        {
            WorkingDirectory = Path.GetDirectoryName(_serviceDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        log.WriteLine($"---- start {Starts + 1} at {DateTime.UtcNow:O} ----");
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service");
        _process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        _process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        if (!_sinceFirstStart.IsRunning)
        {
            _sinceFirstStart.Start();
        }

        _sampler ??= Task.Run(SampleAsync);
    }

    static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"replica {Number} exited with code {_process.ExitCode} during start-up; see {_logPath}");
            }

            if (await IsReadyAsync())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"replica {Number} not ready after {timeout.TotalSeconds:0} s; see {_logPath}");
            }

            await Task.Delay(200);
        }
    }

    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync("health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task<bool> IsLiveAsync()
    {
        try
        {
            using var response = await _http.GetAsync("health/live");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown, no acks, no flushes; what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM and a wait, the way Kubernetes stops a pod.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    async Task SampleAsync()
    {
        while (!_sampling.IsCancellationRequested)
        {
            if (_process is { HasExited: false } process && ReadRss(process.Id) is { } rss)
            {
                LastRssBytes = rss;
                MaxRssBytes = Math.Max(MaxRssBytes, rss);
                lock (RssSamples)
                {
                    RssSamples.Add((_sinceFirstStart.Elapsed.TotalSeconds, rss));
                }
            }

            try
            {
                await Task.Delay(250, _sampling.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Forgets the highest RSS seen so far (start-up and warm-up are not what the target is about).</summary>
    public void ResetMaxRss() => MaxRssBytes = LastRssBytes;

    static long? ReadRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20));
        await _sampling.CancelAsync();
        if (_sampler is not null)
        {
            await _sampler;
        }

        _process?.Dispose();
        _http.Dispose();
        _sampling.Dispose();
    }
}
