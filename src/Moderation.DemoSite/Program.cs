using Moderation.DemoSite.Messaging;
using Moderation.DemoSite.Pages;

namespace Moderation.DemoSite;

/// <summary>
/// The entry point. A class in a namespace (not top-level statements) so a test project can host this site next to
/// the service, whose <c>Program</c> is global.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddDemoSiteOptions();
        builder.AddDemoSiteMessaging();
        builder.AddModerationServiceClient();
        builder.AddDemoSiteHealth();

        var app = builder.Build();

        app.UseDemoSitePages();
        app.MapArticleApi();
        app.MapDemoSiteHealth();

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is not HostAbortedException)
        {
            app.Logger.LogCritical(ex, "The demo site stopped unexpectedly");
            return 1;
        }
    }
}
