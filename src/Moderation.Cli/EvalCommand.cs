using System.CommandLine;
using Moderation.Classifier;
using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;

namespace Moderation.Cli;

/// <summary><c>moderation eval --data &lt;file|dir&gt;... [--model PATH] [--split validation|all] [--obfuscate [KIND]] [--json]</c></summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "TSV files or directories (default: ../shared/datasets found upwards).", AllowMultipleArgumentsPerToken = true };
        var modelPath = new Option<string?>("--model") { Description = "Model file (default: the committed models/moderation-model.zip)." };
        var split = new Option<string>("--split") { Description = "validation (the held-out 20 %) or all rows.", DefaultValueFactory = _ => "validation" };
        split.AcceptOnlyFromAmong("validation", "all");
        var obfuscate = new Option<ObfuscationKind?>("--obfuscate")
        {
            Description = "Rewrite each comment first: mixed (default when given), styled, lookalike, leet, split, zerowidth, stretch; unseen (disguises training never uses), symbolleet, otherstyles, otherlookalikes, combining, partialsplit, consonantstretch, otherinvisible.",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result => result.Tokens.Count == 0 ? ObfuscationKind.Mixed : Enum.Parse<ObfuscationKind>(result.Tokens[0].Value, ignoreCase: true),
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var command = new Command("eval", "Evaluate a model per label and per source: rows, positives, precision, recall, F1, ROC-AUC, threshold.")
        {
            data, modelPath, split, obfuscate, json,
        };
        command.SetAction(parse =>
        {
            using var model = ModerationModel.Load(parse.GetValue(modelPath) ?? RepositoryPaths.DefaultModel());
            var rows = DatasetReader.Read(parse.GetValue(data) is { Length: > 0 } paths ? paths : [RepositoryPaths.DefaultDatasets()]);
            if (parse.GetValue(split) == "validation")
            {
                rows = ModelEvaluator.InSplit(rows, DatasetSplit.Validation);
            }

            var report = ModelEvaluator.Evaluate(model, rows, parse.GetValue(obfuscate));
            if (parse.GetValue(json))
            {
                Console.WriteLine(report.ToJson());
            }
            else
            {
                ReportTables.Write(report, $"{parse.GetValue(split)}{(parse.GetValue(obfuscate) is { } kind ? $", obfuscated: {kind}" : string.Empty)}");
            }

            return 0;
        });
        return command;
    }
}
