using Moderation.Classifier.Data;
using Moderation.Classifier.Features;
using Moderation.Classifier.Training;

namespace Moderation.Classifier.Tests;

public sealed class WeakNegativeTests
{
    // Row ids are chosen by the split hash only; every comment with spam 0 and no abuse/hate label is a weak negative.
    private static readonly PreparedData Data = PreparedData.Build(
        Enumerable.Range(0, 200).Select(i => new LabelledComment(
            $"row-{i}", "judol_yt_id", "id", $"komentar biasa nomor {i} tentang berita hari ini", Spam: i % 10 == 0, Abuse: null, Hate: null)).ToList(),
        new FeatureSettings(HashBits: 10),
        seed: 1,
        obfuscatedCopies: 0.5,
        styledCopies: 0.3);

    private static bool InTraining(int i) => Data.SplitOfOrigin(i) == DatasetSplit.Train;

    [Fact]
    public void Without_copies_only_the_ordinary_labelled_rows_are_weak_negatives()
    {
        var weak = LabelTrainer.WeakNegatives(Data, InTraining, withCopies: false);
        Assert.NotEmpty(weak);
        Assert.All(weak, i => Assert.True(i < Data.LabelledCount && Data.Rows[i].Spam == false));
    }

    [Fact]
    public void With_copies_the_disguised_copies_of_those_rows_are_weak_negatives_too()
    {
        var plain = LabelTrainer.WeakNegatives(Data, InTraining, withCopies: false);
        var weak = LabelTrainer.WeakNegatives(Data, InTraining, withCopies: true);
        var copies = weak.Where(i => i >= Data.LabelledCount).ToList();
        Assert.NotEmpty(copies);
        Assert.Equal(plain, weak.Where(i => i < Data.LabelledCount));
        Assert.All(copies, i => Assert.Contains(Data.Origins[i], plain));
    }
}
