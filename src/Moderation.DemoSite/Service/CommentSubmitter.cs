using MassTransit;
using Moderation.Contracts;
using Moderation.DemoSite.Comments;
using Moderation.DemoSite.Messaging;

namespace Moderation.DemoSite.Service;

/// <summary>
/// Sends a reader's comment to the service: <c>SubmitComment</c> to the <c>submit-comment</c> queue when there is a
/// broker (the verdict comes back as an event), otherwise <c>POST /api/comments</c> (the verdict is the answer).
/// Either way the author sees the comment as held until the verdict says otherwise.
/// </summary>
public sealed class CommentSubmitter(
    CommentStore store, IConfiguration configuration, ISendEndpointProvider send, ModerationServiceClient service, ILogger<CommentSubmitter> logger)
{
    /// <summary>Null when the comment is on its way; otherwise what to tell the reader.</summary>
    public async Task<string?> SubmitAsync(SubmitComment submission, string readerId, CancellationToken cancellationToken)
    {
        store.Submitted(submission, readerId);
        try
        {
            if (configuration.UsesBroker())
            {
                var endpoint = await send.GetSendEndpoint(MessagingExtensions.SubmitCommentQueue);
                await endpoint.Send(submission, cancellationToken);
                return null;
            }

            var (verdict, problem) = await service.SubmitAsync(submission, cancellationToken);
            if (verdict is not null)
            {
                store.Apply(CommentUpdate.From(verdict));
                return null;
            }

            store.Forget(submission.SiteId, submission.CommentId);
            return problem;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or MassTransitException)
        {
            logger.LogWarning("Comment {SiteId}/{CommentId} could not be sent: {Error}", submission.SiteId, submission.CommentId, ex.Message);
            store.Forget(submission.SiteId, submission.CommentId);
            return "Layanan moderasi sedang tidak dapat dihubungi. Coba kirim lagi sebentar lagi.";
        }
    }
}
