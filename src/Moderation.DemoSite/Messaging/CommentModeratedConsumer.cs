using MassTransit;
using Moderation.Contracts;
using Moderation.DemoSite.Comments;

namespace Moderation.DemoSite.Messaging;

/// <summary>Keeps the page's comments up to date with every verdict the service publishes; stale revisions are dropped.</summary>
public sealed class CommentModeratedConsumer(CommentStore store, ILogger<CommentModeratedConsumer> logger) : IConsumer<CommentModerated>
{
    public Task Consume(ConsumeContext<CommentModerated> context)
    {
        var verdict = context.Message;
        var result = store.Apply(CommentUpdate.From(verdict));
        logger.LogDebug("Verdict {SiteId}/{CommentId} revision {Revision} ({Status}): {Result}", verdict.SiteId, verdict.CommentId, verdict.Revision, verdict.Status, result);
        return Task.CompletedTask;
    }
}
