namespace Moderation.Service.Review;

/// <summary>Counts for a site (or every site the key may see) over a time range.</summary>
public sealed record SiteStats(
    string? SiteId,
    DateTimeOffset From,
    DateTimeOffset To,
    int Received,
    IReadOnlyDictionary<string, int> AutomaticDecisions,
    IReadOnlyDictionary<string, int> CurrentStatus,
    int ModeratorDecisions,
    int Reports,
    IReadOnlyDictionary<string, int> Reasons);
