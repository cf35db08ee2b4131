using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.DemoSite.Comments;
using Moderation.DemoSite.Service;

namespace Moderation.DemoSite.Pages;

/// <summary>
/// The page's own API: post a comment, read the Komentar section, and follow it as server-sent events (one
/// <c>komentar</c> event with the whole section on connect and after every change).
/// </summary>
public static class ArticleApi
{
    public const int MaxNameLength = 80;
    public const int MaxTextLength = 2000;
    public const string StreamEvent = "komentar";
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapArticleApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/comments", PostAsync);
        app.MapGet("/api/comments", (HttpContext context, CommentStore store, IOptions<DemoSiteOptions> options) =>
            TypedResults.Ok(store.View(options.Value.SiteId, options.Value.ArticleId, Readers.Existing(context))));
        app.MapGet("/api/stream", (HttpContext context, CommentStore store, IOptions<DemoSiteOptions> options, IHostApplicationLifetime lifetime) =>
            TypedResults.ServerSentEvents(StreamAsync(store, options.Value, Readers.Existing(context), context.RequestAborted, lifetime.ApplicationStopping)));
        return app;
    }

    static async Task<Results<Accepted<PostedComment>, ProblemHttpResult>> PostAsync(
        CommentForm form, HttpContext context, CommentSubmitter submitter, IOptions<DemoSiteOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = form.AuthorName?.Trim() ?? "";
        var text = form.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxTextLength || name.Length > MaxNameLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Komentar belum bisa dikirim",
                detail: text.Length == 0 ? "Tulis komentar Anda dulu."
                    : text.Length > MaxTextLength ? $"Komentar paling panjang {MaxTextLength:N0} karakter."
                    : $"Nama paling panjang {MaxNameLength} karakter.");
        }

        var site = options.Value;
        var request = context.Request;
        var submission = new SubmitComment
        {
            CommentId = $"demo-{Guid.NewGuid():N}",
            SiteId = site.SiteId,
            ArticleId = site.ArticleId,
            ArticleUrl = (site.ArticleUrl ?? new Uri($"{request.Scheme}://{request.Host}/")).ToString(),
            AuthorId = $"pembaca-{Readers.Id(context)}",
            AuthorName = name.Length == 0 ? CommentStore.AnonymousName : name,
            AuthorIp = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(request.Headers.UserAgent.ToString(), 1024),
            Referrer = Truncate(request.Headers.Referer.ToString(), 2048),
            Text = text,
            Language = "id",
            SubmittedAt = time.GetUtcNow(),
        };

        var problem = await submitter.SubmitAsync(submission, Readers.Id(context), cancellationToken);
        return problem is null
            ? TypedResults.Accepted((string?)null, new PostedComment(submission.CommentId))
            : TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Komentar belum bisa dikirim", detail: problem);
    }

    static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        CommentStore store, DemoSiteOptions site, string? readerId, CancellationToken requestAborted, CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Ends when the browser leaves, the result stops reading, or the site shuts down (an open stream must not hold it up).
        using var end = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping, cancellationToken);
        while (!end.IsCancellationRequested)
        {
            var changed = store.Changed;
            yield return new SseItem<string>(JsonSerializer.Serialize(store.View(site.SiteId, site.ArticleId, readerId), Json), StreamEvent);
            try
            {
                await changed.WaitAsync(KeepAlive, end.Token);
            }
            catch (TimeoutException)
            {
                // Nothing changed: the next snapshot doubles as a keep-alive through proxies.
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    static string? Truncate(string value, int length) => value.Length == 0 ? null : value.Length <= length ? value : value[..length];

    /// <summary>The id of a comment the site accepted.</summary>
    public sealed record PostedComment(string CommentId);
}
