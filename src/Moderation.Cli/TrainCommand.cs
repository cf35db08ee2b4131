using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Moderation.Classifier;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Training;
using Spectre.Console;

namespace Moderation.Cli;

/// <summary><c>moderation train --data &lt;file|dir&gt;... --out &lt;model.zip&gt; [--seed N] [--exclude-source NAME]... [--report FILE]</c></summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "TSV files or directories (default: ../shared/datasets found upwards).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the model.", DefaultValueFactory = _ => RepositoryPaths.ModelRelativePath };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 20250101 };
        var exclude = new Option<string[]>("--exclude-source") { Description = "Leave a source out (repeatable), e.g. ibrohim2019.", AllowMultipleArgumentsPerToken = true };
        var report = new Option<string?>("--report") { Description = "Where to write the training report (JSON; default: next to the model)." };
        var hashBits = new Option<int?>("--hash-bits") { Description = "Size of the hashed feature space (2^N)." };
        var l2 = new Option<float[]>("--l2") { Description = "L2 strength of the heads (several are tried and chosen on dev only with --options {\"fitOnTrainAndDev\": false}).", AllowMultipleArgumentsPerToken = true };
        var l1 = new Option<float?>("--l1") { Description = "L1 strength." };
        var optionsFile = new Option<string?>("--options")
        {
            Description = "JSON object of training options (TrainingOptions fields, camelCase) replacing the defaults, for experiments; the committed model uses the defaults.",
        };
        var command = new Command("train", "Train the spam/abuse/hate heads and write the model and its report.") { data, output, seed, exclude, report, hashBits, l2, l1, optionsFile };
        command.SetAction(parse =>
        {
            var dataPaths = parse.GetValue(data) is { Length: > 0 } paths ? paths : [RepositoryPaths.DefaultDatasets()];
            var options = parse.GetValue(optionsFile) is { } file
                ? TrainingOptionsJson.ReadOptions(file, dataPaths)
                : new TrainingOptions { DataPaths = dataPaths };

            options = options with { ExcludedSources = parse.GetValue(exclude) ?? [], Seed = parse.GetValue(seed) };
            if (parse.GetValue(hashBits) is { } bits)
            {
                options = options with { Features = options.Features with { HashBits = bits } };
            }

            if (parse.GetValue(l2) is { Length: > 0 } l2Values)
            {
                options = options with { L2Candidates = l2Values };
            }

            if (parse.GetValue(l1) is { } l1Value)
            {
                options = options with { L1 = l1Value };
            }

            var outputPath = parse.GetValue(output)!;
            var reportPath = parse.GetValue(report) ?? Path.ChangeExtension(outputPath, ".report.json");
            TrainingReport? result = null;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("Training", maxValue: 1.0);
                    var progress = new SynchronousProgress<TrainingProgress>(p =>
                    {
                        task.Description = p.Step;
                        task.Value = Math.Max(task.Value, p.Fraction);
                    });
                    result = ModelTrainer.Train(options, outputPath, progress);
                });

            File.WriteAllText(reportPath, JsonSerializer.Serialize(result, ModelManifest.JsonOptions));
            ReportTables.Write(result!.Validation, "validation");
            ReportTables.Write(result.ValidationObfuscated, "validation, obfuscated");
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Thresholds: {0}", Markup.Escape(result.Thresholds.ToString()));
            AnsiConsole.MarkupLine(
                CultureInfo.InvariantCulture,
                "Positives auto-approved on validation: {0}; ordinary validation comments held: {1:P2} (styled: {2:P2}); styled-ordinary spam flags: {3:P2}",
                Markup.Escape(string.Join(", ", result.MissRates.Select(p => $"{p.Key} {p.Value:P2}"))),
                result.HeldOrdinary,
                result.HeldStyledOrdinary,
                result.StyledOrdinary["spam"].StyledRate);
            if (RepositoryPaths.Fixtures() is { } fixtures)
            {
                using var model = ModerationModel.Load(outputPath);
                var rates = HandwrittenSets.Load(fixtures).Rates(text => model.Classify(text).Scores, model.Thresholds);
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Hand-written comments: {0}", Markup.Escape(string.Join(", ", rates.Select(p => $"{p.Key} {p.Value:P1}"))));
            }

            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Model: {0} ({1:N0} bytes), report: {2}", Markup.Escape(outputPath), result.ModelBytes, Markup.Escape(reportPath));
            return 0;
        });
        return command;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder updates).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
