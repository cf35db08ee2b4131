using Moderation.Contracts;

namespace Moderation.Service.Ingestion;

/// <summary>What <see cref="SubmissionReader"/> made of a body: the submission when it could be read, and every error.</summary>
public sealed record SubmissionReadResult(SubmitComment? Submission, IReadOnlyList<SubmissionError> Errors)
{
    public bool IsValid => Submission is not null && Errors.Count == 0;

    public CommentSubmissionRejected ToRejection(DateTimeOffset now) => new()
    {
        CommentId = Clip(Submission?.CommentId),
        SiteId = Clip(Submission?.SiteId),
        ArticleId = Clip(Submission?.ArticleId),
        Errors = Errors,
        RejectedAt = now,
    };

    // Echo ids back for correlation, but never a megabyte of them.
    static string? Clip(string? id) => id is { Length: > 256 } ? id[..256] : id;
}
