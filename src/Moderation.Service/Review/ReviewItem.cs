using Moderation.Contracts;

namespace Moderation.Service.Review;

/// <summary>One comment in a review queue: what a moderator needs to decide without another request.</summary>
public sealed record ReviewItem(
    string SiteId,
    string CommentId,
    string ArticleId,
    string? ArticleUrl,
    string? ParentCommentId,
    string AuthorId,
    string? AuthorName,
    string Text,
    ModerationStatus Status,
    int Revision,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    DateTimeOffset SubmittedAt,
    DateTimeOffset ReceivedAt,
    ModerationScores Scores,
    IReadOnlyList<ModerationReason> Reasons,
    int ReportCount,
    bool Reported,
    string ModelVersion,
    AuthorSummary Author);
