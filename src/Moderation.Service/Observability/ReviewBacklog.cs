using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Data;

namespace Moderation.Service.Observability;

/// <summary>
/// The review backlog per site and queue, counted in the database every <see cref="Interval"/> so that scraping
/// <c>/metrics</c> never runs a query.
/// </summary>
public sealed class ReviewBacklog(IServiceScopeFactory scopes, ILogger<ReviewBacklog> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public IReadOnlyDictionary<(string Site, string Queue), long> Snapshot { get; private set; } = new Dictionary<(string, string), long>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug("Review backlog not refreshed: {Error}", ex.Message);
            }

            await Task.Delay(Interval, stoppingToken);
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var pending = await db.Comments.AsNoTracking().Where(c => c.Status == ModerationStatus.Pending)
            .GroupBy(c => c.SiteId).Select(g => new { Site = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var reported = await db.Comments.AsNoTracking().Where(c => c.Reported)
            .GroupBy(c => c.SiteId).Select(g => new { Site = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);

        // Sites whose backlog emptied keep a 0, so dashboards see the drop instead of a vanished series.
        var snapshot = Snapshot.Keys.ToDictionary(k => k, _ => 0L);
        foreach (var row in pending)
        {
            snapshot[(row.Site, "pending")] = row.Count;
        }

        foreach (var row in reported)
        {
            snapshot[(row.Site, "reported")] = row.Count;
        }

        Snapshot = snapshot;
    }
}
