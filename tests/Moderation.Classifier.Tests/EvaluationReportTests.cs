using Moderation.Classifier.Evaluation;

namespace Moderation.Classifier.Tests;

/// <summary>The F1 intervals <c>moderation eval</c> prints (its JSON shape is checked through the CLI, in Moderation.Service.Tests).</summary>
public sealed class EvaluationReportTests
{
    [Fact]
    public void The_F1_interval_surrounds_the_measured_F1_and_narrows_with_more_rows()
    {
        // 90 found, 10 false alarms, 10 missed among 1,000 rows: F1 0.9.
        var small = MetricsCalculator.F1Interval(truePositives: 90, falsePositives: 10, falseNegatives: 10, trueNegatives: 890);
        var large = MetricsCalculator.F1Interval(truePositives: 900, falsePositives: 100, falseNegatives: 100, trueNegatives: 8900);

        Assert.InRange(0.9, small.Low, small.High);
        Assert.InRange(0.9, large.Low, large.High);

        // The bootstrap's spread shrinks as 1/√n: ten times the rows, about a third of the width.
        var ratio = (large.High - large.Low) / (small.High - small.Low);
        Assert.InRange(ratio, 0.25, 0.42);

        // Delta-method standard error of F1 here is about 0.030 for 1,000 rows, so the 95 % width is about 0.12.
        Assert.InRange(small.High - small.Low, 0.08, 0.16);
    }

    [Theory]
    // Reference: numpy's exact multinomial bootstrap, 200,000 draws (models/experiments/f1_intervals.py's method).
    [InlineData(90, 10, 10, 890, 0.8526, 0.9405)]
    [InlineData(8, 2, 3, 50, 0.5000, 0.9375)] // small counts: the exact waiting-time branch
    [InlineData(900, 100, 100, 8900, 0.8859, 0.9135)]
    [InlineData(3000, 150, 200, 40000, 0.9390, 0.9506)] // large counts: the normal branch
    public void The_F1_interval_matches_an_exact_multinomial_bootstrap(int tp, int fp, int fn, int tn, double low, double high)
    {
        var interval = MetricsCalculator.F1Interval(tp, fp, fn, tn);

        // With 2,000 draws an end of the interval has a Monte Carlo error of about 1.5 % of the width; a sampler whose
        // spread were 10 % off would move both ends by about 5 %.
        var tolerance = 0.04 * (high - low);
        Assert.InRange(interval.Low, low - tolerance, low + tolerance);
        Assert.InRange(interval.High, high - tolerance, high + tolerance);
    }

    [Fact]
    public void The_F1_interval_is_repeatable_and_exact_for_a_perfect_classifier()
    {
        Assert.Equal(
            MetricsCalculator.F1Interval(40, 7, 9, 300),
            MetricsCalculator.F1Interval(40, 7, 9, 300));
        Assert.Equal((1.0, 1.0), MetricsCalculator.F1Interval(50, 0, 0, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricsCalculator.F1Interval(-1, 0, 0, 10));
    }

    [Fact]
    public void Compute_leaves_the_interval_out_unless_asked()
    {
        float[] scores = [0.9f, 0.8f, 0.3f, 0.2f, 0.7f, 0.1f];
        bool[] labels = [true, true, true, false, false, false];

        Assert.Null(MetricsCalculator.Compute(scores, labels, 0.5).F1Interval);
        var withInterval = MetricsCalculator.Compute(scores, labels, 0.5, withF1Interval: true);
        Assert.NotNull(withInterval.F1Interval);
        Assert.InRange(withInterval.F1, withInterval.F1Interval!.Value.Low, withInterval.F1Interval.Value.High);
    }
}
