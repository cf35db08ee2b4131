using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Training;

namespace Moderation.Classifier.Tests;

public sealed class ThresholdChooserTests
{
    private static LabelledComment Row(int n, bool? spam, bool? abuse, bool? hate) => new($"t-{n}", "t", "id", "x", spam, abuse, hate);

    [Theory]
    [InlineData(0.0, 0)] // nothing may be flagged: just above the highest score
    [InlineData(0.25, 1)] // one of four
    [InlineData(0.49, 1)] // budgets round down
    [InlineData(0.5, 2)]
    [InlineData(1.0, 4)] // everything may be flagged: 0
    public void The_spam_flag_budget_sets_the_lowest_threshold_flagging_at_most_that_share(double maxRate, int flagged)
    {
        float[] ordinary = [0.1f, 0.9f, 0.4f, 0.5f];

        var threshold = MetricsCalculator.LowestThresholdFlagging(ordinary, maxRate);

        Assert.Equal(flagged, ordinary.Count(score => score >= threshold));
        Assert.True(flagged == ordinary.Length || threshold <= ordinary.OrderDescending().ElementAt(flagged) + 1e-6f, $"threshold {threshold} is not the lowest");
    }

    [Fact]
    public void Training_on_train_and_dev_refuses_what_it_could_only_choose_on_dev()
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var data = HandwrittenData.WriteTsv(directory);

        var error = Assert.Throws<ArgumentException>(() => ModelTrainer.Train(TinyModel.Options(data, 5) with { L2Candidates = [0.1f, 1f] }, Path.Combine(directory, "model.zip")));

        Assert.Contains("exactly one L2 candidate", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "model.zip")));
    }

    [Fact]
    public void A_positive_held_by_another_head_is_not_missed()
    {
        // 100 hate positives (also abusive) that the abuse head holds, with low hate scores; 100 ordinary rows.
        var rows = new List<LabelledComment>();
        var scores = new List<LabelScores>();
        for (var i = 0; i < 100; i++)
        {
            rows.Add(Row(i, null, true, true));
            scores.Add(new LabelScores(0.01f, 0.6f + i * 0.003f, 0.05f + i * 0.001f));
            rows.Add(Row(1000 + i, null, false, false));
            scores.Add(new LabelScores(0.01f, 0.02f + i * 0.007f, 0.02f + i * 0.001f));
        }

        for (var i = 0; i < 100; i++)
        {
            rows.Add(Row(2000 + i, true, null, null));
            scores.Add(new LabelScores(0.5f + i * 0.004f, 0.01f, 0.01f));
            rows.Add(Row(3000 + i, false, null, null));
            scores.Add(new LabelScores(0.01f + i * 0.001f, 0.01f, 0.01f));
        }

        var thresholds = ThresholdChooser.Choose(rows, scores);

        // The abuse head holds every hate positive, so hate needs no Review threshold below its Reject threshold.
        Assert.Equal(thresholds.Hate.Reject, thresholds.Hate.Review);
        foreach (var label in LabelNames.All)
        {
            Assert.True(ThresholdChooser.MissRate(rows, scores, thresholds, label) <= ThresholdChooser.MaxMissRate);
        }
    }

    [Fact]
    public void At_most_one_percent_of_positives_are_auto_approved()
    {
        var rows = Enumerable.Range(0, 400).Select(i => Row(i, i % 2 == 0, null, null)).ToList();
        var scores = Enumerable.Range(0, 400).Select(i => new LabelScores(i % 2 == 0 ? i / 400f : (400 - i) / 800f, 0f, 0f)).ToList();
        var thresholds = ThresholdChooser.Choose(rows, scores);
        var missed = ThresholdChooser.MissRate(rows, scores, thresholds, ModerationLabel.Spam);
        Assert.InRange(missed, 0.0, 0.01);
        Assert.True(thresholds.Spam.Review <= thresholds.Spam.Reject);
    }
}
