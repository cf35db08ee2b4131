using Moderation.Contracts;

namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// Our verdict in Coral's terms.
/// <list type="bullet">
/// <item>Approved with nothing to flag → no answer (204): Coral publishes the comment as it would without us, and its
/// own queues (reports, unmoderated) keep working. APPROVED would also mark it as reviewed, which no human did.</item>
/// <item>Pending → <c>PREMOD</c> when only the site's or author's pre-moderation held it (what Coral's own
/// pre-moderation phases set), otherwise <c>SYSTEM_WITHHELD</c> (what Coral's spam and toxicity detection set). Both
/// put the comment in Coral's Pending queue.</item>
/// <item>Rejected → <c>REJECTED</c>.</item>
/// </list>
/// Each reason that has a Coral counterpart becomes a <c>FLAG</c> action (one per Coral reason), with our codes and
/// details as its additional details, so Coral's moderators see why.
/// </summary>
public static class CoralVerdicts
{
    static readonly HashSet<string> PreModerationOnly = new(StringComparer.Ordinal) { "site.premoderation", "author.new" };

    public static ExternalModerationResponse? ToResponse(CommentModerated verdict)
    {
        var actions = verdict.Reasons
            .Select(r => (Reason: FlagReason(r.Code), Text: r.Detail is { Length: > 0 } detail ? $"{r.Code}: {detail}" : r.Code))
            .Where(x => x.Reason is not null)
            .GroupBy(x => x.Reason!, StringComparer.Ordinal)
            .Select(g => new ExternalModerationResponse.FlagAction { Reason = g.Key, AdditionalDetails = Truncate(string.Join("; ", g.Select(x => x.Text))) })
            .ToList();

        var status = verdict.Status switch
        {
            ModerationStatus.Rejected => CoralStatuses.Rejected,
            ModerationStatus.Pending when verdict.Reasons.Count > 0 && verdict.Reasons.All(r => PreModerationOnly.Contains(r.Code)) => CoralStatuses.PreModerated,
            ModerationStatus.Pending => CoralStatuses.SystemWithheld,
            _ => null,
        };

        return status is null && actions.Count == 0 ? null : new ExternalModerationResponse { Status = status, Actions = actions.Count > 0 ? actions : null };
    }

    /// <summary>
    /// Coral accepts only TOXIC and SPAM from a phase. Word-list hits count as toxic (lists hold slurs and insults more
    /// often than not); reasons about the author, the site or a moderator have no Coral flag and travel in the status.
    /// </summary>
    public static string? FlagReason(string code) => code switch
    {
        "spam.model" or "links.limit" or "contacts.limit" or "campaign.duplicate" => CoralFlagReasons.Spam,
        "abuse.model" or "hate.model" or "wordlist.banned" or "wordlist.suspect" => CoralFlagReasons.Toxic,
        _ => null,
    };

    static string Truncate(string text) => text.Length <= 500 ? text : text[..499] + "…";
}
