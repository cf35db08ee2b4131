using Moderation.Service.Policies;

namespace Moderation.Service.Ingestion;

public static class IngestionExtensions
{
    /// <summary>Registers the moderation pipeline shared by the consumer and the HTTP endpoint.</summary>
    public static IHostApplicationBuilder AddModerationIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PersonalDataHasher>();
        builder.Services.AddSingleton<SitePolicyStore>();
        builder.Services.AddSingleton<ModerationSignals>();
        builder.Services.AddSingleton<CampaignIndex>();
        builder.Services.AddHostedService<FingerprintJanitor>();
        builder.Services.AddScoped<CommentIngestion>();
        builder.Services.AddScoped<VerdictPublisher>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
