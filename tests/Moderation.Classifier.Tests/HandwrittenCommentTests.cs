using Moderation.Classifier.Evaluation;

namespace Moderation.Classifier.Tests;

/// <summary>
/// Part of the quality gate that needs no dataset: with the committed model and its default thresholds, hand-written
/// news-site comments (Fixtures/, written for these tests) get the verdict a newsroom expects. Ordinary comments
/// must be approved (also when written entirely in styled letters), gambling promotions and abusive comments must not.
/// </summary>
public sealed class HandwrittenCommentTests
{
    private static readonly Lazy<(ModerationModel Model, HandwrittenSets Sets)> Loaded = new(() =>
        (ModerationModel.Load(SharedDatasets.CommittedModel()), HandwrittenSets.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures"))));

    [Fact]
    public void The_fixture_files_have_the_intended_sizes()
    {
        var sets = Loaded.Value.Sets;
        Assert.InRange(sets.Ordinary.Count, 75, 100);
        Assert.InRange(sets.Promotions.Count, 35, 60);
        Assert.InRange(sets.Abusive.Count, 25, 50);
    }

    // Floors sit a little under what the committed model measures (models/MODEL_CARD.md). Ordinary comments: 85 %
    // approved against a goal of 95 %; the rest are civic and political comments held for review by the hate head,
    // which learnt politics from ibrohim2019's political tweets (a known failure mode in the model card).
    [Fact]
    public void Ordinary_comments_are_approved() => AssertShare(Loaded.Value.Sets.Ordinary, approved: true, 0.82);

    [Fact]
    public void Ordinary_comments_in_styled_letters_are_approved() => AssertShare(Loaded.Value.Sets.StyledOrdinary(), approved: true, 0.82);

    [Fact]
    public void Gambling_promotions_are_not_approved() => AssertShare(Loaded.Value.Sets.Promotions, approved: false, 0.95);

    [Fact]
    public void Abusive_comments_are_not_approved() => AssertShare(Loaded.Value.Sets.Abusive, approved: false, 0.90);

    private static void AssertShare(IReadOnlyList<string> texts, bool approved, double floor)
    {
        var model = Loaded.Value.Model;
        var wrong = texts.Where(text => (DefaultPolicy.StatusOf(model.Classify(text).Scores, model.Thresholds) == ModerationVerdict.Approved) != approved).ToList();
        var share = 1 - (double)wrong.Count / texts.Count;
        Assert.True(share >= floor, $"{share:P1} {(approved ? "approved" : "held or rejected")}, floor {floor:P0}; wrong: {string.Join(" | ", wrong.Take(10))}");
    }
}
