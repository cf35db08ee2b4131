using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Contracts;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

public sealed class Site_policies : IAsyncLifetime
{
    readonly ModerationAppFactory _app = new();
    HttpClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        _admin = _app.CreateClient(key: null);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_site_without_a_policy_gets_the_models_thresholds_and_sane_defaults()
    {
        var policy = await _admin.GetFromJsonAsync<SitePolicy>("/api/sites/baru/policy", Ct);

        var model = Moderation.Classifier.ModerationModel.Load(RepositoryPaths.Model);
        Assert.Equal(model.Thresholds.Spam.Review, (float)policy!.Thresholds!.Spam.Review);
        Assert.Equal(model.Thresholds.Hate.Reject, (float)policy.Thresholds.Hate.Reject);
        Assert.False(policy.PreModerateAll);
        Assert.Equal(3, policy.ReportsToReview);
        Assert.True(policy.Campaign.Enabled);
    }

    [Fact]
    public async Task The_served_json_has_the_documented_shape()
    {
        using var json = JsonDocument.Parse(await _admin.GetStringAsync("/api/sites/baru/policy", Ct));
        var root = json.RootElement;
        foreach (var name in new[] { "preModerateAll", "thresholds", "bannedWords", "suspectWords", "maxLinks", "trustedAuthors", "newAuthorApprovals", "reportsToReview" })
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }

        Assert.True(root.GetProperty("thresholds").GetProperty("spam").TryGetProperty("review", out _));
        Assert.True(root.GetProperty("thresholds").GetProperty("hate").TryGetProperty("reject", out _));
    }

    [Fact]
    public async Task An_invalid_policy_is_refused_with_every_problem_and_not_saved()
    {
        var response = await _admin.PutAsJsonAsync("/api/sites/baru/policy", new
        {
            thresholds = new { spam = new { review = 0.9, reject = 0.5 }, abuse = new { review = 0.1, reject = 0.9 }, hate = new { review = 0.1, reject = 1.5 } },
            reportsToReview = 0,
            maxLinks = -1,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        foreach (var field in new[] { "thresholds.spam", "thresholds.hate", "reportsToReview", "maxLinks" })
        {
            Assert.Contains(field, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("thresholds.abuse", body, StringComparison.Ordinal);
        Assert.Equal(3, (await _admin.GetFromJsonAsync<SitePolicy>("/api/sites/baru/policy", Ct))!.ReportsToReview);
    }

    [Fact]
    public async Task A_saved_policy_applies_to_the_next_comment()
    {
        const string site = "portal-kata";
        (await _admin.PutAsJsonAsync($"/api/sites/{site}/policy", new { bannedWords = new[] { "jayawin88" }, suspectWords = new[] { "transfer dulu" } }, Ct)).EnsureSuccessStatusCode();

        var banned = await _app.SubmitAsync(SampleComments.Submission("Mampir ke J4YAW1N88 ya", siteId: site));
        var suspect = await _app.SubmitAsync(SampleComments.Submission("Kalau mau ikut, transfer dulu ke saya", siteId: site));

        Assert.Equal(ModerationStatus.Rejected, banned.Status);
        var reason = Assert.Single(banned.Reasons, r => r.Code == "wordlist.banned");
        Assert.Equal("J4YAW1N88", banned.Text.Substring(reason.Spans[0].Start, reason.Spans[0].Length));
        Assert.Contains(suspect.Reasons, r => r.Code == "wordlist.suspect" && r.Detail == "transfer dulu");
        Assert.NotEqual(ModerationStatus.Approved, suspect.Status);
    }
}
