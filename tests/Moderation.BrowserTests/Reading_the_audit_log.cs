using static Microsoft.Playwright.Assertions;

namespace Moderation.BrowserTests;

/// <summary>Admins see who did what (Coral's users miss an audit view); moderators do not get the button.</summary>
public sealed class Reading_the_audit_log(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task An_admin_sees_every_decision_with_who_and_when_and_can_filter_by_moderator()
    {
        await using var service = new LiveService();
        using var site = await SeededSite.CreateAsync(service);
        await site.SubmitAsync("c-audit", "Komentar untuk dicatat di log audit, soal banjir.");

        // A moderator decides; the moderator's own UI has no audit button.
        await using (var moderator = await ReviewUi.OpenAsync(chromium, service))
        {
            await moderator.SignInAsync(site.ModeratorKey.Key, expectItems: 1);
            await Expect(moderator.Page.GetByTestId("audit-button")).ToBeHiddenAsync();
            await moderator.FocusAsync("c-audit");
            await moderator.PressAsync("a");

            // The item leaves the queue at once (optimistic); the toast says the service confirmed the decision.
            await Expect(moderator.Toasts.Filter(new() { HasText = "Disetujui" })).ToBeVisibleAsync();
        }

        await using var admin = await ReviewUi.OpenAsync(chromium, service);
        await admin.Page.GetByTestId("signin-key").FillAsync(LiveService.Key);
        await admin.Page.GetByTestId("signin-submit").ClickAsync();
        await admin.Page.GetByTestId("audit-button").ClickAsync();

        var entries = admin.Page.GetByTestId("audit-entry");
        var decision = entries.Filter(new() { Has = admin.Page.GetByTestId("audit-action").Filter(new() { HasText = "decision" }) });
        await Expect(decision).ToHaveCountAsync(1);
        await Expect(decision.GetByTestId("audit-actor")).ToHaveTextAsync(SeededSite.ModeratorName);
        await Expect(decision).ToContainTextAsync("c-audit");
        await Expect(decision).ToContainTextAsync("\"to\":\"Approved\"");

        await admin.Page.GetByTestId("audit-actor-filter").FillAsync("someone-else");
        await admin.Page.GetByTestId("audit-actor-filter").PressAsync("Enter");
        await Expect(entries).ToHaveCountAsync(0);
        Assert.Empty(admin.ConsoleErrors);
    }
}
