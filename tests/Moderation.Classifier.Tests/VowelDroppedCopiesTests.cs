using Moderation.Classifier.Data;
using Moderation.Classifier.Evaluation;
using Moderation.Classifier.Features;
using Moderation.Classifier.Training;

namespace Moderation.Classifier.Tests;

public sealed class VowelDroppedCopiesTests
{
    private static readonly List<LabelledComment> Rows = Enumerable.Range(0, 200).Select(i => new LabelledComment(
        $"row-{i}", "judol_yt_id", "id", $"ayo daftar sekarang situs gacor nomor {i}", Spam: i % 2 == 0, Abuse: null, Hate: null)).ToList();

    private static PreparedData Build(double vowelDroppedCopies) =>
        PreparedData.Build(Rows, new FeatureSettings(HashBits: 10), seed: 1, obfuscatedCopies: 0.5, styledCopies: 0.3, vowelDroppedCopies: vowelDroppedCopies);

    [Fact]
    public void Drops_the_later_vowels_of_some_longer_words_and_nothing_else()
    {
        var dropped = 0;
        for (var seed = 0; seed < 50; seed++)
        {
            var words = ObfuscationRewriter.DropVowels("Bodoh di situs, gacor!", seed).Split(' ');
            Assert.Equal(4, words.Length);
            Assert.Contains(words[0], new[] { "Bodoh", "Bdh" });
            Assert.Equal("di", words[1]); // under four letters
            Assert.Contains(words[2], new[] { "situs,", "sts," });
            Assert.Contains(words[3], new[] { "gacor!", "gcr!" });
            dropped += words.Count(w => w is "Bdh" or "sts," or "gcr!");
        }

        Assert.InRange(dropped, 60, 140); // about 70 % of 150 words
    }

    [Fact]
    public void Copies_carry_their_rows_labels_and_come_only_when_asked_for()
    {
        var without = Build(0);
        var with = Build(0.3);
        Assert.DoesNotContain(without.Rows, r => r.Id.Contains("vowelless", StringComparison.Ordinal));
        var copies = Enumerable.Range(0, with.Rows.Count).Where(i => with.Rows[i].Id.Contains("vowelless", StringComparison.Ordinal)).ToList();
        Assert.InRange(copies.Count, 20, 90); // about 30 % of the 160 or so training and dev rows
        Assert.All(copies, i => Assert.Equal(Rows[with.Origins[i]].Spam, with.Rows[i].Spam));
        Assert.All(copies, i => Assert.True(with.Rows[i].Text.Length <= Rows[with.Origins[i]].Text.Length));
        Assert.Contains(copies, i => with.Rows[i].Text.Contains("skrng", StringComparison.Ordinal));
    }

    [Fact]
    public void The_other_copies_do_not_change_when_vowel_dropped_copies_are_added()
    {
        var without = Build(0).Rows.Select(r => (r.Id, r.Text)).ToList();
        var with = Build(0.3).Rows.Where(r => !r.Id.Contains("vowelless", StringComparison.Ordinal)).Select(r => (r.Id, r.Text)).ToList();
        Assert.Equal(without, with);
    }
}
