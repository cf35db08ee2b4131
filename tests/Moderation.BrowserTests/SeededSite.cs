using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Moderation.Contracts;
using Moderation.Service.Auth;
using Moderation.Service.Comments;

namespace Moderation.BrowserTests;

/// <summary>
/// A site on a <see cref="LiveService"/>, set up over the public HTTP API as a newsroom would: pre-moderation on (so
/// every seeded comment waits for a moderator, whatever the model thinks), "banjir" as a suspect word (so comments
/// carry a reason with a span to highlight), and one moderator key.
/// </summary>
public sealed class SeededSite : IDisposable
{
    public const string SiteId = "portal-uji";
    public const string ArticleId = "banjir-jakarta-2026";
    public const string ModeratorName = "siti";
    public const string SuspectWord = "banjir";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    readonly HttpClient _http;

    SeededSite(HttpClient http, CreatedKey moderatorKey)
    {
        _http = http;
        ModeratorKey = moderatorKey;
    }

    public CreatedKey ModeratorKey { get; }

    static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<SeededSite> CreateAsync(LiveService service)
    {
        var http = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LiveService.Key);

        // Reject thresholds of 1 keep the model from rejecting a seeded comment outright: everything is held.
        var threshold = new { review = 0.5, reject = 1.0 };
        (await http.PutAsJsonAsync($"/api/sites/{SiteId}/policy", new
        {
            preModerateAll = true,
            suspectWords = new[] { SuspectWord },
            thresholds = new { spam = threshold, abuse = threshold, hate = threshold },
        }, Cancel)).EnsureSuccessStatusCode();

        var created = await http.PostAsJsonAsync("/api/keys", new CreateKeyRequest(ModeratorName, Roles.Moderator, [SiteId]), Cancel);
        created.EnsureSuccessStatusCode();
        return new SeededSite(http, (await created.Content.ReadFromJsonAsync<CreatedKey>(Json, Cancel))!);
    }

    public async Task<CommentModerated> SubmitAsync(string commentId, string text, string authorId = "pembaca-1", string? authorName = "Budi")
    {
        var response = await _http.PostAsJsonAsync("/api/comments", new SubmitComment
        {
            CommentId = commentId,
            SiteId = SiteId,
            ArticleId = ArticleId,
            ArticleUrl = "https://portal.example/berita/banjir-jakarta",
            AuthorId = authorId,
            AuthorName = authorName,
            Text = text,
            Language = "id",
            SubmittedAt = DateTimeOffset.UtcNow,
        }, Json, Cancel);
        response.EnsureSuccessStatusCode();
        var verdict = (await response.Content.ReadFromJsonAsync<CommentModerated>(Json, Cancel))!;
        Assert.Equal(ModerationStatus.Pending, verdict.Status);
        return verdict;
    }

    /// <summary>What the article's public Komentar section shows.</summary>
    public async Task<ArticleComments> ArticleCommentsAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        return (await anonymous.GetFromJsonAsync<ArticleComments>($"/api/sites/{SiteId}/articles/{ArticleId}/comments", Json, Cancel))!;
    }

    public async Task<CommentDetails> CommentAsync(string commentId) =>
        (await _http.GetFromJsonAsync<CommentDetails>($"/api/comments/{SiteId}/{commentId}", Json, Cancel))!;

    /// <summary>Another moderator (here: the admin) decides a comment while the UI still shows it.</summary>
    public async Task ApproveElsewhereAsync(string commentId) =>
        (await _http.PostAsJsonAsync($"/api/review/{SiteId}/{commentId}/decision", new { status = "Approved" }, Cancel)).EnsureSuccessStatusCode();

    /// <summary>Readers report a comment, each once.</summary>
    public async Task ReportAsync(string commentId, int readers)
    {
        for (var reader = 1; reader <= readers; reader++)
        {
            (await _http.PostAsJsonAsync($"/api/comments/{SiteId}/{commentId}/reports", new { reporterId = $"pelapor-{reader}", reason = "abuse" }, Cancel))
                .EnsureSuccessStatusCode();
        }
    }

    public async Task RevokeModeratorKeyAsync() =>
        (await _http.DeleteAsync($"/api/keys/{ModeratorKey.Id}", Cancel)).EnsureSuccessStatusCode();

    public void Dispose() => _http.Dispose();
}
