namespace Moderation.Service.Integrations.Coral;

/// <summary>Coral's <c>COMMENT_STATUS</c> values that a phase may set.</summary>
public static class CoralStatuses
{
    /// <summary>Published and marked as approved.</summary>
    public const string Approved = "APPROVED";

    /// <summary>Not published.</summary>
    public const string Rejected = "REJECTED";

    /// <summary>Held because the site or the author is pre-moderated (Coral's pre-moderation phases use it).</summary>
    public const string PreModerated = "PREMOD";

    /// <summary>Held because something in the comment was detected (Coral's spam and toxicity phases use it).</summary>
    public const string SystemWithheld = "SYSTEM_WITHHELD";
}
