namespace Moderation.Service.Policies;

/// <summary>
/// An author with at least <see cref="MinDecided"/> decided comments in the last <see cref="WindowDays"/> days, of
/// which at least <see cref="MaxRejectionRate"/> were rejected, has new comments held for review.
/// </summary>
public sealed record AuthorHistorySettings
{
    public bool Enabled { get; init; } = true;
    public int WindowDays { get; init; } = 30;
    public int MinDecided { get; init; } = 3;
    public double MaxRejectionRate { get; init; } = 0.5;
}
