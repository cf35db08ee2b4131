using Moderation.Contracts;
using Moderation.Service.Data;

namespace Moderation.Service.Comments;

/// <summary>One decision in a comment's history.</summary>
public sealed record DecisionRevision(
    int Revision, ModerationStatus Status, string DecidedBy, DateTimeOffset DecidedAt, IReadOnlyList<ModerationReason> Reasons, string? ReasonCode, string? Note)
{
    public static DecisionRevision From(DecisionRecord d) => new(
        d.Revision, d.Status, d.DecidedBy, new DateTimeOffset(DateTime.SpecifyKind(d.DecidedAt, DateTimeKind.Utc)),
        ReasonsJson.Deserialize(d.ReasonsJson), d.ReasonCode, d.Note);
}
