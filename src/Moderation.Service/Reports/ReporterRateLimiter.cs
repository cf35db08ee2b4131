using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Moderation.Service.Auth;

namespace Moderation.Service.Reports;

/// <summary>Reports per reader and hour (per replica; a reader's reports also count only once per comment).</summary>
public sealed class ReporterRateLimiter(IOptions<AuthOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
    {
        PermitLimit = options.Value.ReportsPerReporterPerHour,
        Window = TimeSpan.FromHours(1),
        QueueLimit = 0,
    }));

    public bool TryAcquire(string siteId, string reporterId)
    {
        using var lease = _limiter.AttemptAcquire($"{siteId}\n{reporterId}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
