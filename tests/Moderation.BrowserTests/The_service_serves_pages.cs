namespace Moderation.BrowserTests;

public sealed class The_service_serves_pages(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_api_reference_renders_in_a_real_browser()
    {
        await using var service = new LiveService();
        var page = await chromium.Browser.NewPageAsync();

        var response = await page.GotoAsync($"{service.BaseUrl}/openapi/v1.json");

        Assert.NotNull(response);
        Assert.True(response.Ok);
        Assert.Contains("Moderation API", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
