using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Service.Comments;
using Moderation.Service.Data;
using Moderation.Service.Auth;
using Moderation.Service.Review;

namespace Moderation.Service.Tests;

/// <summary>Every moderator and admin endpoint: 401 without a key, 403/404 for another site's key, success with the right one.</summary>
public sealed class Moderator_endpoints_are_protected : IAsyncLifetime
{
    const string Site = "site-a";
    readonly ModerationAppFactory _app = new();
    string _moderatorKey = null!;
    string _otherSiteKey = null!;

    public async ValueTask InitializeAsync()
    {
        await _app.PreModerateAsync(Site);
        _moderatorKey = await _app.CreateKeyAsync(Roles.Moderator, Site);
        _otherSiteKey = await _app.CreateKeyAsync(Roles.Moderator, "site-b");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string> ModeratorEndpoints() =>
    [
        "GET /api/review?siteId=site-a",
        "GET /api/review/summary?siteId=site-a",
        "GET /api/stats?siteId=site-a",
        "GET /api/comments/site-a/{comment}",
        "POST /api/review/site-a/{comment}/decision {\"status\":\"Approved\"}",
        "POST /api/review/site-a/{comment}/undo",
        "POST /api/sites/site-a/authors/{author}/ban {\"reason\":\"spam\"}",
        "DELETE /api/sites/site-a/authors/{author}/ban",
        "GET /api/sites/site-a/policy",
    ];

    [Theory]
    [MemberData(nameof(ModeratorEndpoints))]
    public async Task A_moderator_endpoint_needs_a_key(string endpoint)
    {
        using var anonymous = _app.CreateClient();
        var response = await SendAsync(anonymous, endpoint, await SeedAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var forged = _app.CreateClient("mk_aaaaaaaaaaaa_not-a-real-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(forged, endpoint, await SeedAsync())).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ModeratorEndpoints))]
    public async Task A_moderator_of_another_site_cannot_see_or_touch_it(string endpoint)
    {
        var comment = await SeedAsync();
        using var other = _app.CreateClient(_otherSiteKey);

        var response = await SendAsync(other, endpoint, comment);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        using var admin = _app.CreateClient(key: null);
        var details = await admin.GetFromJsonAsync<CommentDetails>($"/api/comments/{Site}/{comment.CommentId}", TestContext.Current.CancellationToken);
        Assert.Single(details!.History);
    }

    [Theory]
    [MemberData(nameof(ModeratorEndpoints))]
    public async Task The_sites_moderator_succeeds(string endpoint)
    {
        var comment = await SeedAsync();
        using var moderator = _app.CreateClient(_moderatorKey);
        if (endpoint.Contains("/undo", StringComparison.Ordinal))
        {
            await SendAsync(moderator, "POST /api/review/site-a/{comment}/decision {\"status\":\"Rejected\",\"reason\":\"spam\"}", comment);
        }
        else if (endpoint.StartsWith("DELETE", StringComparison.Ordinal))
        {
            await SendAsync(moderator, "POST /api/sites/site-a/authors/{author}/ban {}", comment);
        }

        var response = await SendAsync(moderator, endpoint, comment);

        Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    [Fact]
    public async Task A_bulk_decision_leaves_other_sites_comments_alone()
    {
        var comment = await SeedAsync();
        using var other = _app.CreateClient(_otherSiteKey);

        var response = await other.PostAsJsonAsync("/api/review/decisions", new BulkDecisionRequest([new CommentKey(Site, comment.CommentId)], "Rejected", "spam", null), TestContext.Current.CancellationToken);

        var outcome = Assert.Single((await response.Content.ReadFromJsonAsync<List<DecisionOutcome>>(ModeratorApi.Json, TestContext.Current.CancellationToken))!);
        Assert.Equal(DecisionResult.NotFound, outcome.Result);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsJsonAsync("/api/review/decisions", new { }, TestContext.Current.CancellationToken)).StatusCode);
    }

    public static TheoryData<string> AdminEndpoints() =>
    [
        "PUT /api/sites/site-a/policy {\"maxLinks\":1}",
        "GET /api/audit",
        "GET /api/keys",
        "POST /api/keys {\"name\":\"new-moderator\",\"role\":\"moderator\",\"sites\":[\"site-a\"]}",
        "DELETE /api/keys/aaaaaaaaaaaa",
    ];

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task An_admin_endpoint_refuses_moderators_and_anonymous_callers(string endpoint)
    {
        var comment = await SeedAsync();
        using var anonymous = _app.CreateClient();
        using var moderator = _app.CreateClient(_moderatorKey);
        using var admin = _app.CreateClient(key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, endpoint, comment)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(moderator, endpoint, comment)).StatusCode);
        var response = await SendAsync(admin, endpoint, comment);
        Assert.True(response.IsSuccessStatusCode || (endpoint.StartsWith("DELETE", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.NotFound), $"{endpoint}: {response.StatusCode}");
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        using var admin = _app.CreateClient(key: null);
        var created = await (await admin.PostAsJsonAsync("/api/keys", new CreateKeyRequest("short-lived", Roles.Moderator, [Site]), TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<CreatedKey>(TestContext.Current.CancellationToken);
        using var moderator = _app.CreateClient(created!.Key);
        Assert.True((await moderator.GetAsync($"/api/review?siteId={Site}", TestContext.Current.CancellationToken)).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{created.Id}", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await moderator.GetAsync($"/api/review?siteId={Site}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        using var admin = _app.CreateClient(key: null);
        var created = await (await admin.PostAsJsonAsync("/api/keys", new CreateKeyRequest("hash-check", Roles.Moderator, [Site]), TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<CreatedKey>(TestContext.Current.CancellationToken);
        var listed = await admin.GetStringAsync("/api/keys", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(created!.Key, listed, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var stored = db.ApiKeys.Single(k => k.Id == created.Id);
        Assert.Equal(ApiKeyFormat.Hash(created.Key), stored.KeyHash);
        // The secret is everything after the second '_': base64url, so it may hold '_' itself (or start with one, which
        // made Split('_')[2] empty and this assertion fail about once in 64 runs).
        Assert.DoesNotContain(created.Key.Split('_', 3)[2], stored.KeyHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_writes_are_rate_limited_per_key()
    {
        await using var app = new ModerationAppFactory();
        app.Settings["Moderation:Auth:WritesPerMinute"] = "3";
        await app.PreModerateAsync(Site);
        var key = await app.CreateKeyAsync(Roles.Moderator, Site);
        var otherKey = await app.CreateKeyAsync(Roles.Moderator, Site);
        using var moderator = app.CreateClient(key);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var comment = await app.SubmitAsync(SampleComments.Submission(siteId: Site, authorId: $"author-{i}"));
            statuses.Add((await SendAsync(moderator, "POST /api/review/site-a/{comment}/decision {\"status\":\"Approved\"}", new Seeded(comment.CommentId, "x"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        // The limit is per key: another moderator is not slowed down by the first one.
        using var other = app.CreateClient(otherKey);
        var next = await app.SubmitAsync(SampleComments.Submission(siteId: Site, authorId: "author-other"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(other, "POST /api/review/site-a/{comment}/decision {\"status\":\"Approved\"}", new Seeded(next.CommentId, "x"))).StatusCode);
    }

    async Task<Seeded> SeedAsync()
    {
        var author = $"author-{Guid.NewGuid():N}"[..16];
        var verdict = await _app.SubmitAsync(SampleComments.Submission(siteId: Site, authorId: author));
        return new Seeded(verdict.CommentId, author);
    }

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, Seeded seeded)
    {
        var parts = endpoint.Split(' ', 3);
        var path = parts[1].Replace("{comment}", seeded.CommentId, StringComparison.Ordinal).Replace("{author}", seeded.AuthorId, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), path);
        if (parts.Length == 3)
        {
            request.Content = new StringContent(parts[2], Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    sealed record Seeded(string CommentId, string AuthorId);
}
