using System.Globalization;

namespace Moderation.LoadTest;

/// <summary>
/// CPU time of the processes on the path, from /proc: the service replicas, and PostgreSQL and RabbitMQ as
/// scripts/servers.sh started them (every process it launches carries MODERATION_SERVERS_ID=&lt;id&gt;/&lt;component&gt; in
/// its environment; PostgreSQL's backends overwrite theirs, so the tagged postmaster's children count too, and the
/// backends that already exited through the postmaster's cutime/cstime). Measured over a phase, divided by its comments:
/// where one comment's CPU goes.
/// </summary>
internal static class CpuAccounting
{
    static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU seconds used so far by each component ("service", "postgres", "rabbitmq"); empty off Linux.</summary>
    public static Dictionary<string, double> Snapshot(IEnumerable<int> servicePids)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!OperatingSystem.IsLinux())
        {
            return result;
        }

        result["service"] = servicePids.Sum(pid => Ticks(pid, withChildren: false)) / TicksPerSecond;
        var id = ServersId();
        if (id is null)
        {
            return result;
        }

        var processes = new List<(int Pid, int Parent)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } fields)
            {
                processes.Add((pid, int.Parse(fields[1], CultureInfo.InvariantCulture)));
            }
        }

        foreach (var component in new[] { "postgres", "rabbitmq" })
        {
            var tag = $"MODERATION_SERVERS_ID={id}/{component}";
            var tagged = processes.Where(p => HasTag(p.Pid, tag)).Select(p => p.Pid).ToHashSet();
            var ticks = 0L;
            foreach (var (pid, parent) in processes)
            {
                if (tagged.Contains(pid))
                {
                    ticks += Ticks(pid, withChildren: true);
                }
                else if (tagged.Contains(parent))
                {
                    ticks += Ticks(pid, withChildren: false);
                }
            }

            result[component] = ticks / TicksPerSecond;
        }

        return result;
    }

    /// <summary>Milliseconds of CPU per comment for each component between two snapshots.</summary>
    public static Dictionary<string, double> PerComment(Dictionary<string, double> before, Dictionary<string, double> after, int comments) =>
        after.Where(pair => before.ContainsKey(pair.Key) && comments > 0)
            .ToDictionary(pair => pair.Key, pair => Math.Round((pair.Value - before[pair.Key]) * 1000 / comments, 3), StringComparer.Ordinal);

    static string? ServersId()
    {
        var dir = Environment.GetEnvironmentVariable("MODERATION_SERVERS_DIR");
        var file = dir is null ? null : Path.Combine(dir, "id");
        return file is not null && File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    static long Ticks(int pid, bool withChildren)
    {
        if (Stat(pid) is not { } f)
        {
            return 0;
        }

        // After "(comm) ": state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14.
        var ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        return withChildren ? ticks + long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture) : ticks;
    }

    static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    static bool HasTag(int pid, string tag)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains(tag, StringComparer.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
