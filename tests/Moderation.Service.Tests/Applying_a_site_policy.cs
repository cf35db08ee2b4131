using Moderation.Classifier;
using Moderation.Contracts;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

public sealed class Applying_a_site_policy
{
    static readonly SitePolicy Defaults = new()
    {
        Thresholds = new PolicyThresholds(new ThresholdPair(0.3, 0.9), new ThresholdPair(0.4, 0.95), new ThresholdPair(0.2, 0.97)),
        MaxLinks = null,
        MaxContacts = null,
    };

    const string Text = "Berita yang bagus, semoga banjir cepat surut.";

    static Classification Scored(float spam, float abuse = 0, float hate = 0, int links = 0, int phones = 0) => new(
        new LabelScores(spam, abuse, hate),
        [new Evidence(ModerationLabel.Spam, 7, 4, 1.5f), new Evidence(ModerationLabel.Abuse, 0, 6, 0.5f)],
        new TextSignals(links, 0, phones, 0, 0, 0),
        "sha256:test");

    static PolicyDecision Decide(Classification classification, SitePolicy? policy = null, string text = Text, string author = "reader-1", AuthorSignals? signals = null, CampaignMatch? campaign = null) =>
        PolicyEvaluator.Evaluate(
            new CommentFacts(author, TextNormalizer.Normalize(text), signals ?? AuthorSignals.Unknown, campaign),
            classification,
            new CompiledPolicy(policy ?? Defaults));

