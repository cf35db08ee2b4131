using MassTransit;
using Microsoft.EntityFrameworkCore;
using Moderation.Service.Comments;
using Moderation.Service.Data;
using Moderation.Service.Observability;

namespace Moderation.Service.Review;

/// <summary>
/// Publishes decisions whose event did not go out (broker down during a moderator action or an HTTP submission).
/// Each replica runs it; a comment published twice is harmless because sites keep the highest revision.
/// </summary>
public sealed class DecisionRepublisher(IServiceScopeFactory scopes, TimeProvider time, ILogger<DecisionRepublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RepublishAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Republishing decisions failed; will try again: {Error}", ex.Message);
            }
        }
    }

    public async Task<int> RepublishAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var metrics = scope.ServiceProvider.GetRequiredService<ModerationMetrics>();
        var before = time.GetUtcNow().UtcDateTime - Grace;
        var commentIds = await db.Decisions.AsNoTracking()
            .Where(d => d.PublishedAt == null && d.DecidedAt < before)
            .Select(d => d.CommentRecordId).Distinct().OrderBy(id => id).Take(200)
            .ToListAsync(cancellationToken);
        if (commentIds.Count == 0)
        {
            return 0;
        }

        var comments = await db.Comments.AsNoTracking().Where(c => commentIds.Contains(c.Id)).ToListAsync(cancellationToken);
        foreach (var comment in comments)
        {
            var verdict = comment.ToVerdict();
            await publish.Publish(verdict, cancellationToken);
            metrics.Published(verdict, time.GetUtcNow());
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.Decisions.Where(d => commentIds.Contains(d.CommentRecordId) && d.PublishedAt == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.PublishedAt, now), cancellationToken);
        logger.LogInformation("Republished {Count} decisions whose events had not gone out", comments.Count);
        return comments.Count;
    }
}
