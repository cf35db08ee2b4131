using System.Text.Json;
using System.Text.Json.Serialization;
using Moderation.Contracts;
using Moderation.DemoSite.Comments;

namespace Moderation.DemoSite.Service;

/// <summary>The moderation service's public HTTP API, as any site would call it.</summary>
public sealed class ModerationServiceClient(HttpClient http)
{
    const int MaxComments = 1000;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary><c>POST /api/comments</c>: the verdict, or the service's explanation of why it could not moderate the comment.</summary>
    public async Task<(CommentModerated? Verdict, string? Problem)> SubmitAsync(SubmitComment submission, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/comments", submission, Json, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<CommentModerated>(Json, cancellationToken), null);
        }

        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.Content.ReadFromJsonAsync<Problem>(Json, cancellationToken))?.Detail
            : null;
        return (null, problem ?? $"The moderation service answered {(int)response.StatusCode}.");
    }

    /// <summary>The article's approved comments (<c>GET /api/sites/{siteId}/articles/{articleId}/comments</c>), newest first.</summary>
    public async Task<IReadOnlyList<CommentUpdate>> ApprovedAsync(string siteId, string articleId, CancellationToken cancellationToken)
    {
        var comments = new List<CommentUpdate>();
        string? cursor = null;
        do
        {
            var path = $"api/sites/{Uri.EscapeDataString(siteId)}/articles/{Uri.EscapeDataString(articleId)}/comments?limit=200"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await http.GetFromJsonAsync<ApprovedPage>(path, Json, cancellationToken)
                ?? throw new InvalidOperationException("The moderation service sent an empty comments page.");
            comments.AddRange(page.Items.Select(c => new CommentUpdate(
                siteId, c.CommentId, articleId, c.ParentCommentId, c.AuthorName, c.Text, ModerationStatus.Approved, c.Revision, c.SubmittedAt)));
            cursor = page.NextCursor;
        }
        while (cursor is not null && comments.Count < MaxComments);

        return comments;
    }

    /// <summary>Whether the service answers its liveness check.</summary>
    public async Task<bool> IsAliveAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("health/live", cancellationToken);
        return response.IsSuccessStatusCode;
    }

    sealed record Problem(string? Title, string? Detail);

    sealed record ApprovedPage(int ApprovedCount, IReadOnlyList<ApprovedComment> Items, string? NextCursor);

    sealed record ApprovedComment(string CommentId, string? ParentCommentId, string? AuthorName, string Text, DateTimeOffset SubmittedAt, int Revision);
}
