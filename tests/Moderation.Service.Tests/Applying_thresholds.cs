using Moderation.Classifier;
using Moderation.Contracts;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

public sealed class Applying_thresholds
{
    static readonly SitePolicy Policy = new()
    {
        Thresholds = new PolicyThresholds(new ThresholdPair(0.3, 0.9), new ThresholdPair(0.4, 0.95), new ThresholdPair(0.2, 0.97)),
    };

    static Classification Scored(float spam, float abuse = 0, float hate = 0, int links = 0) => new(
        new LabelScores(spam, abuse, hate),
        [new Evidence(ModerationLabel.Spam, 4, 6, 1.5f), new Evidence(ModerationLabel.Abuse, 0, 3, 0.5f)],
        new TextSignals(links, 0, 0, 0, 0, 0),
        "sha256:test");

    [Fact]
    public void Below_every_review_threshold_is_approved_without_reasons()
    {
        var decision = PolicyEvaluator.Evaluate(Scored(0.29f, 0.39f, 0.19f), Policy);

        Assert.Equal(ModerationStatus.Approved, decision.Status);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void At_the_review_threshold_the_comment_is_held_with_the_label_and_its_spans()
    {
        var decision = PolicyEvaluator.Evaluate(Scored(0.3f), Policy);

        Assert.Equal(ModerationStatus.Pending, decision.Status);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal("spam.model", reason.Code);
        Assert.Equal(new TextSpan { Start = 4, Length = 6 }, Assert.Single(reason.Spans));
    }

    [Fact]
    public void At_the_reject_threshold_the_comment_is_rejected()
    {
        Assert.Equal(ModerationStatus.Rejected, PolicyEvaluator.Evaluate(Scored(0.9f), Policy).Status);
    }

    [Fact]
    public void The_strictest_label_wins_and_every_label_is_a_reason()
    {
        var decision = PolicyEvaluator.Evaluate(Scored(0.5f, 0.96f, 0.25f), Policy);

        Assert.Equal(ModerationStatus.Rejected, decision.Status);
        Assert.Equal(["spam.model", "abuse.model", "hate.model"], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Too_many_links_hold_a_comment_the_model_would_approve()
    {
        var decision = PolicyEvaluator.Evaluate(Scored(0.1f, links: 3), Policy with { MaxLinks = 2 });

        Assert.Equal(ModerationStatus.Pending, decision.Status);
        Assert.Equal("links.limit", Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Pre_moderation_holds_everything_but_never_softens_a_rejection()
    {
        var premod = Policy with { PreModerateAll = true };

        Assert.Equal(ModerationStatus.Pending, PolicyEvaluator.Evaluate(Scored(0.01f), premod).Status);
        Assert.Equal(ModerationStatus.Rejected, PolicyEvaluator.Evaluate(Scored(0.99f), premod).Status);
    }
}
