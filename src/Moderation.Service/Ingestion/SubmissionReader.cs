using System.Text.Json;
using Moderation.Contracts;

namespace Moderation.Service.Ingestion;

/// <summary>
/// Reads a submission from raw JSON without ever throwing: a plain JSON <see cref="SubmitComment"/> or one inside a
/// MassTransit envelope. Used where the strict path cannot say what is wrong (HTTP bodies, bus messages that failed
/// to deserialise), so the site gets every error at once.
/// </summary>
public static class SubmissionReader
{
    static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static SubmissionReadResult Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return Unreadable("The body is empty; send a JSON object with the SubmitComment fields.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Unreadable($"The body is not valid JSON ({ex.Message.Split(" Path:")[0].TrimEnd('.')}). Send UTF-8 JSON.");
        }
        catch (ArgumentException ex)
        {
            return Unreadable($"The body could not be read as UTF-8 JSON ({ex.Message}).");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static SubmissionReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Unreadable($"The body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; it must be a JSON object with the SubmitComment fields.");
        }

        // A MassTransit envelope carries the message in "message" next to "messageType".
        if (TryGetProperty(root, "message", out var inner) && inner.ValueKind == JsonValueKind.Object
            && (TryGetProperty(root, "messageType", out _) || TryGetProperty(root, "messageId", out _)))
        {
            root = inner;
        }

        var errors = new List<SubmissionError>();
        var submission = new SubmitComment
        {
            CommentId = ReadString(root, "commentId", errors)!,
            SiteId = ReadString(root, "siteId", errors)!,
            ArticleId = ReadString(root, "articleId", errors)!,
            ArticleUrl = ReadString(root, "articleUrl", errors),
            ParentCommentId = ReadString(root, "parentCommentId", errors),
            AuthorId = ReadString(root, "authorId", errors)!,
            AuthorName = ReadString(root, "authorName", errors),
            AuthorEmail = ReadString(root, "authorEmail", errors),
            AuthorIp = ReadString(root, "authorIp", errors),
            UserAgent = ReadString(root, "userAgent", errors),
            Referrer = ReadString(root, "referrer", errors),
            Text = ReadString(root, "text", errors)!,
            Language = ReadString(root, "language", errors),
            SubmittedAt = ReadTime(root, "submittedAt", errors),
        };

        var typeErrorFields = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(SubmissionValidator.Validate(submission).Where(e => !typeErrorFields.Contains(e.Field)));
        return new SubmissionReadResult(submission, errors);
    }

    static SubmissionReadResult Unreadable(string message) =>
        new(null, [new SubmissionError { Field = "body", Kind = "unreadable_body", Message = message }]);

    static string? ReadString(JsonElement root, string name, List<SubmissionError> errors)
    {
        if (!TryGetProperty(root, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new SubmissionError { Field = name, Kind = "wrong_type", Message = $"{name} must be a JSON string, not a {Describe(value.ValueKind)}{(value.ValueKind == JsonValueKind.Number ? $" (send \"{value.GetRawText()}\")" : "")}." });
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            errors.Add(new SubmissionError { Field = name, Kind = "invalid_encoding", Message = $"{name} is not valid UTF-8; send the text UTF-8 encoded." });
            return null;
        }
    }

    static DateTimeOffset ReadTime(JsonElement root, string name, List<SubmissionError> errors)
    {
        if (!TryGetProperty(root, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time))
        {
            return time;
        }

        errors.Add(new SubmissionError
        {
            Field = name,
            Kind = "wrong_type",
            Message = $"{name} must be an ISO 8601 date-time string such as \"2026-11-27T10:15:00+07:00\".",
        });
        return default;
    }

    static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "JSON object",
        JsonValueKind.Array => "JSON array",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
