using Moderation.Contracts;
using Moderation.Service.Data;

namespace Moderation.Service.Comments;

/// <summary>A comment's current verdict, where it came from, and every decision on it.</summary>
public sealed record CommentDetails(
    CommentModerated Current,
    string AuthorId,
    string? ArticleUrl,
    string Channel,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<DecisionRevision> History)
{
    public static CommentDetails From(CommentRecord c) => new(
        c.ToVerdict(),
        c.AuthorId,
        c.ArticleUrl,
        c.Channel,
        new DateTimeOffset(DateTime.SpecifyKind(c.ReceivedAt, DateTimeKind.Utc)),
        c.Decisions.OrderBy(d => d.Revision).Select(DecisionRevision.From).ToList());
}
