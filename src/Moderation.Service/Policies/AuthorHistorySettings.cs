namespace Moderation.Service.Policies;

/// <summary>
/// An author with at least <see cref="MinDecided"/> decided comments in the last <see cref="WindowDays"/> days, of
/// which at least <see cref="MaxRejectionRate"/> were rejected, has new comments held for review. Only the author's
/// newest <see cref="MaxComments"/> comments of the window count.
/// </summary>
public sealed record AuthorHistorySettings
{
    /// <summary>
    /// How many of an author's newest comments in the window are read. Recent behaviour is what the signal is about,
    /// and without a bound the read grows with every comment a prolific author writes (the 30-minute soak's latency
    /// grew as the generator's authors reached ~125 comments each, docs/RELIABILITY.md).
    /// </summary>
    public const int MaxComments = 100;

    public bool Enabled { get; init; } = true;
    public int WindowDays { get; init; } = 30;
    public int MinDecided { get; init; } = 3;
    public double MaxRejectionRate { get; init; } = 0.5;
}
