using System.Text.Json;
using MassTransit;
using Moderation.Contracts;
using Moderation.Service.Ingestion;
using Moderation.Service.Observability;

namespace Moderation.Service.Messaging;

/// <summary>
/// Answers a body far larger than any valid submission before it is deserialised, and drops it. The largest valid
/// comment (10,000 characters of text, every other field at its limit, all of it JSON-escaped) stays under about
/// 120 KB; a 1 MB body would otherwise become a 2 MB string per message, times the batch prefetch (200), and a flood
/// of them took a replica from ~280 MB to ~690 MB resident in the bad-input fault run. The site gets a
/// <see cref="CommentSubmissionRejected"/> with the ids that can be read (without materialising the text).
/// </summary>
public sealed class RejectOversizeFilter(ModerationMetrics metrics, TimeProvider time) : IFilter<ReceiveContext>
{
    public const int MaxBodyBytes = 256 * 1024;

    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        if (context.Body.Length is not { } length || length <= MaxBodyBytes)
        {
            await next.Send(context);
            return;
        }

        var (commentId, siteId, articleId) = ReadIds(context.Body.GetBytes());
        var error = new SubmissionError
        {
            Field = "body",
            Kind = "too_large",
            Message = $"The message is {length:N0} bytes; a submission is at most {MaxBodyBytes:N0} bytes (a comment's text may have at most {SubmissionValidator.MaxTextLength:N0} characters).",
        };
        metrics.Received(SiteIds.IsValid(siteId) ? siteId! : "invalid", SubmitCommentConsumer.Channel);
        metrics.Invalid(SubmitCommentConsumer.Channel, [error]);
        var rejection = new SubmissionReadResult(
            new SubmitComment { CommentId = commentId!, SiteId = siteId!, ArticleId = articleId!, AuthorId = null!, Text = null! }, [error])
            .ToRejection(time.GetUtcNow());
        var endpoint = await context.PublishEndpointProvider.GetPublishSendEndpoint<CommentSubmissionRejected>();
        await endpoint.Send(rejection, context.CancellationToken);

        // Not passed on: nothing consumes it, and the transport acknowledges it once this pipe completes.
    }

    /// <summary>The ids of a plain submission or of one inside a MassTransit envelope; the text is never read.</summary>
    static (string? CommentId, string? SiteId, string? ArticleId) ReadIds(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            if (root.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                root = inner;
            }

            return (Id(root, "commentId"), Id(root, "siteId"), Id(root, "articleId"));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return default;
        }
    }

    static string? Id(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } id
            ? id.Length > 256 ? id[..256] : id
            : null;

    public void Probe(ProbeContext context) => context.CreateFilterScope("rejectOversize");
}
