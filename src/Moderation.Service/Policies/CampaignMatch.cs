namespace Moderation.Service.Policies;

/// <summary>Near-duplicates of a comment on its site within the window: how many comments and distinct authors (itself included).</summary>
public sealed record CampaignMatch(int Comments, int Authors);
