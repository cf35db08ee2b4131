using Moderation.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var report = await new LoadRunner(options, Console.Error).RunAsync(stop.Token);
Console.WriteLine();
Console.WriteLine(report.Table());
Console.WriteLine(report.JsonLine());
return report.Passed ? 0 : 1;
