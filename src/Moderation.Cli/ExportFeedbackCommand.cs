using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Service.Review;

namespace Moderation.Cli;

/// <summary><c>moderation export-feedback --out FILE [--site SITE] [--since DATE]</c></summary>
internal static class ExportFeedbackCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The TSV file to write (the shared datasets' format).", Required = true };
        var site = new Option<string?>("--site") { Description = "Only this site's decisions." };
        var since = new Option<string?>("--since") { Description = "Only decisions made since this date (ISO 8601, e.g. 2026-11-01)." };
        var command = new Command("export-feedback", "Write moderator decisions as labelled training rows, ready for `moderation train --data`.")
        {
            output, site, since, ServiceDatabase.Postgres, ServiceDatabase.Sqlite,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateTime? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"--since '{text}' is not a date; use ISO 8601 such as 2026-11-01.");
                    return 2;
                }

                from = parsed.UtcDateTime;
            }

            using var host = await ServiceDatabase.OpenAsync(parse, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            int rows;
            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                rows = await FeedbackExport.WriteAsync(scope.Db(), writer, parse.GetValue(site), from, cancellationToken);
            }

            Console.WriteLine($"Wrote {rows} labelled rows to {path}. Train with: moderation train --data <shared datasets> --data {path}");
            return 0;
        });
        return command;
    }
}
