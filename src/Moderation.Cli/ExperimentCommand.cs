using System.CommandLine;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Training;

namespace Moderation.Cli;

/// <summary>
/// <c>moderation experiment --configs FILE.json [--data ...] [--fixtures DIR]</c>: trains each configuration on the
/// training split and prints its dev-split figures (never validation), for choosing features and trainers.
/// </summary>
internal static class ExperimentCommand
{
    public static Command Create()
    {
        var configs = new Option<string>("--configs")
        {
            Description = "JSON array of {\"name\": ..., \"options\": {...}} where options are TrainingOptions fields (camelCase), without dataPaths.",
            Required = true,
        };
        var data = new Option<string[]>("--data") { Description = "TSV files or directories (default: ../shared/datasets found upwards).", AllowMultipleArgumentsPerToken = true };
        var fixtures = new Option<string?>("--fixtures") { Description = "Directory with the hand-written ordinary/promotion/abusive comment files." };
        var only = new Option<string[]>("--only") { Description = "Run only the configurations with these names.", AllowMultipleArgumentsPerToken = true };
        var folds = new Option<int>("--folds") { Description = "Cross-validate over training + dev with this many folds instead of measuring on dev (0).", DefaultValueFactory = _ => 0 };
        var scores = new Option<string?>("--scores")
        {
            Description = "Directory to write each configuration's held-out scores to (<name>.scores.tsv: row id, source, labels, spam/abuse/hate scores and the dense signals; no text), to compare or combine runs offline.",
        };
        var command = new Command("experiment", "Measure training configurations on the dev split or by cross-validation over training + dev.") { configs, data, fixtures, only, folds, scores };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(data) is { Length: > 0 } given ? given : [RepositoryPaths.DefaultDatasets()];
            var wanted = parse.GetValue(only) ?? [];
            var list = TrainingOptionsJson.ReadConfigurations(parse.GetValue(configs)!, paths)
                .Where(config => wanted.Length == 0 || wanted.Contains(config.Name))
                .ToList();
            var sets = parse.GetValue(fixtures) is { } directory ? HandwrittenSets.Load(directory) : null;
            var progress = new Progress<TrainingProgress>(p => Console.Error.Write($"\r{p.Step,-60} {p.Fraction:P0}   "));
            // Plain Console: AnsiConsole wraps at 80 columns when the output is a file.
            Console.WriteLine("| config | judol | yt | sms_id | sms_uci | ib abuse | dav abuse | ib hate | dav hate | styled spam FP | held ordinary (dev) | fixtures |");
            ExperimentRunner.Run(list, sets, Console.Out, progress, parse.GetValue(folds), parse.GetValue(scores));
            return 0;
        });
        return command;
    }
}
