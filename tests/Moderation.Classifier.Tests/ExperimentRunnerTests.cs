using System.Globalization;
using Moderation.Classifier.Features;
using Moderation.Classifier.Training;

namespace Moderation.Classifier.Tests;

public sealed class ExperimentRunnerTests
{
    [Fact]
    public void Held_out_scores_carry_ids_labels_scores_and_dense_signals_but_no_text()
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var data = HandwrittenData.WriteTsv(Path.Combine(directory, "data"), copies: 2);
        var texts = File.ReadLines(data).Skip(1).Select(line => line.Split('\t')).ToDictionary(f => f[0], f => f[3]);
        var scores = Path.Combine(directory, "scores");

        ExperimentRunner.Run([new ExperimentConfig("tiny", TinyModel.Options(data, 5))], null, TextWriter.Null, folds: 2, scoresDirectory: scores);

        var lines = File.ReadAllLines(Path.Combine(scores, "tiny.scores.tsv"));
        string[] expected = ["id", "source", "spam", "abuse", "hate", "spam_score", "abuse_score", "hate_score", .. CommentFeaturizer.DenseNames];
        Assert.Equal(expected, lines[0].Split('\t'));
        var rows = lines.Skip(1).Select(line => line.Split('\t')).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, fields => Assert.Equal(expected.Length, fields.Length));
        Assert.Equal(rows.Count, rows.Select(fields => fields[0]).Distinct().Count());

        // Nothing of what the authors wrote leaves the datasets, not even a word pair.
        var content = string.Join('\n', lines);
        Assert.All(texts.Values, text => Assert.DoesNotContain(text, content, StringComparison.Ordinal));
        Assert.DoesNotContain("main di", content, StringComparison.Ordinal);

        // Each row's dense signals are its own: the length signal is log(1 + words) / 5 of that row's text.
        var length = Array.IndexOf(expected, "length");
        foreach (var fields in rows.Where(f => f[1] == "handmade_spam"))
        {
            var words = texts[fields[0]].Split(' ').Length;
            Assert.Equal(Math.Log(1 + words) / 5, double.Parse(fields[length], CultureInfo.InvariantCulture), 4);
        }

        Assert.All(rows, fields => Assert.InRange(float.Parse(fields[5], CultureInfo.InvariantCulture), 0f, 1f));
    }
}
