using MassTransit;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.DemoSite.Comments;

namespace Moderation.DemoSite.Messaging;

/// <summary>
/// Keeps the page's comments up to date with every verdict the service publishes for this site (the event goes to
/// every site on the broker); stale revisions are dropped by the store.
/// </summary>
public sealed class CommentModeratedConsumer(CommentStore store, IOptions<DemoSiteOptions> options, ILogger<CommentModeratedConsumer> logger)
    : IConsumer<CommentModerated>
{
    public Task Consume(ConsumeContext<CommentModerated> context)
    {
        var verdict = context.Message;
        if (verdict.SiteId != options.Value.SiteId)
        {
            return Task.CompletedTask;
        }

        var result = store.Apply(CommentUpdate.From(verdict));
        logger.LogDebug("Verdict {SiteId}/{CommentId} revision {Revision} ({Status}): {Result}", verdict.SiteId, verdict.CommentId, verdict.Revision, verdict.Status, result);
        return Task.CompletedTask;
    }
}
