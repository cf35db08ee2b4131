using Moderation.Contracts;

namespace Moderation.DemoSite.Comments;

/// <summary>
/// The comments this site knows, in memory: per (site, comment) the decision with the highest revision. Events arrive
/// at least once and not always in order, so an older or repeated revision never changes what is shown. Also
/// remembers which reader wrote the comments posted here, so an author sees their own comment while it is held.
/// </summary>
public sealed class CommentStore
{
    public const string AnonymousName = "Pembaca";

    readonly Lock _lock = new();
    readonly Dictionary<(string SiteId, string CommentId), CommentUpdate> _comments = [];
    readonly Dictionary<(string SiteId, string CommentId), string> _authors = [];
    TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes at the next change. Take it before reading a view, so no change falls in between.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    public ApplyResult Apply(CommentUpdate update)
    {
        lock (_lock)
        {
            var key = (update.SiteId, update.CommentId);
            if (_comments.TryGetValue(key, out var known))
            {
                if (update.Revision == known.Revision)
                {
                    return ApplyResult.Duplicate;
                }

                if (update.Revision < known.Revision)
                {
                    return ApplyResult.Stale;
                }
            }

            _comments[key] = update;
            Signal();
            return ApplyResult.Applied;
        }
    }

    /// <summary>A reader of this site posted a comment: held for its author until the verdict arrives.</summary>
    public void Submitted(SubmitComment submission, string readerId)
    {
        lock (_lock)
        {
            var key = (submission.SiteId, submission.CommentId);
            _authors[key] = readerId;
            _comments.TryAdd(key, CommentUpdate.Submitted(submission));
            Signal();
        }
    }

    /// <summary>A comment that could not be sent: its author should not see it as held.</summary>
    public void Forget(string siteId, string commentId)
    {
        lock (_lock)
        {
            if (_comments.TryGetValue((siteId, commentId), out var known) && known.Revision == 0)
            {
                _comments.Remove((siteId, commentId));
                _authors.Remove((siteId, commentId));
                Signal();
            }
        }
    }

    /// <summary>The current decision on a comment, if any.</summary>
    public CommentUpdate? Find(string siteId, string commentId)
    {
        lock (_lock)
        {
            return _comments.GetValueOrDefault((siteId, commentId));
        }
    }

    /// <summary>What <paramref name="readerId"/> sees: approved comments, plus their own held ones; never rejected ones.</summary>
    public ArticleView View(string siteId, string articleId, string? readerId, int limit = 100)
    {
        lock (_lock)
        {
            var ofArticle = _comments.Where(c => c.Key.SiteId == siteId && c.Value.ArticleId == articleId).ToList();
            var visible = ofArticle
                .Select(c => (c.Value, Own: readerId is not null && _authors.TryGetValue(c.Key, out var author) && author == readerId))
                .Where(c => c.Value.Status == ModerationStatus.Approved || (c.Own && c.Value.Status == ModerationStatus.Pending))
                .OrderByDescending(c => c.Value.SubmittedAt).ThenByDescending(c => c.Value.CommentId, StringComparer.Ordinal)
                .Take(limit)
                .Select(c => new ViewComment(
                    c.Value.CommentId, c.Value.ParentCommentId, string.IsNullOrWhiteSpace(c.Value.AuthorName) ? AnonymousName : c.Value.AuthorName,
                    c.Value.Text, c.Value.SubmittedAt, c.Value.Status == ModerationStatus.Pending, c.Own))
                .ToList();
            return new ArticleView(ofArticle.Count(c => c.Value.Status == ModerationStatus.Approved), visible);
        }
    }

    void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
