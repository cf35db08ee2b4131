using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Moderation.Contracts;
using Moderation.Service.Auth;

namespace Moderation.Service.Tests;

/// <summary>Helpers for tests that act as site admins and moderators.</summary>
public static class ModeratorApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<string> CreateKeyAsync(this ModerationAppFactory app, string role, params string[] sites)
    {
        using var admin = app.CreateClient(key: null);
        var response = await admin.PostAsJsonAsync("/api/keys", new CreateKeyRequest($"{role}-{Guid.NewGuid():N}"[..20], role, sites), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedKey>(TestContext.Current.CancellationToken))!.Key;
    }

    public static async Task<CommentModerated> SubmitAsync(this ModerationAppFactory app, SubmitComment submission)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/comments", submission, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CommentModerated>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Makes every comment of a site pending (pre-moderation), so tests do not depend on model scores.</summary>
    public static async Task PreModerateAsync(this ModerationAppFactory app, string siteId)
    {
        using var admin = app.CreateClient(key: null);
        var response = await admin.PutAsJsonAsync($"/api/sites/{siteId}/policy", new { preModerateAll = true }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
