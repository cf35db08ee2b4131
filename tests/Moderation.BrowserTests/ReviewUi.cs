using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moderation.BrowserTests;

/// <summary>
/// The review UI in one fresh browser context (its own sessionStorage and localStorage), with the locators the tests
/// share. Every console error is kept: a Content-Security-Policy violation shows up there, and fails the test.
/// </summary>
public sealed class ReviewUi : BrowserPage
{
    ReviewUi(IBrowserContext context, IPage page)
        : base(context, page)
    {
    }

    public ILocator Items => Page.GetByTestId("review-item");

    public ILocator Toasts => Page.GetByTestId("toast");

    public ILocator Errors => Page.GetByTestId("error-toast");

    public static Task<ReviewUi> OpenAsync(Chromium chromium, LiveService service) =>
        OpenAsync(chromium, service.BaseUrl, (context, page) => new ReviewUi(context, page), "the review UI");

    public ILocator Item(string commentId) => Page.Locator($"[data-testid=review-item][data-comment-id='{commentId}']");

    public async Task SignInAsync(string key, int expectItems)
    {
        await Page.GetByTestId("signin-key").FillAsync(key);
        await Page.GetByTestId("signin-submit").ClickAsync();
        await Expect(Items).ToHaveCountAsync(expectItems);
    }

    /// <summary>Makes a comment the current one the way a moderator would with the mouse, then keys act on it.</summary>
    public async Task FocusAsync(string commentId)
    {
        await Item(commentId).GetByTestId("comment-text").ClickAsync();
        await Expect(Item(commentId)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcurrent\b"));
    }

    public Task PressAsync(string key) => Page.Keyboard.PressAsync(key);

    /// <summary>Saves a screenshot when MODERATION_SCREENSHOTS names a directory (to look at the layout); otherwise nothing.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var directory = Environment.GetEnvironmentVariable("MODERATION_SCREENSHOTS");
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
        }
    }
}
