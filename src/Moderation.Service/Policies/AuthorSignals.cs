namespace Moderation.Service.Policies;

/// <summary>What the site knows about an author: a ban, and their decided comments.</summary>
public sealed record AuthorSignals(bool Banned, int ApprovedTotal, int DecidedInWindow, int RejectedInWindow)
{
    public static AuthorSignals Unknown { get; } = new(false, 0, 0, 0);
}
