using Moderation.Service.Ingestion;

namespace Moderation.Service.Integrations.Coral;

public static class CoralExtensions
{
    /// <summary>The Coral Talk integration's options; the endpoint is <see cref="CoralApi.MapCoralApi"/>.</summary>
    public static IHostApplicationBuilder AddCoralIntegration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoralOptions>().BindConfiguration(CoralOptions.Section)
            .Validate(o => o.SiteIds.Values.All(SiteIds.IsValid), "every value of Moderation:Integrations:Coral:SiteIds must be a site id (a lowercase slug such as portal-berita)")
            .Validate(o => o.SigningSecret is null or "" || o.SigningSecret.Length >= 16, "Moderation:Integrations:Coral:SigningSecret must be at least 16 characters (copy it from Coral's admin)")
            .ValidateOnStart();
        return builder;
    }
}
