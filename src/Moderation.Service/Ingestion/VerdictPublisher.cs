using MassTransit;
using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Data;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary>
/// Publishes a verdict decided on a synchronous path (<c>POST /api/comments</c>, the Coral Talk phase) and marks its
/// decision published. A publish that fails leaves the mark unset, and <c>DecisionRepublisher</c> sends it later.
/// </summary>
public sealed class VerdictPublisher(IPublishEndpoint publish, ModerationDbContext db, ModerationMetrics metrics, TimeProvider time)
{
    public async Task PublishAsync(CommentModerated verdict, CancellationToken cancellationToken)
    {
        await publish.Publish(verdict, cancellationToken);
        var now = time.GetUtcNow();
        metrics.Published(verdict, now);
        await db.Decisions
            .Where(d => d.Comment!.SiteId == verdict.SiteId && d.Comment.CommentId == verdict.CommentId && d.PublishedAt == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.PublishedAt, now.UtcDateTime), cancellationToken);
    }
}
