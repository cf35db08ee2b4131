namespace Moderation.Classifier;

/// <summary>The status the default thresholds give (mirrors the contracts' status without depending on them).</summary>
public enum ModerationVerdict
{
    /// <summary>Held for a moderator.</summary>
    Pending = 0,

    /// <summary>Shown.</summary>
    Approved = 1,

    /// <summary>Not shown.</summary>
    Rejected = 2,
}
