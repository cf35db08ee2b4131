using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moderation.BrowserTests;

/// <summary>
/// One reader of the demo article: a fresh browser context (its own cookie, hence its own reader id) on the article
/// page, following the Komentar section live. Console errors are kept (a CSP violation shows up there).
/// </summary>
public sealed class ArticleReader : BrowserPage
{
    ArticleReader(IBrowserContext context, IPage page)
        : base(context, page)
    {
    }

    /// <summary>The "Komentar (N)" heading.</summary>
    public ILocator Heading => Page.GetByTestId("comment-heading");

    public ILocator Comments => Page.GetByTestId("comment");

    public ILocator FormStatus => Page.GetByTestId("form-status");

    public static async Task<ArticleReader> OpenAsync(Chromium chromium, LiveDemoSite site)
    {
        var reader = await OpenAsync(chromium, site.BaseUrl, (context, page) => new ArticleReader(context, page), "the article");
        await Expect(reader.Page.GetByTestId("live-status")).ToHaveAttributeAsync("data-state", "live");
        return reader;
    }

    /// <summary>The comment showing this text.</summary>
    public ILocator Comment(string text) => Comments.Filter(new() { Has = Page.GetByTestId("comment-body").GetByText(text, new() { Exact = true }) });

    /// <summary>Posts a comment through the form, as a reader would, and waits until the site accepted it.</summary>
    public async Task PostAsync(string name, string text)
    {
        await Page.GetByTestId("comment-name").FillAsync(name);
        await Page.GetByTestId("comment-text-input").FillAsync(text);
        await Page.GetByTestId("comment-submit").ClickAsync();
        await Expect(FormStatus).ToHaveTextAsync("Terima kasih, komentar Anda sudah terkirim.");
    }

    /// <summary>The site's id of the comment showing this text (readers see their own held comments, so authors can ask).</summary>
    public async Task<string> CommentIdAsync(string text)
    {
        await Expect(Comment(text)).ToHaveCountAsync(1);
        return (await Comment(text).GetAttributeAsync("data-comment-id"))!;
    }

    public async Task ExpectCountAsync(int approved) => await Expect(Heading).ToHaveTextAsync($"Komentar ({approved})");
}
