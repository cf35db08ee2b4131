using Moderation.Classifier;
using Moderation.Contracts;

namespace Moderation.Service.Policies;

/// <summary>
/// Turns a comment's scores and signals into a status and the reasons for it. Every rule that fires adds a reason
/// (with the spans of the original text where there are some); the strictest status wins.
/// </summary>
public static class PolicyEvaluator
{
    static readonly ModerationLabel[] Labels = [ModerationLabel.Spam, ModerationLabel.Abuse, ModerationLabel.Hate];

    public static PolicyDecision Evaluate(CommentFacts facts, Classification classification, CompiledPolicy compiled)
    {
        var policy = compiled.Policy;
        var decision = new DecisionBuilder();

        if (facts.Author.Banned)
        {
            decision.Add(ModerationStatus.Rejected, "author.banned", "the author is banned on this site");
        }

        foreach (var match in compiled.Banned.Match(facts.Text))
        {
            decision.Add(ModerationStatus.Rejected, "wordlist.banned", match.Phrase, [Span(match.Start, match.Length)]);
        }

        foreach (var match in compiled.Suspect.Match(facts.Text))
        {
            decision.Add(ModerationStatus.Pending, "wordlist.suspect", match.Phrase, [Span(match.Start, match.Length)]);
        }

        // Trusted authors skip every automatic hold; banned words and bans above still apply.
        if (!compiled.TrustedAuthors.Contains(facts.AuthorId))
        {
            AddModelReasons(decision, classification, compiled.Thresholds);
            AddSignalReasons(decision, facts, classification.Signals, policy);
        }

        if (policy.PreModerateAll)
        {
            decision.Add(ModerationStatus.Pending, "site.premoderation", "this site holds every comment for review");
        }

        return decision.Build();
    }

    static void AddModelReasons(DecisionBuilder decision, Classification classification, PolicyThresholds thresholds)
    {
        foreach (var label in Labels)
        {
            var score = classification.Scores[label];
            var threshold = ThresholdFor(thresholds, label);

            // Scores are floats: compare in float so a threshold of 0.9 matches a score of 0.9f.
            var status = score >= (float)threshold.Reject ? ModerationStatus.Rejected
                : score >= (float)threshold.Review ? ModerationStatus.Pending
                : ModerationStatus.Approved;
            if (status == ModerationStatus.Approved)
            {
                continue;
            }

            var (kind, limit) = status == ModerationStatus.Rejected ? ("reject", threshold.Reject) : ("review", threshold.Review);
            decision.Add(
                status,
                $"{LabelName(label)}.model",
                $"{LabelName(label)} score {score:0.000} ≥ {kind} threshold {limit:0.000}",
                classification.Evidence.Where(e => e.Label == label).Select(e => Span(e.Start, e.Length)).ToList());
        }
    }

    static void AddSignalReasons(DecisionBuilder decision, CommentFacts facts, TextSignals signals, SitePolicy policy)
    {
        if (policy.MaxLinks is { } maxLinks && signals.Links > maxLinks)
        {
            decision.Add(ModerationStatus.Pending, "links.limit", $"{signals.Links} links; this site allows {maxLinks}");
        }

        var contacts = signals.Phones + signals.Emails + signals.MessengerContacts;
        if (policy.MaxContacts is { } maxContacts && contacts > maxContacts)
        {
            decision.Add(ModerationStatus.Pending, "contacts.limit", $"{contacts} phone numbers, e-mail addresses or messenger contacts; this site allows {maxContacts}");
        }

        if (facts.Campaign is { } campaign && campaign.Authors >= policy.Campaign.MinAuthors)
        {
            var status = policy.Campaign.Action == "reject" ? ModerationStatus.Rejected : ModerationStatus.Pending;
            decision.Add(status, "campaign.duplicate", $"the same or nearly the same text from {campaign.Authors} authors ({campaign.Comments} comments) in the last {policy.Campaign.WindowMinutes} minutes");
        }

        var history = policy.AuthorHistory;
        var author = facts.Author;
        if (history.Enabled && author.DecidedInWindow >= history.MinDecided
            && author.RejectedInWindow >= history.MaxRejectionRate * author.DecidedInWindow)
        {
            decision.Add(ModerationStatus.Pending, "author.history", $"{author.RejectedInWindow} of the author's {author.DecidedInWindow} comments in the last {history.WindowDays} days were rejected");
        }

        if (policy.NewAuthorApprovals > 0 && author.ApprovedTotal < policy.NewAuthorApprovals)
        {
            decision.Add(ModerationStatus.Pending, "author.new", $"new author: {author.ApprovedTotal} of {policy.NewAuthorApprovals} approved comments needed before comments go live");
        }
    }

    public static ModerationStatus Stricter(ModerationStatus a, ModerationStatus b) => Severity(a) >= Severity(b) ? a : b;

    public static string LabelName(ModerationLabel label) => label switch
    {
        ModerationLabel.Spam => "spam",
        ModerationLabel.Abuse => "abuse",
        _ => "hate",
    };

    static int Severity(ModerationStatus status) => status switch
    {
        ModerationStatus.Rejected => 2,
        ModerationStatus.Pending => 1,
        _ => 0,
    };

    static TextSpan Span(int start, int length) => new() { Start = start, Length = length };

    static ThresholdPair ThresholdFor(PolicyThresholds thresholds, ModerationLabel label) => label switch
    {
        ModerationLabel.Spam => thresholds.Spam,
        ModerationLabel.Abuse => thresholds.Abuse,
        _ => thresholds.Hate,
    };

    sealed class DecisionBuilder
    {
        readonly List<ModerationReason> _reasons = [];
        ModerationStatus _status = ModerationStatus.Approved;

        public void Add(ModerationStatus status, string code, string? detail, IReadOnlyList<TextSpan>? spans = null)
        {
            _status = Stricter(_status, status);
            _reasons.Add(new ModerationReason { Code = code, Detail = detail, Spans = spans ?? [] });
        }

        public PolicyDecision Build() => new(_status, _reasons);
    }
}
