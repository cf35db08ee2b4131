using Moderation.DemoSite.Comments;
using Moderation.DemoSite.Messaging;
using Moderation.DemoSite.Service;

namespace Moderation.DemoSite;

public static class DemoSiteExtensions
{
    /// <summary>The site's options (validated at start), its comment store and the JSON it speaks.</summary>
    public static IHostApplicationBuilder AddDemoSiteOptions(this IHostApplicationBuilder builder)
    {
        var usesBroker = builder.Configuration.UsesBroker();
        builder.Services.AddOptions<DemoSiteOptions>().BindConfiguration(DemoSiteOptions.Section)
            .Validate(o => DemoSiteOptions.IsSlug(o.SiteId), "DemoSite:SiteId must be a lowercase slug such as portal-berita")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ArticleId) && o.ArticleId.Length <= 256, "DemoSite:ArticleId must be 1 to 256 characters")
            .Validate(o => o.ModerationUrl is null || (o.ModerationUrl.IsAbsoluteUri && o.ModerationUrl.Scheme is "http" or "https"), "DemoSite:ModerationUrl must be an absolute http(s) address")
            .Validate(o => usesBroker || o.ModerationUrl is not null, "DemoSite:ModerationUrl is required without ConnectionStrings:RabbitMq: comments are then submitted over HTTP")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "DemoSite:PollInterval must be positive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.VerdictQueue), "DemoSite:VerdictQueue must be set")
            .ValidateOnStart();
        builder.Services.AddSingleton<CommentStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddProblemDetails();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return builder;
    }

    /// <summary>The moderation service's HTTP API, the submitter that picks bus or HTTP, and the approved-comments sync.</summary>
    public static IHostApplicationBuilder AddModerationServiceClient(this IHostApplicationBuilder builder)
    {
        var moderationUrl = builder.Configuration.GetValue<Uri?>($"{DemoSiteOptions.Section}:{nameof(DemoSiteOptions.ModerationUrl)}") ?? new DemoSiteOptions().ModerationUrl!;
        builder.Services.AddHttpClient<ModerationServiceClient>(http =>
        {
            http.BaseAddress = new Uri(moderationUrl.ToString().TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddScoped<CommentSubmitter>();
        builder.Services.AddHostedService<ApprovedCommentsSync>();
        return builder;
    }
}
