using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Moderation.Classifier;
using Spectre.Console;

namespace Moderation.Cli;

/// <summary><c>moderation score &lt;text&gt; [--model PATH] [--json]</c></summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The comment to score.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Score every line of a file instead (blank lines and lines starting with # skipped); prints status, scores and the text per line." };
        var modelPath = new Option<string?>("--model") { Description = "Model file (default: the committed models/moderation-model.zip)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("score", "Score one comment: three probabilities, the default policy's status and the evidence spans.") { text, modelPath, json, file };
        command.SetAction(parse =>
        {
            using var model = ModerationModel.Load(parse.GetValue(modelPath) ?? RepositoryPaths.DefaultModel());
            if (parse.GetValue(file) is { } path)
            {
                foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    var scores = model.Classify(line).Scores;
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{DefaultPolicy.StatusOf(scores, model.Thresholds),-8}\tspam {scores.Spam:0.000}\tabuse {scores.Abuse:0.000}\thate {scores.Hate:0.000}\t{line}"));
                }

                return 0;
            }

            var comment = parse.GetValue(text) ?? throw new ArgumentException("Give a text or --file.");
            var result = model.Classify(comment);
            var status = DefaultPolicy.StatusOf(result.Scores, model.Thresholds);
            var evidence = result.Evidence.Select(e => new
            {
                label = LabelNames.Of(e.Label),
                start = e.Start,
                length = e.Length,
                text = comment.Substring(e.Start, e.Length),
                weight = MathF.Round(e.Weight, 3),
            }).ToList();
            if (parse.GetValue(json))
            {
                var body = new
                {
                    scores = new { spam = result.Scores.Spam, abuse = result.Scores.Abuse, hate = result.Scores.Hate },
                    status = status.ToString(),
                    evidence,
                    signals = result.Signals,
                    normalized = TextNormalizer.Normalize(comment).Text,
                    heads = Heads(result),
                    modelVersion = result.ModelVersion,
                };
                Console.WriteLine(JsonSerializer.Serialize(body, ModelManifest.JsonOptions));
                return 0;
            }

            var table = new Table().AddColumns("label", "score", "review at", "reject at");
            foreach (var label in LabelNames.All)
            {
                table.AddRow(LabelNames.Of(label), F(result.Scores[label]), F(model.Thresholds[label].Review), F(model.Thresholds[label].Reject));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Status: [bold]{0}[/]   model {1}   abuse and hate by the {2} heads", status, Markup.Escape(result.ModelVersion), Heads(result));
            foreach (var e in evidence)
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "  {0,-5} [[{1},{2}]] \"{3}\" ({4})", e.label, e.start, e.length, Markup.Escape(e.text), e.weight);
            }

            return 0;
        });
        return command;
    }

    private static string F(float value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Which abuse and hate heads scored the comment: "indonesian" (blended with the pooled ones) or "pooled".</summary>
    private static string Heads(Classification result) => result.IndonesianHeads ? "indonesian" : "pooled";
}
