using MassTransit;
using Moderation.Contracts;
using Moderation.DemoSite.Comments;
using Moderation.DemoSite.Messaging;

namespace Moderation.DemoSite.Service;

/// <summary>
/// Sends a reader's comment to the service: <c>SubmitComment</c> to the <c>submit-comment</c> exchange when there is a
/// broker (the verdict comes back as an event), otherwise <c>POST /api/comments</c> (the verdict is the answer).
/// Either way the author sees the comment as held until the verdict says otherwise.
/// </summary>
public sealed class CommentSubmitter(
    CommentStore store, IConfiguration configuration, ISendEndpointProvider send, ModerationServiceClient service, ILogger<CommentSubmitter> logger)
{
    static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Null when the comment is on its way; otherwise what to tell the reader.</summary>
    public async Task<string?> SubmitAsync(SubmitComment submission, string readerId, CancellationToken cancellationToken)
    {
        store.Submitted(submission, readerId);
        try
        {
            if (configuration.UsesBroker())
            {
                // MassTransit keeps trying while the broker is away; the reader should hear back before long.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(SendTimeout);
                var endpoint = await send.GetSendEndpoint(MessagingExtensions.SubmitCommentAddress);
                await endpoint.Send(submission, timeout.Token);
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
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or MassTransitException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Comment {SiteId}/{CommentId} could not be sent: {Error}", submission.SiteId, submission.CommentId, ex.Message);
            store.Forget(submission.SiteId, submission.CommentId);
            return "Layanan moderasi sedang tidak dapat dihubungi. Coba kirim lagi sebentar lagi.";
        }
    }
}
