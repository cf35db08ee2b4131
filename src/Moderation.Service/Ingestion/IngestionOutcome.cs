using Moderation.Contracts;

namespace Moderation.Service.Ingestion;

/// <summary>
/// The result of ingesting one submission: a verdict (new, or the stored one again for a duplicate) or a rejection.
/// </summary>
public sealed record IngestionOutcome(CommentModerated? Verdict, CommentSubmissionRejected? Rejection, bool IsDuplicate)
{
    public static IngestionOutcome Moderated(CommentModerated verdict, bool isDuplicate) => new(verdict, null, isDuplicate);

    public static IngestionOutcome Rejected(CommentSubmissionRejected rejection) => new(null, rejection, false);
}
