using System.Diagnostics;

namespace Moderation.Service.Tests;

/// <summary>Runs the <c>moderation</c> CLI as a process, as an operator would.</summary>
internal static class CommandLine
{
    /// <summary>Runs the CLI built in the same configuration as this test assembly (./test.sh builds the whole solution).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var ct = TestContext.Current.CancellationToken;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var cli = Path.Combine(RepositoryPaths.Root, "src", "Moderation.Cli", "bin", configuration, "net10.0", "moderation.dll");
        Assert.True(File.Exists(cli), $"{cli} is not built; build the solution first");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromMinutes(2), ct);
        return (process.ExitCode, await output + await error);
    }
}
