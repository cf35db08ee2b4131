using Microsoft.Playwright;

namespace Moderation.BrowserTests;

/// <summary>
/// One headless Chromium per test class (Debian's package, never a downloaded browser). Missing Chromium skips on a
/// developer machine and fails under CI=true; <c>./test.sh</c> installs it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            var message = $"{ExecutablePath} is missing: ./test.sh installs Debian's chromium package.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message);
            }

            Assert.Skip(message);
        }

        // A loaded CI machine (build, broker and database on two cores) can take more than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
