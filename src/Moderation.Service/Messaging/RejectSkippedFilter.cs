using MassTransit;
using Moderation.Contracts;
using Moderation.Service.Ingestion;
using Moderation.Service.Observability;

namespace Moderation.Service.Messaging;

/// <summary>
/// A message no consumer of <c>submit-comment</c> takes (a MassTransit envelope whose <c>messageType</c> is not
/// <c>SubmitComment</c>) would otherwise go silently to <c>submit-comment_skipped</c>: the site would never hear of
/// it. It is answered with <see cref="CommentSubmissionRejected"/> (with the ids that can be read) and then kept in
/// the skipped queue for inspection, as before.
/// </summary>
public sealed class RejectSkippedFilter(ModerationMetrics metrics, TimeProvider time) : IFilter<ReceiveContext>
{
    public const string UnknownType = "unknown_message_type";

    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        var read = SubmissionReader.Read(context.Body.GetBytes());
        var errors = new List<SubmissionError>
        {
            new()
            {
                Field = "messageType",
                Kind = UnknownType,
                Message = "The message is not a SubmitComment. Send plain JSON (content type application/json) or a MassTransit "
                    + "envelope whose messageType is urn:message:Moderation.Contracts:SubmitComment.",
            },
        };
        var rejection = new SubmissionReadResult(read.Submission, errors).ToRejection(time.GetUtcNow());
        metrics.Received(SiteIds.IsValid(read.Submission?.SiteId) ? read.Submission!.SiteId : "invalid", SubmitCommentConsumer.Channel);
        metrics.Invalid(SubmitCommentConsumer.Channel, errors);
        var endpoint = await context.PublishEndpointProvider.GetPublishSendEndpoint<CommentSubmissionRejected>();
        await endpoint.Send(rejection, context.CancellationToken);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("rejectSkipped");
}
