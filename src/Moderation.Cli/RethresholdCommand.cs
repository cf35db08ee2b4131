using System.CommandLine;
using Moderation.Classifier.Training;
using Spectre.Console;

namespace Moderation.Cli;

/// <summary><c>moderation rethreshold [--model PATH] [--data ...] [--out PATH]</c>: choose a model's default thresholds again on validation.</summary>
internal static class RethresholdCommand
{
    public static Command Create()
    {
        var modelPath = new Option<string?>("--model") { Description = "Model file (default: the committed models/moderation-model.zip)." };
        var data = new Option<string[]>("--data") { Description = "TSV files or directories (default: ../shared/datasets found upwards).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string?>("--out") { Description = "Where to write the model (default: over the input)." };
        var command = new Command("rethreshold", "Choose the default Review/Reject thresholds of a model again on the validation split (heads unchanged).") { modelPath, data, output };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(modelPath) ?? RepositoryPaths.DefaultModel();
            var thresholds = ModelTrainer.Rethreshold(input, parse.GetValue(data) is { Length: > 0 } paths ? paths : [RepositoryPaths.DefaultDatasets()], parse.GetValue(output) ?? input);
            AnsiConsole.MarkupLine(Markup.Escape($"Thresholds: {thresholds}"));
            return 0;
        });
        return command;
    }
}