    [Fact]
    public void Below_every_review_threshold_is_approved_without_reasons()
    {
        var decision = Decide(Scored(0.29f, 0.39f, 0.19f));

        Assert.Equal(ModerationStatus.Approved, decision.Status);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void At_the_review_threshold_the_comment_is_held_with_the_label_and_its_spans()
    {
        var decision = Decide(Scored(0.3f));

        Assert.Equal(ModerationStatus.Pending, decision.Status);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal("spam.model", reason.Code);
        Assert.Equal(new TextSpan { Start = 7, Length = 4 }, Assert.Single(reason.Spans));
    }

    [Fact]
    public void At_the_reject_threshold_the_comment_is_rejected() =>
        Assert.Equal(ModerationStatus.Rejected, Decide(Scored(0.9f)).Status);

    [Fact]
    public void The_strictest_label_wins_and_every_label_is_a_reason()
    {
        var decision = Decide(Scored(0.5f, 0.96f, 0.25f));

        Assert.Equal(ModerationStatus.Rejected, decision.Status);
        Assert.Equal(["spam.model", "abuse.model", "hate.model"], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Too_many_links_or_contacts_hold_a_comment_the_model_would_approve()
    {
        Assert.Equal("links.limit", Assert.Single(Decide(Scored(0.1f, links: 3), Defaults with { MaxLinks = 2 }).Reasons).Code);
        Assert.Equal("contacts.limit", Assert.Single(Decide(Scored(0.1f, phones: 1), Defaults with { MaxContacts = 0 }).Reasons).Code);
        Assert.Equal(ModerationStatus.Approved, Decide(Scored(0.1f, links: 2), Defaults with { MaxLinks = 2 }).Status);
    }

    [Fact]
    public void Pre_moderation_holds_everything_but_never_softens_a_rejection()
    {
        var premod = Defaults with { PreModerateAll = true };

        Assert.Equal(ModerationStatus.Pending, Decide(Scored(0.01f), premod).Status);
        Assert.Equal(ModerationStatus.Rejected, Decide(Scored(0.99f), premod).Status);
    }

    [Fact]
    public void Banned_words_reject_even_when_disguised_and_point_at_what_the_author_wrote()
    {
        const string disguised = "Ayo main di 𝐒𝐋𝐎𝐓 sekarang";
        var decision = Decide(Scored(0.01f), Defaults with { BannedWords = ["slot"] }, text: disguised);

        Assert.Equal(ModerationStatus.Rejected, decision.Status);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(("wordlist.banned", "slot"), (reason.Code, reason.Detail));
        var span = Assert.Single(reason.Spans);
        Assert.Equal("𝐒𝐋𝐎𝐓", disguised.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Banned_words_match_whole_words_only()
    {
        var decision = Decide(Scored(0.01f), Defaults with { BannedWords = ["slot"] }, text: "Parkiran dengan slotting baru sudah dibuka.");
        Assert.Equal(ModerationStatus.Approved, decision.Status);
    }

    [Fact]
    public void Suspect_phrases_hold_the_comment()
    {
        var decision = Decide(Scored(0.01f), Defaults with { SuspectWords = ["link di bio"] }, text: "Info lengkap cek link di bio ya kak");

        Assert.Equal(ModerationStatus.Pending, decision.Status);
        Assert.Equal(("wordlist.suspect", "link di bio"), (decision.Reasons[0].Code, decision.Reasons[0].Detail));
    }

    [Fact]
    public void Trusted_authors_are_never_held_by_the_model_but_banned_words_still_apply()
    {
        var policy = Defaults with { TrustedAuthors = ["editor-1"], BannedWords = ["judi"] };

        Assert.Equal(ModerationStatus.Approved, Decide(Scored(0.95f, 0.99f), policy, author: "editor-1").Status);
        Assert.Equal(ModerationStatus.Rejected, Decide(Scored(0.01f), policy, text: "Berantas judi online sekarang", author: "editor-1").Status);
    }

    [Fact]
    public void A_banned_author_is_rejected()
    {
        var decision = Decide(Scored(0.01f), signals: AuthorSignals.Unknown with { Banned = true });
        Assert.Equal((ModerationStatus.Rejected, "author.banned"), (decision.Status, decision.Reasons[0].Code));
    }

    [Fact]
    public void An_author_whose_recent_comments_were_mostly_rejected_is_held()
    {
        var held = Decide(Scored(0.01f), signals: new AuthorSignals(false, 2, DecidedInWindow: 4, RejectedInWindow: 2));
        var fine = Decide(Scored(0.01f), signals: new AuthorSignals(false, 3, DecidedInWindow: 4, RejectedInWindow: 1));
        var tooFew = Decide(Scored(0.01f), signals: new AuthorSignals(false, 0, DecidedInWindow: 2, RejectedInWindow: 2));

        Assert.Equal((ModerationStatus.Pending, "author.history"), (held.Status, held.Reasons[0].Code));
        Assert.Equal(ModerationStatus.Approved, fine.Status);
        Assert.Equal(ModerationStatus.Approved, tooFew.Status);
    }

    [Fact]
    public void New_authors_are_held_until_enough_comments_were_approved()
    {
        var policy = Defaults with { NewAuthorApprovals = 2 };

        Assert.Equal("author.new", Decide(Scored(0.01f), policy, signals: AuthorSignals.Unknown with { ApprovedTotal = 1 }).Reasons.Single().Code);
        Assert.Equal(ModerationStatus.Approved, Decide(Scored(0.01f), policy, signals: AuthorSignals.Unknown with { ApprovedTotal = 2 }).Status);
    }

    [Fact]
    public void A_campaign_from_enough_authors_is_held_or_rejected_as_the_site_chooses()
    {
        var held = Decide(Scored(0.01f), campaign: new CampaignMatch(Comments: 4, Authors: 3));
        var below = Decide(Scored(0.01f), campaign: new CampaignMatch(Comments: 5, Authors: 2));
        var rejected = Decide(Scored(0.01f), Defaults with { Campaign = new CampaignSettings { Action = "reject" } }, campaign: new CampaignMatch(3, 3));

        Assert.Equal((ModerationStatus.Pending, "campaign.duplicate"), (held.Status, held.Reasons[0].Code));
        Assert.Contains("3 authors", held.Reasons[0].Detail, StringComparison.Ordinal);
        Assert.Equal(ModerationStatus.Approved, below.Status);
        Assert.Equal(ModerationStatus.Rejected, rejected.Status);
    }
}
