using System.Globalization;
using Moderation.Classifier.Evaluation;
using Spectre.Console;

namespace Moderation.Cli;

/// <summary>Prints an evaluation report as a table per label and source.</summary>
internal static class ReportTables
{
    public static void Write(EvaluationReport report, string title)
    {
        var table = new Table().Title(Markup.Escape($"{report.Model} ({title})"));
        foreach (var column in new[] { "source", "label", "n", "positives", "precision", "recall", "F1", "F1 95 %", "AUC", "threshold" })
        {
            table.AddColumn(column);
        }

        void AddRows(string source, IReadOnlyDictionary<string, LabelMetrics> labels)
        {
            foreach (var (label, m) in labels)
            {
                table.AddRow(
                    Markup.Escape(source), label, m.N.ToString(CultureInfo.InvariantCulture), m.Positives.ToString(CultureInfo.InvariantCulture),
                    F(m.Precision), F(m.Recall), F(m.F1), m.F1Interval is { } interval ? $"{F(interval.Low)}–{F(interval.High)}" : string.Empty, F(m.Auc), F(m.Threshold));
            }
        }

        AddRows("(all)", report.Labels);
        foreach (var (source, labels) in report.Sources)
        {
            AddRows(source, labels);
        }

        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal and would wrap the source names into three lines.
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 120);
        }

        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"The interval is where 95 % of bootstrap resamples of these rows put F1 at this threshold ({MetricsCalculator.IntervalDraws:N0} draws, seed {MetricsCalculator.IntervalSeed}): a difference between two models or two runs that stays inside it can be chance."));
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
