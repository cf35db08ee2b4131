namespace Moderation.Service.Policies;

/// <summary>A site's effective policy with its word lists normalised once, ready for every comment.</summary>
public sealed class CompiledPolicy(SitePolicy policy)
{
    public SitePolicy Policy { get; } = policy;
    public PolicyThresholds Thresholds { get; } = policy.Thresholds ?? throw new ArgumentException("an effective policy has thresholds", nameof(policy));
    public WordList Banned { get; } = new(policy.BannedWords);
    public WordList Suspect { get; } = new(policy.SuspectWords);
    public IReadOnlySet<string> TrustedAuthors { get; } = policy.TrustedAuthors.ToHashSet(StringComparer.Ordinal);
}
