using Microsoft.Extensions.Options;
using Moderation.DemoSite.Comments;
using Moderation.DemoSite.Messaging;

namespace Moderation.DemoSite.Service;

/// <summary>
/// Reads the article's approved comments from the service: once at start with a broker (what was approved while this
/// site was away; events do the rest), every <see cref="DemoSiteOptions.PollInterval"/> without one (the only way an
/// approval by a moderator reaches this site then). Each comment carries its revision, so the store's rule applies.
/// </summary>
public sealed class ApprovedCommentsSync(
    CommentStore store, IServiceScopeFactory scopes, IConfiguration configuration, IOptions<DemoSiteOptions> options, ILogger<ApprovedCommentsSync> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var site = options.Value;
        if (site.ModerationUrl is null)
        {
            return;
        }

        var polling = !configuration.UsesBroker();
        var delay = polling ? site.PollInterval : TimeSpan.FromSeconds(1);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<ModerationServiceClient>();
                var applied = (await service.ApprovedAsync(site.SiteId, site.ArticleId, stoppingToken)).Count(c => store.Apply(c) == ApplyResult.Applied);
                if (applied > 0)
                {
                    logger.LogDebug("{Count} approved comments taken from the moderation service", applied);
                }

                failures = 0;
                if (!polling)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
            {
                // Warn once per outage, not on every poll.
                if (failures++ == 0)
                {
                    logger.LogWarning("Could not read the approved comments from {ModerationUrl}: {Error}", site.ModerationUrl, ex.Message);
                }
            }

            try
            {
                await Task.Delay(polling ? delay : TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
