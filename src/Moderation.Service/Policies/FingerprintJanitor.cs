using Microsoft.EntityFrameworkCore;
using Moderation.Service.Data;

namespace Moderation.Service.Policies;

/// <summary>
/// Deletes rows of the legacy <c>fingerprints</c> table (<see cref="Data.FingerprintRecord"/>) older than the longest
/// campaign window a policy can set (7 days); since this version no longer writes it, the table is empty a week after
/// the upgrade, ready to be dropped by the next release. Every replica may run it; the delete is idempotent.
/// </summary>
public sealed class FingerprintJanitor(IServiceScopeFactory scopes, TimeProvider time, ILogger<FingerprintJanitor> logger) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var deleted = await PurgeAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} campaign fingerprints older than {Days} days", deleted, KeepFor.TotalDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Purging old fingerprints failed; will try again: {Error}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var before = time.GetUtcNow().UtcDateTime - KeepFor;
        return await db.Fingerprints.Where(f => f.At < before).ExecuteDeleteAsync(cancellationToken);
    }
}
