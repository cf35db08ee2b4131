using Moderation.Classifier;

namespace Moderation.Service.Policies;

/// <summary>Gives the policy of a site: the defaults derived from the model in service.</summary>
public sealed class SitePolicyProvider(CommentClassifier classifier)
{
    public SitePolicy DefaultPolicy()
    {
        var t = classifier.Current.Thresholds;
        return new SitePolicy
        {
            Thresholds = new PolicyThresholds(
                new ThresholdPair(t.Spam.Review, t.Spam.Reject),
                new ThresholdPair(t.Abuse.Review, t.Abuse.Reject),
                new ThresholdPair(t.Hate.Review, t.Hate.Reject)),
        };
    }

    public ValueTask<SitePolicy> GetAsync(string siteId, CancellationToken cancellationToken) => ValueTask.FromResult(DefaultPolicy());
}
