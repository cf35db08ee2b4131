using Moderation.Classifier.Training;

namespace Moderation.Classifier.Tests;

public sealed class TrainingTests
{
    [Fact]
    public void Excluding_a_source_still_gives_a_working_model_without_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var data = HandwrittenData.WriteTsv(directory, abuseSource: "ibrohim2019", copies: 2);
        var extra = HandwrittenData.WriteTsv(Path.Combine(directory, "extra"), spamSource: "feedback_spam", abuseSource: "feedback_abuse", copies: 1);
        var path = Path.Combine(directory, "model.zip");
        var report = ModelTrainer.Train(TinyModel.Options(data, 3, "ibrohim2019") with { DataPaths = [data, extra] }, path);

        using var model = ModerationModel.Load(path);
        Assert.DoesNotContain(model.Manifest.Sources, s => s.Name == "ibrohim2019");
        Assert.Contains("ibrohim2019", model.Manifest.ExcludedSources);
        Assert.Contains(report.Sources, s => s.Name == "feedback_abuse");
        Assert.True(model.Classify("golongan mereka harus diusir dari sini").Scores.Hate > 0.5f);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var data = HandwrittenData.WriteTsv(directory);
        ModelTrainer.Train(TinyModel.Options(data, 5), Path.Combine(directory, "a.zip"));
        ModelTrainer.Train(TinyModel.Options(data, 5), Path.Combine(directory, "b.zip"));
        using var a = ModerationModel.Load(Path.Combine(directory, "a.zip"));
        using var b = ModerationModel.Load(Path.Combine(directory, "b.zip"));
        Assert.Equal(a.Classify("main di ZETA77 gacor parah").Scores, b.Classify("main di ZETA77 gacor parah").Scores);
        Assert.Equal(a.Thresholds, b.Thresholds);
    }
}
