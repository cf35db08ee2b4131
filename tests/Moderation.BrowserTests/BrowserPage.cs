using Microsoft.Playwright;

namespace Moderation.BrowserTests;

/// <summary>
/// A page in a fresh browser context of its own (its own cookies and storage), opened at <c>/</c> of a site. Every
/// console error and page error is kept: a Content-Security-Policy violation shows up there, and tests assert none.
/// </summary>
public abstract class BrowserPage : IAsyncDisposable
{
    readonly IBrowserContext _context;
    readonly List<string> _consoleErrors = [];

    protected BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>The response that served <c>/</c>.</summary>
    public IResponse Response { get; private set; } = null!;

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Opens a new context at <paramref name="baseUrl"/>, wraps its page with <paramref name="create"/> and loads <c>/</c>.</summary>
    protected static async Task<T> OpenAsync<T>(Chromium chromium, string baseUrl, Func<IBrowserContext, IPage, T> create, string what)
        where T : BrowserPage
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "id-ID" });
        var page = create(context, await context.NewPageAsync());
        var response = await page.Page.GotoAsync("/");
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET / should serve {what}");
        page.Response = response;
        return page;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
