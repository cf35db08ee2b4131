using Moderation.Contracts;

namespace Moderation.Service.Policies;

/// <summary>The automatic decision for one comment.</summary>
public sealed record PolicyDecision(ModerationStatus Status, IReadOnlyList<ModerationReason> Reasons);
