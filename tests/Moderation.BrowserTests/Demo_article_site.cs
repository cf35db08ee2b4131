using System.Net.Http.Headers;
using System.Net.Http.Json;
using Moderation.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Moderation.BrowserTests;

/// <summary>
/// Readers of the demo article in real headless Chromium, against the real service: the site submits each comment,
/// and the Komentar section follows the verdicts live (server-sent events). Without a broker the site talks to the
/// service over HTTP; <see cref="Over_RabbitMQ_comments_go_out_as_commands_and_verdicts_come_back_as_events"/> runs
/// both as real MassTransit clients of RabbitMQ.
/// </summary>
public sealed class Demo_article_site(Chromium chromium) : IClassFixture<Chromium>
{
    const string SiteId = "portal-berita";
    const string Plain = "Semoga warga Sungai Lumut cepat mendapat bantuan dan air segera surut.";
    const string Another = "Terima kasih untuk liputannya, semoga para relawan tetap sehat.";
    const string Gambling = "Slot gacor hari ini di JAYAWIN88, depo 10rb auto maxwin! WA 0812-3456-7890";
    const string Markup = "<img src=x onerror=\"window.__xss=1\"> airnya <b>setinggi</b> lutut";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_plain_comment_appears_for_every_reader_and_N_goes_up()
    {
        await using var service = new LiveService();
        await PutPolicyAsync(service, new { thresholds = Thresholds(spamReview: 1.0, spamReject: 1.0) });
        await using var site = new LiveDemoSite(service);
        await using var author = await ArticleReader.OpenAsync(chromium, site);
        await using var other = await ArticleReader.OpenAsync(chromium, site);
        await author.ExpectCountAsync(0);

        await author.PostAsync("Budi", Plain);

        foreach (var reader in new[] { author, other })
        {
            await Expect(reader.Comment(Plain)).ToBeVisibleAsync();
            await Expect(reader.Comment(Plain).GetByTestId("comment-author")).ToHaveTextAsync("Budi");
            await Expect(reader.Comment(Plain).GetByTestId("comment-pending")).ToHaveCountAsync(0);
            await reader.ExpectCountAsync(1);
        }

        // Newest first, and markup in a comment is only ever text.
        await other.PostAsync("<b>Rina</b>", Markup);
        await Expect(author.Comments).ToHaveCountAsync(2);
        await Expect(author.Comments.First.GetByTestId("comment-body")).ToHaveTextAsync(Markup);
        await Expect(author.Comments.First.GetByTestId("comment-author")).ToHaveTextAsync("<b>Rina</b>");
        await author.ExpectCountAsync(2);
        Assert.Equal(0, await author.Page.Locator("[data-testid=comment-list] img, [data-testid=comment-list] b").CountAsync());
        Assert.True(await author.Page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a payload ran");

        var headers = await author.Response.AllHeadersAsync();
        Assert.Contains("default-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Empty(author.ConsoleErrors);
        Assert.Empty(other.ConsoleErrors);
    }

    [Fact]
    public async Task A_gambling_promotion_never_appears_and_N_stays_where_it_was()
    {
        await using var service = new LiveService();
        await PutPolicyAsync(service, new { thresholds = Thresholds(spamReview: 0.5, spamReject: 0.9) });
        await using var site = new LiveDemoSite(service);
        await using var reader = await ArticleReader.OpenAsync(chromium, site);
        await using var spammer = await ArticleReader.OpenAsync(chromium, site);
        await reader.PostAsync("Budi", Plain);
        await reader.ExpectCountAsync(1);

        await spammer.PostAsync("Admin Gacor", Gambling);

        // The service has decided it (and not for the page) ...
        var rejected = await ReviewQueueAsync(service, "rejected");
        Assert.Contains(Gambling, rejected, StringComparison.Ordinal);

        // ... and no reader sees it, its author included, not even after a reload.
        foreach (var someone in new[] { reader, spammer })
        {
            await Expect(someone.Comment(Gambling)).ToHaveCountAsync(0);
            await someone.ExpectCountAsync(1);
            await someone.Page.ReloadAsync();
            await Expect(someone.Comment(Plain)).ToBeVisibleAsync();
            await Expect(someone.Comment(Gambling)).ToHaveCountAsync(0);
            await someone.ExpectCountAsync(1);
        }

        Assert.Empty(spammer.ConsoleErrors);
    }

    [Fact]
    public async Task A_held_comment_waits_for_its_author_only_and_appears_once_a_moderator_approves_it()
    {
        await using var service = new LiveService();
        await PutPolicyAsync(service, new { preModerateAll = true, thresholds = Thresholds(spamReview: 1.0, spamReject: 1.0) });
        await using var site = new LiveDemoSite(service);
        await using var author = await ArticleReader.OpenAsync(chromium, site);
        await using var other = await ArticleReader.OpenAsync(chromium, site);

        await author.PostAsync("Budi", Plain);

        await Expect(author.Comment(Plain).GetByTestId("comment-pending")).ToHaveTextAsync("menunggu moderasi");
        await author.ExpectCountAsync(0);
        await Expect(other.Comment(Plain)).ToHaveCountAsync(0);
        await other.ExpectCountAsync(0);

        await DecideAsync(service, await author.CommentIdAsync(Plain), "Approved");

        foreach (var reader in new[] { other, author })
        {
            await Expect(reader.Comment(Plain)).ToBeVisibleAsync();
            await Expect(reader.Comment(Plain).GetByTestId("comment-pending")).ToHaveCountAsync(0);
            await reader.ExpectCountAsync(1);
        }
    }

    [Fact]
    public async Task A_stale_or_repeated_revision_does_not_change_what_is_shown()
    {
        await using var service = new LiveService();
        await PutPolicyAsync(service, new { preModerateAll = true, thresholds = Thresholds(spamReview: 1.0, spamReject: 1.0) });
        await using var site = new LiveDemoSite(service);
        await using var reader = await ArticleReader.OpenAsync(chromium, site);
        await reader.PostAsync("Budi", Plain);
        var commentId = await reader.CommentIdAsync(Plain);
        await DecideAsync(service, commentId, "Approved");
        await reader.ExpectCountAsync(1);

        // Revision 1 (held) arrives after revision 2 (approved), and revision 2 arrives again with another status.
        await site.PublishAndWaitAsync(Verdict(commentId, ModerationStatus.Pending, revision: 1), Verdict(commentId, ModerationStatus.Rejected, revision: 2));

        await Expect(reader.Comment(Plain)).ToBeVisibleAsync();
        await Expect(reader.Comment(Plain).GetByTestId("comment-pending")).ToHaveCountAsync(0);
        await reader.ExpectCountAsync(1);

        // A newer revision does count: the same path takes the comment down.
        await site.PublishAndWaitAsync(Verdict(commentId, ModerationStatus.Rejected, revision: 3));
        await Expect(reader.Comment(Plain)).ToHaveCountAsync(0);
        await reader.ExpectCountAsync(0);
    }

    [Fact]
    public async Task Over_RabbitMQ_comments_go_out_as_commands_and_verdicts_come_back_as_events()
    {
        await using var broker = await TestBroker.CreateAsync();
        await using var service = new LiveService(broker.Uri);
        await WaitUntilReadyAsync(service.BaseUrl);
        await PutPolicyAsync(service, new { preModerateAll = true, thresholds = Thresholds(spamReview: 1.0, spamReject: 1.0) });
        await using var site = new LiveDemoSite(service, broker.Uri);
        await WaitUntilReadyAsync(site.BaseUrl);
        await using var author = await ArticleReader.OpenAsync(chromium, site);
        await using var other = await ArticleReader.OpenAsync(chromium, site);

        // Held: the author sees it waiting, nobody else does.
        await author.PostAsync("Budi", Plain);
        await Expect(author.Comment(Plain).GetByTestId("comment-pending")).ToHaveTextAsync("menunggu moderasi");
        var commentId = await author.CommentIdAsync(Plain);
        await WaitForDecisionAsync(service, commentId);
        await Expect(other.Comment(Plain)).ToHaveCountAsync(0);

        // The moderator's approval is revision 2, published by the service and consumed from the site's own queue.
        await DecideAsync(service, commentId, "Approved");
        await Expect(other.Comment(Plain)).ToBeVisibleAsync();
        await other.ExpectCountAsync(1);

        // A late revision 1 through the broker changes nothing.
        await site.PublishAndWaitAsync(Verdict(commentId, ModerationStatus.Pending, revision: 1));
        await Expect(other.Comment(Plain).GetByTestId("comment-pending")).ToHaveCountAsync(0);
        await other.ExpectCountAsync(1);

        // Without pre-moderation the automatic verdict shows the next comment straight away.
        await PutPolicyAsync(service, new { thresholds = Thresholds(spamReview: 1.0, spamReject: 1.0) });
        await other.PostAsync("Rina", Another);
        await Expect(author.Comment(Another)).ToBeVisibleAsync();
        await author.ExpectCountAsync(2);
    }

    static object Thresholds(double spamReview, double spamReject) => new
    {
        // The committed model holds some ordinary comments on abuse and hate; these tests are about the page.
        spam = new { review = spamReview, reject = spamReject },
        abuse = new { review = 1.0, reject = 1.0 },
        hate = new { review = 1.0, reject = 1.0 },
    };

    static CommentModerated Verdict(string commentId, ModerationStatus status, int revision) => new()
    {
        CommentId = commentId,
        SiteId = SiteId,
        ArticleId = new Moderation.DemoSite.DemoSiteOptions().ArticleId,
        AuthorName = "Budi",
        Text = Plain,
        Status = status,
        Scores = new ModerationScores(),
        DecidedBy = revision == 1 ? "system" : "siti",
        ModelVersion = "sha256:test",
        Revision = revision,
        DecidedAt = DateTimeOffset.UtcNow,
        SubmittedAt = DateTimeOffset.UtcNow,
    };

    static HttpClient Admin(LiveService service)
    {
        var http = new HttpClient { BaseAddress = new Uri(service.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LiveService.Key);
        return http;
    }

    static async Task PutPolicyAsync(LiveService service, object policy)
    {
        using var admin = Admin(service);
        (await admin.PutAsJsonAsync($"/api/sites/{SiteId}/policy", policy, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>A moderator's decision through the API, as the review UI makes it.</summary>
    static async Task DecideAsync(LiveService service, string commentId, string status)
    {
        using var admin = Admin(service);
        (await admin.PostAsJsonAsync($"/api/review/{SiteId}/{commentId}/decision", new { status }, Ct)).EnsureSuccessStatusCode();
    }

    static async Task<string> ReviewQueueAsync(LiveService service, string queue)
    {
        using var admin = Admin(service);
        return await admin.GetStringAsync($"/api/review?siteId={SiteId}&queue={queue}", Ct);
    }

    /// <summary>Over the bus the service decides a little later than the site accepts the comment.</summary>
    static async Task WaitForDecisionAsync(LiveService service, string commentId)
    {
        using var admin = Admin(service);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await admin.GetAsync($"/api/comments/{SiteId}/{commentId}", Ct)).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"the service never decided {commentId}");
    }

    /// <summary>Readiness includes the bus: its queues exist and are bound before the test sends anything.</summary>
    static async Task WaitUntilReadyAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if ((await http.GetAsync("/health/ready", Ct)).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail($"{baseUrl} never became ready");
    }
}
