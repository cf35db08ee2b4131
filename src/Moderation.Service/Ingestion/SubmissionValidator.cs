using Moderation.Contracts;

namespace Moderation.Service.Ingestion;

/// <summary>Checks a submission and lists every problem, in words a site developer can act on.</summary>
public static class SubmissionValidator
{
    public const int MaxTextLength = 10_000;

    public static IReadOnlyList<SubmissionError> Validate(SubmitComment submission)
    {
        var errors = new List<SubmissionError>();
        RequiredId(errors, "commentId", submission.CommentId, 128);
        RequiredId(errors, "articleId", submission.ArticleId, 256);
        RequiredId(errors, "authorId", submission.AuthorId, 128);

        if (string.IsNullOrWhiteSpace(submission.SiteId))
        {
            errors.Add(Required("siteId"));
        }
        else if (!SiteIds.IsValid(submission.SiteId))
        {
            errors.Add(new SubmissionError
            {
                Field = "siteId",
                Kind = "invalid_format",
                Message = "siteId must be a lowercase slug: 1 to 64 characters from a-z, 0-9, '-', '_' and '.', starting with a letter or digit (for example \"kompas-daerah\").",
            });
        }

        ValidateText(errors, submission.Text);

        Optional(errors, "articleUrl", submission.ArticleUrl, 2048);
        Optional(errors, "parentCommentId", submission.ParentCommentId, 128);
        Optional(errors, "authorName", submission.AuthorName, 256);
        Optional(errors, "authorEmail", submission.AuthorEmail, 320);
        Optional(errors, "authorIp", submission.AuthorIp, 64);
        Optional(errors, "userAgent", submission.UserAgent, 1024);
        Optional(errors, "referrer", submission.Referrer, 2048);
        Optional(errors, "language", submission.Language, 16);

        if (submission.SubmittedAt.Year is > 1 and (< 2000 or > 9000))
        {
            errors.Add(new SubmissionError
            {
                Field = "submittedAt",
                Kind = "out_of_range",
                Message = $"submittedAt {submission.SubmittedAt:O} is not a plausible time; send the moment the author posted, in ISO 8601 with an offset.",
            });
        }

        return errors;
    }

    static void ValidateText(List<SubmissionError> errors, string? text)
    {
        if (text is null)
        {
            errors.Add(Required("text"));
            return;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            errors.Add(new SubmissionError { Field = "text", Kind = "empty", Message = "text is empty or only whitespace; a comment needs at least one visible character." });
        }
        else if (trimmed.Length > MaxTextLength)
        {
            errors.Add(new SubmissionError
            {
                Field = "text",
                Kind = "too_long",
                Message = $"text has {trimmed.Length:N0} characters after trimming; the limit is {MaxTextLength:N0}. Shorten it or split it.",
            });
        }

        Unstorable(errors, "text", text);
    }

    static void RequiredId(List<SubmissionError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(Required(field));
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(TooLong(field, value.Length, maxLength));
        }

        if (value.Any(char.IsControl))
        {
            errors.Add(new SubmissionError { Field = field, Kind = "invalid_characters", Message = $"{field} contains control characters (tabs, line breaks, NUL ...); ids must be printable." });
        }
        else
        {
            Unstorable(errors, field, value);
        }
    }

    static void Optional(List<SubmissionError> errors, string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(TooLong(field, value.Length, maxLength));
        }

        Unstorable(errors, field, value);
    }

    // PostgreSQL cannot store NUL, and a lone surrogate is not valid Unicode (it cannot be encoded as UTF-8).
    static void Unstorable(List<SubmissionError> errors, string field, string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new SubmissionError { Field = field, Kind = "invalid_characters", Message = $"{field} contains NUL (U+0000) characters; remove them." });
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                errors.Add(new SubmissionError { Field = field, Kind = "invalid_characters", Message = $"{field} contains an unpaired UTF-16 surrogate at position {i}; send valid Unicode text." });
                return;
            }
        }
    }

    static SubmissionError Required(string field) =>
        new() { Field = field, Kind = "required", Message = $"{field} is required and must be a non-empty string." };

    static SubmissionError TooLong(string field, int length, int maxLength) =>
        new() { Field = field, Kind = "too_long", Message = $"{field} has {length:N0} characters; the limit is {maxLength:N0}." };
}
