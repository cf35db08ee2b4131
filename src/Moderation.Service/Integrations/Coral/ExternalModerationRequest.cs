using System.Text.Json.Serialization;

namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// What Coral posts to an external moderation phase (coralproject/talk
/// <c>server/src/core/server/services/comments/pipeline/phases/external.ts</c>, <c>ExternalModerationRequest</c>).
/// Coral runs the phase before it stores the comment, so the request carries no comment id and no author name.
/// </summary>
public sealed record ExternalModerationRequest
{
    /// <summary><c>NEW</c> for a new comment, <c>EDIT</c> for an edit of an existing one.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    [JsonPropertyName("comment")]
    public CommentPart? Comment { get; init; }

    [JsonPropertyName("author")]
    public AuthorPart? Author { get; init; }

    [JsonPropertyName("story")]
    public StoryPart? Story { get; init; }

    [JsonPropertyName("site")]
    public SitePart? Site { get; init; }

    [JsonPropertyName("tenantID")]
    public string? TenantId { get; init; }

    [JsonPropertyName("tenantDomain")]
    public string? TenantDomain { get; init; }

    /// <summary>The comment: its body (HTML or plain text, as the phase's format setting says) and the parent it replies to.</summary>
    public sealed record CommentPart(
        [property: JsonPropertyName("body")] string? Body,
        [property: JsonPropertyName("parentID")] string? ParentId);

    /// <summary>The author: Coral's user id and role (<c>COMMENTER</c>, <c>STAFF</c>, <c>MODERATOR</c>, <c>ADMIN</c>, …).</summary>
    public sealed record AuthorPart(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("role")] string? Role);

    /// <summary>The story (article) commented on.</summary>
    public sealed record StoryPart(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("url")] string? Url);

    /// <summary>The Coral site the story belongs to.</summary>
    public sealed record SitePart([property: JsonPropertyName("id")] string? Id);
}
