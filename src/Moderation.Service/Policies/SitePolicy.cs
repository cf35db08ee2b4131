namespace Moderation.Service.Policies;

/// <summary>
/// How one site moderates (served as JSON by <c>/api/sites/{siteId}/policy</c>). Thresholds default to the
/// model's operating points; everything else defaults to "off".
/// </summary>
public sealed record SitePolicy
{
    /// <summary>Hold every comment for a moderator.</summary>
    public bool PreModerateAll { get; init; }

    /// <summary>Review and reject thresholds per label.</summary>
    public required PolicyThresholds Thresholds { get; init; }

    /// <summary>Words and phrases that reject a comment (matched on normalised text, whole words).</summary>
    public IReadOnlyList<string> BannedWords { get; init; } = [];

    /// <summary>Words and phrases that hold a comment for review.</summary>
    public IReadOnlyList<string> SuspectWords { get; init; } = [];

    /// <summary>More links than this hold the comment; null means no limit.</summary>
    public int? MaxLinks { get; init; }

    /// <summary>Author ids never held by the model (banned words still apply).</summary>
    public IReadOnlyList<string> TrustedAuthors { get; init; } = [];

    /// <summary>New authors are held until they have this many approved comments; 0 turns it off.</summary>
    public int NewAuthorApprovals { get; init; }

    /// <summary>Reader reports that move a published comment into the reported queue.</summary>
    public int ReportsToReview { get; init; } = 3;
}
