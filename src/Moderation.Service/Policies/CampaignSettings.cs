namespace Moderation.Service.Policies;

/// <summary>
/// The same or nearly the same text (SimHash distance ≤ <see cref="MaxDistance"/> bits of 64) posted by at least
/// <see cref="MinAuthors"/> different authors on a site within <see cref="WindowMinutes"/> is a campaign.
/// </summary>
public sealed record CampaignSettings
{
    public bool Enabled { get; init; } = true;
    public int MinAuthors { get; init; } = 3;
    public int WindowMinutes { get; init; } = 60;

    /// <summary>0 to 7: how many of the 64 fingerprint bits may differ (a changed word or number moves 4–6).</summary>
    public int MaxDistance { get; init; } = 6;

    /// <summary><c>hold</c> (default) or <c>reject</c>.</summary>
    public string Action { get; init; } = "hold";
}
