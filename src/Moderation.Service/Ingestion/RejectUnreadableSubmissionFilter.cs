using MassTransit;
using Moderation.Contracts;
using Moderation.Service.Observability;

namespace Moderation.Service.Ingestion;

/// <summary>
/// Runs when a <c>submit-comment</c> message fails for good. If the body itself is the problem (not JSON, wrong
/// types, invalid UTF-8), the site is told why with <see cref="CommentSubmissionRejected"/>; the message then goes
/// on to the error queue, so nothing is lost. Bodies that read fine failed for another reason (say, the database
/// was down through every retry) and are left to the error queue alone.
/// </summary>
public sealed class RejectUnreadableSubmissionFilter(ModerationMetrics metrics, TimeProvider time) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var read = SubmissionReader.Read(context.Body.GetBytes());
        if (!read.IsValid)
        {
            metrics.Received(SiteIds.IsValid(read.Submission?.SiteId) ? read.Submission!.SiteId : "invalid", SubmitCommentConsumer.Channel);
            metrics.Invalid(SubmitCommentConsumer.Channel, read.Errors);
            var endpoint = await context.PublishEndpointProvider.GetPublishSendEndpoint<CommentSubmissionRejected>();
            await endpoint.Send(read.ToRejection(time.GetUtcNow()), context.CancellationToken);
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("rejectUnreadableSubmission");
}
