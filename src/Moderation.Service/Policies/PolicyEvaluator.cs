using Moderation.Classifier;
using Moderation.Contracts;

namespace Moderation.Service.Policies;

/// <summary>Turns a classification and a site's policy into a status and the reasons for it.</summary>
public static class PolicyEvaluator
{
    static readonly ModerationLabel[] Labels = [ModerationLabel.Spam, ModerationLabel.Abuse, ModerationLabel.Hate];

    public static PolicyDecision Evaluate(Classification classification, SitePolicy policy)
    {
        var status = ModerationStatus.Approved;
        var reasons = new List<ModerationReason>();

        foreach (var label in Labels)
        {
            var score = classification.Scores[label];
            var threshold = ThresholdFor(policy.Thresholds, label);
            // Scores are floats: compare in float so a threshold of 0.9 matches a score of 0.9f.
            var verdict = score >= (float)threshold.Reject ? ModerationStatus.Rejected
                : score >= (float)threshold.Review ? ModerationStatus.Pending
                : ModerationStatus.Approved;
            if (verdict == ModerationStatus.Approved)
            {
                continue;
            }

            status = Stricter(status, verdict);
            reasons.Add(new ModerationReason
            {
                Code = $"{LabelName(label)}.model",
                Detail = $"{LabelName(label)} score {score:0.000} ≥ {(verdict == ModerationStatus.Rejected ? "reject" : "review")} threshold {(verdict == ModerationStatus.Rejected ? threshold.Reject : threshold.Review):0.000}",
                Spans = classification.Evidence
                    .Where(e => e.Label == label)
                    .Select(e => new TextSpan { Start = e.Start, Length = e.Length })
                    .ToList(),
            });
        }

        if (policy.MaxLinks is { } maxLinks && classification.Signals.Links > maxLinks)
        {
            status = Stricter(status, ModerationStatus.Pending);
            reasons.Add(new ModerationReason { Code = "links.limit", Detail = $"{classification.Signals.Links} links; this site allows {maxLinks}" });
        }

        if (policy.PreModerateAll)
        {
            status = Stricter(status, ModerationStatus.Pending);
            reasons.Add(new ModerationReason { Code = "site.premoderation", Detail = "this site holds every comment for review" });
        }

        return new PolicyDecision(status, reasons);
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

    static ThresholdPair ThresholdFor(PolicyThresholds thresholds, ModerationLabel label) => label switch
    {
        ModerationLabel.Spam => thresholds.Spam,
        ModerationLabel.Abuse => thresholds.Abuse,
        _ => thresholds.Hate,
    };
}
