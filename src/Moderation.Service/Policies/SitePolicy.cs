namespace Moderation.Service.Policies;

/// <summary>
/// How one site moderates, as served and accepted by <c>GET/PUT /api/sites/{siteId}/policy</c>. Thresholds left
/// out follow the model in service (its operating points are chosen on held-out data); everything else has a
/// default a newsroom can start with.
/// </summary>
public sealed record SitePolicy
{
    /// <summary>Hold every comment for a moderator.</summary>
    public bool PreModerateAll { get; init; }

    /// <summary>Review and reject thresholds per label; null follows the model's defaults.</summary>
    public PolicyThresholds? Thresholds { get; init; }

    /// <summary>Words and phrases that reject a comment (matched on normalised text as whole words, so 𝐒𝐋𝐎𝐓 and s.l.o.t match "slot").</summary>
    public IReadOnlyList<string> BannedWords { get; init; } = [];

    /// <summary>Words and phrases that hold a comment for review.</summary>
    public IReadOnlyList<string> SuspectWords { get; init; } = [];

    /// <summary>More links than this hold the comment; null means no limit.</summary>
    public int? MaxLinks { get; init; } = 2;

    /// <summary>More phone numbers, e-mail addresses and WhatsApp/Telegram contacts than this hold the comment; null means no limit.</summary>
    public int? MaxContacts { get; init; } = 0;

    /// <summary>Author ids never held by the model or other signals (banned words and bans still apply).</summary>
    public IReadOnlyList<string> TrustedAuthors { get; init; } = [];

    /// <summary>New authors are held until they have this many approved comments; 0 turns it off.</summary>
    public int NewAuthorApprovals { get; init; }

    /// <summary>Distinct readers' reports that move a published comment into the reported queue.</summary>
    public int ReportsToReview { get; init; } = 3;

    /// <summary>Near-duplicate text from many authors (spam campaigns).</summary>
    public CampaignSettings Campaign { get; init; } = new();

    /// <summary>Authors whose recent comments were mostly rejected go into pre-moderation.</summary>
    public AuthorHistorySettings AuthorHistory { get; init; } = new();
}
