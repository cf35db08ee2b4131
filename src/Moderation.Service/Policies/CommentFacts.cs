using Moderation.Classifier;

namespace Moderation.Service.Policies;

/// <summary>Everything the policy looks at besides the scores.</summary>
public sealed record CommentFacts(string AuthorId, NormalizedText Text, AuthorSignals Author, CampaignMatch? Campaign);
