using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moderation.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Moderation.BrowserTests;

/// <summary>A moderator works the review UI in real headless Chromium against the real service.</summary>
public sealed class Moderating_in_the_browser(Chromium chromium) : IClassFixture<Chromium>
{
    const string Helpful = "Semoga bantuan untuk korban banjir cepat datang, terima kasih beritanya.";
    const string Rude = "Pemerintah daerah lamban sekali menangani banjir, tolong segera diperbaiki.";
    const string ScriptPayload = "<script>window.__xss=1</script> komentar biasa";
    const string ImagePayload = "<img src=x onerror=\"window.__xss=2\"> gambar?";

    static ILocator Highlighted(ILocator text, string word) =>
        text.Locator("mark", new() { HasTextRegex = new Regex($"^{Regex.Escape(word)}$") });

    static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50 && !await condition(); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(await condition());
    }

    [Fact]
    public async Task A_moderator_approves_and_rejects_with_the_keyboard_and_the_article_page_follows()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-helpful", Helpful, authorId: "pembaca-1", authorName: "Budi");
        await site.SubmitAsync("c-rude", Rude, authorId: "pembaca-2", authorName: "Rina");
        await using var ui = await ReviewUi.OpenAsync(chromium, service);

        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 2);

        // The reasons are spelled out (code and detail) and the words behind them are highlighted in the text.
        var helpful = ui.Item("c-helpful");
        await Expect(helpful.Locator("[data-testid=reason-chip][data-code='site.premoderation']")).ToBeVisibleAsync();
        await Expect(helpful.Locator("[data-testid=reason-chip][data-code='wordlist.suspect']")).ToContainTextAsync(SeededSite.SuspectWord);
        await Expect(Highlighted(helpful.GetByTestId("comment-text"), SeededSite.SuspectWord)).ToBeVisibleAsync();
        await Expect(helpful.GetByTestId("author-name")).ToHaveTextAsync("Budi");
        await Expect(helpful.GetByTestId("author-id")).ToHaveTextAsync("pembaca-1");
        await Expect(helpful.GetByTestId("article-link")).ToHaveAttributeAsync("href", "https://portal.example/berita/banjir-jakarta");
        await Expect(ui.Page.GetByTestId("count-pending")).ToHaveTextAsync("2");
        await ui.ScreenshotAsync("queue");

        await ui.FocusAsync("c-helpful");
        await ui.PressAsync("a");
        await Expect(helpful).ToHaveCountAsync(0);
        await Expect(ui.Toasts.Filter(new() { HasText = "Disetujui: Budi" })).ToBeVisibleAsync();

        await ui.FocusAsync("c-rude");
        await ui.PressAsync("r");
        await Expect(ui.Page.GetByTestId("reject-dialog")).ToBeVisibleAsync();
        await ui.ScreenshotAsync("reject-dialog");
        await ui.PressAsync("2");
        await Expect(ui.Item("c-rude")).ToHaveCountAsync(0);
        await Expect(ui.Toasts.Filter(new() { HasText = "Ditolak" })).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("queue-status")).ToContainTextAsync("Tidak ada komentar");

        // The public Komentar section shows the approved comment and not the rejected one.
        var article = await site.ArticleCommentsAsync();
        Assert.Contains(article.Items, c => c.CommentId == "c-helpful");
        Assert.DoesNotContain(article.Items, c => c.CommentId == "c-rude");
        var rude = await site.CommentAsync("c-rude");
        Assert.Equal(ModerationStatus.Rejected, rude.Current.Status);
        Assert.Equal("abuse", rude.History[^1].ReasonCode);
        Assert.Equal(SeededSite.ModeratorName, rude.History[^1].DecidedBy);

        await Expect(ui.Page.GetByTestId("count-decided")).ToHaveTextAsync("2");
        await Expect(ui.Page.GetByTestId("count-pending")).ToHaveTextAsync("0");

        // The audit trail is one key away: revision 1 by the system, revision 2 by the moderator.
        await ui.Page.GetByRole(AriaRole.Tab, new() { Name = "Disetujui" }).ClickAsync();
        await Expect(ui.Items).ToHaveCountAsync(1);
        await ui.FocusAsync("c-helpful");
        await ui.PressAsync("h");
        var history = ui.Page.GetByTestId("history-panel");
        await Expect(history).ToBeVisibleAsync();
        var second = history.Locator("[data-testid=revision][data-revision='2']");
        await Expect(second.GetByTestId("revision-by")).ToHaveTextAsync(SeededSite.ModeratorName);
        await Expect(second.GetByTestId("revision-status")).ToHaveTextAsync("Disetujui");
        await Expect(history.Locator("[data-testid=revision][data-revision='1']").GetByTestId("revision-by")).ToHaveTextAsync("sistem");
        await Expect(Highlighted(history.GetByTestId("history-text"), SeededSite.SuspectWord)).ToBeVisibleAsync();
        await ui.ScreenshotAsync("history");
        await ui.PressAsync("Escape");
        await Expect(history).ToBeHiddenAsync();

        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task Comments_carrying_markup_render_as_inert_text()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-script", ScriptPayload, authorName: "<b>Penyusup</b>");
        await site.SubmitAsync("c-img", ImagePayload, authorId: "pembaca-2");
        await using var ui = await ReviewUi.OpenAsync(chromium, service);

        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 2);

        await Expect(ui.Item("c-script").GetByTestId("comment-text")).ToHaveTextAsync(ScriptPayload);
        await Expect(ui.Item("c-img").GetByTestId("comment-text")).ToHaveTextAsync(ImagePayload);
        await Expect(ui.Item("c-script").GetByTestId("author-name")).ToHaveTextAsync("<b>Penyusup</b>");
        Assert.Equal(0, await ui.Page.Locator("[data-testid=review-item] img, [data-testid=review-item] script, [data-testid=review-item] b:text('Penyusup')").CountAsync());

        // The history panel renders the same text the same way.
        await ui.FocusAsync("c-img");
        await ui.PressAsync("h");
        await Expect(ui.Page.GetByTestId("history-text")).ToHaveTextAsync(ImagePayload);
        Assert.Equal(0, await ui.Page.Locator("[data-testid=history-panel] img").CountAsync());

        Assert.True(await ui.Page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a payload ran");
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task The_page_is_served_with_a_strict_content_security_policy()
    {
        await using var service = new LiveService();
        await using var ui = await ReviewUi.OpenAsync(chromium, service);

        var headers = await ui.Response.AllHeadersAsync();

        Assert.Contains("default-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        await Expect(ui.Page.GetByTestId("signin-key")).ToBeVisibleAsync();
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task The_language_switch_changes_the_labels_and_is_remembered()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-1", Helpful);
        await using var ui = await ReviewUi.OpenAsync(chromium, service);
        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 1);

        var approve = ui.Item("c-1").GetByTestId("action-approve");
        await Expect(approve).ToContainTextAsync("Setujui");
        await Expect(ui.Page.GetByTestId("tab-pending")).ToContainTextAsync("Ditahan");
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("lang", "id");

        await ui.Page.GetByTestId("lang-switch").ClickAsync();

        await Expect(approve).ToContainTextAsync("Approve");
        await Expect(ui.Page.GetByTestId("tab-pending")).ToContainTextAsync("Pending");
        await Expect(ui.Page.GetByText("Held now")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ui.ScreenshotAsync("english");

        // A reload keeps both the language (localStorage) and the session (sessionStorage, this tab only).
        await ui.Page.ReloadAsync();
        await Expect(ui.Item("c-1").GetByTestId("action-approve")).ToContainTextAsync("Approve");

        await ui.Page.GetByTestId("sign-out").ClickAsync();
        await Expect(ui.Page.GetByTestId("signin-key")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("signin-submit")).ToHaveTextAsync("Sign in");
        Assert.Null(await ui.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('moderation.apiKey')"));
    }

    [Fact]
    public async Task Selected_comments_are_rejected_together()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-spam-1", "Promo pulsa murah, hubungi admin sekarang juga ya kak.", authorId: "pembaca-1");
        await site.SubmitAsync("c-spam-2", "Promo pulsa murah sekali, hubungi admin kami sekarang.", authorId: "pembaca-2");
        await site.SubmitAsync("c-keep", Helpful, authorId: "pembaca-3");
        await using var ui = await ReviewUi.OpenAsync(chromium, service);
        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 3);

        await ui.FocusAsync("c-spam-1");
        await ui.PressAsync("x");
        await ui.FocusAsync("c-spam-2");
        await ui.PressAsync("x");
        await Expect(ui.Page.GetByTestId("bulk-count")).ToHaveTextAsync("2 dipilih");
        await ui.ScreenshotAsync("bulk");

        await ui.PressAsync("Shift+R");
        await Expect(ui.Page.GetByTestId("reject-dialog")).ToContainTextAsync("Tolak 2 komentar");
        await ui.Page.GetByTestId("reject-note").FillAsync("promo pulsa berulang");
        await ui.PressAsync("Enter");
        await ui.PressAsync("1");

        await Expect(ui.Items).ToHaveCountAsync(1);
        await Expect(ui.Item("c-keep")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("bulk-bar")).ToBeHiddenAsync();
        await Expect(ui.Toasts.Filter(new() { HasText = "2 komentar" })).ToBeVisibleAsync();
        foreach (var id in new[] { "c-spam-1", "c-spam-2" })
        {
            var details = await site.CommentAsync(id);
            Assert.Equal(ModerationStatus.Rejected, details.Current.Status);
            Assert.Equal("spam", details.History[^1].ReasonCode);
            Assert.Equal("promo pulsa berulang", details.History[^1].Note);
        }

        Assert.Equal(ModerationStatus.Pending, (await site.CommentAsync("c-keep")).Current.Status);
    }

    [Fact]
    public async Task Undo_puts_the_last_decision_back()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-1", Helpful);
        await using var ui = await ReviewUi.OpenAsync(chromium, service);
        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 1);

        await ui.FocusAsync("c-1");
        await ui.PressAsync("a");
        await Expect(ui.Toasts.Filter(new() { HasText = "Disetujui" })).ToBeVisibleAsync();
        await Expect(ui.Items).ToHaveCountAsync(0);

        await ui.PressAsync("u");

        await Expect(ui.Item("c-1")).ToBeVisibleAsync();
        await Expect(ui.Toasts.Filter(new() { HasText = "Keputusan diurungkan" })).ToBeVisibleAsync();
        await Expect(ui.Toasts.Filter(new() { HasText = "Disetujui: Budi" })).ToHaveCountAsync(0);
        var details = await site.CommentAsync("c-1");
        Assert.Equal(ModerationStatus.Pending, details.Current.Status);
        Assert.Equal(3, details.Current.Revision);
        Assert.DoesNotContain((await site.ArticleCommentsAsync()).Items, c => c.CommentId == "c-1");

        // The restored item carries the new revision, so deciding it again does not conflict.
        await ui.PressAsync("a");
        await Expect(ui.Items).ToHaveCountAsync(0);
        await EventuallyAsync(async () => (await site.CommentAsync("c-1")).Current.Status == ModerationStatus.Approved);
    }

    [Fact]
    public async Task Banning_an_author_rejects_their_held_comments_after_a_confirmation()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-troll-1", "Komentar pertama dari akun yang mengganggu diskusi.", authorId: "troll-9", authorName: "Troll");
        await site.SubmitAsync("c-troll-2", "Komentar kedua dari akun yang sama, tetap mengganggu.", authorId: "troll-9", authorName: "Troll");
        await site.SubmitAsync("c-other", Helpful, authorId: "pembaca-3");
        await using var ui = await ReviewUi.OpenAsync(chromium, service);
        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 3);

        await ui.FocusAsync("c-troll-1");
        await ui.PressAsync("b");
        var dialog = ui.Page.GetByTestId("ban-dialog");
        await Expect(dialog).ToContainTextAsync("troll-9");
        await ui.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(ui.Items).ToHaveCountAsync(3);

        await ui.PressAsync("b");
        await Expect(dialog).ToBeVisibleAsync();
        await ui.PressAsync("Enter");

        await Expect(ui.Items).ToHaveCountAsync(1);
        await Expect(ui.Item("c-other")).ToBeVisibleAsync();
        await Expect(ui.Toasts.Filter(new() { HasText = "Troll diblokir" })).ToBeVisibleAsync();
        Assert.Equal(ModerationStatus.Rejected, (await site.CommentAsync("c-troll-2")).Current.Status);
    }

    [Fact]
    public async Task A_comment_decided_elsewhere_first_is_reloaded_not_overwritten()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-1", Rude);
        await using var ui = await ReviewUi.OpenAsync(chromium, service);
        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 1);

        await site.ApproveElsewhereAsync("c-1");
        await ui.FocusAsync("c-1");
        await ui.PressAsync("r");
        await ui.PressAsync("1");

        await Expect(ui.Errors.Filter(new() { HasText = "sudah diputuskan oleh admin" })).ToBeVisibleAsync();
        await Expect(ui.Items).ToHaveCountAsync(0);
        Assert.Equal(ModerationStatus.Approved, (await site.CommentAsync("c-1")).Current.Status);
    }

    [Fact]
    public async Task Reported_comments_wait_in_their_own_queue_with_the_number_of_reports()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-published", Rude);
        await site.ApproveElsewhereAsync("c-published");
        await site.ReportAsync("c-published", readers: 3);
        await using var ui = await ReviewUi.OpenAsync(chromium, service);
        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 0);
        await Expect(ui.Page.GetByTestId("count-reported")).ToHaveTextAsync("1");

        await ui.Page.GetByTestId("tab-reported").ClickAsync();

        await Expect(ui.Item("c-published").GetByTestId("report-count")).ToHaveTextAsync("3 laporan pembaca");
        await ui.FocusAsync("c-published");
        await ui.PressAsync("r");
        await ui.PressAsync("2");
        await Expect(ui.Items).ToHaveCountAsync(0);
        await Expect(ui.Page.GetByTestId("count-reported")).ToHaveTextAsync("0");
        Assert.DoesNotContain((await site.ArticleCommentsAsync()).Items, c => c.CommentId == "c-published");
    }

    [Fact]
    public async Task The_queue_pages_with_a_cursor_as_the_moderator_moves_down()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        for (var i = 0; i < 35; i++)
        {
            await site.SubmitAsync($"c-{i:00}", $"Komentar nomor {i} tentang berita hari ini.", authorId: $"pembaca-{i}");
        }

        await using var ui = await ReviewUi.OpenAsync(chromium, service);
        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 30);
        await ui.PressAsync("?");
        await Expect(ui.Page.GetByTestId("help-dialog")).ToContainTextAsync("Urungkan keputusan terakhir");
        await ui.PressAsync("Escape");

        for (var i = 0; i < 25; i++)
        {
            await ui.PressAsync("j");
        }

        await Expect(ui.Items).ToHaveCountAsync(35);
        await Expect(ui.Page.GetByTestId("queue-status")).ToHaveTextAsync("Akhir antrean · 35 komentar");
        await Expect(ui.Items.Nth(25)).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
        await ui.PressAsync("k");
        await Expect(ui.Items.Nth(24)).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
    }

    [Fact]
    public async Task A_refused_key_sends_the_moderator_back_to_sign_in()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-1", Helpful);
        await using var ui = await ReviewUi.OpenAsync(chromium, service);

        await ui.Page.GetByTestId("signin-key").FillAsync("mk_notarealkey1_secret");
        await ui.Page.GetByTestId("signin-submit").ClickAsync();
        await Expect(ui.Page.GetByTestId("signin-error")).ToHaveTextAsync(new Regex("Kunci tidak dikenal"));

        await ui.SignInAsync(site.ModeratorKey.Key, expectItems: 1);
        await site.RevokeModeratorKeyAsync();
        await ui.FocusAsync("c-1");
        await ui.PressAsync("a");

        await Expect(ui.Page.GetByTestId("signin-key")).ToBeVisibleAsync();
        await Expect(ui.Page.GetByTestId("signin-error")).ToContainTextAsync("dicabut");
        Assert.Equal(ModerationStatus.Pending, (await site.CommentAsync("c-1")).Current.Status);
    }
}
