namespace Moderation.DemoSite.Comments;

/// <summary>What <see cref="CommentStore.Apply"/> did with an update.</summary>
public enum ApplyResult
{
    /// <summary>A newer revision: it is what the page shows now.</summary>
    Applied,

    /// <summary>The revision the store already has (a redelivery): ignored.</summary>
    Duplicate,

    /// <summary>An older revision that arrived late: ignored.</summary>
    Stale,
}
