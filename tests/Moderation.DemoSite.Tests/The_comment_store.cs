using Moderation.Contracts;
using Moderation.DemoSite.Comments;

namespace Moderation.DemoSite.Tests;

public sealed class The_comment_store
{
    const string Site = "portal-berita";
    const string Article = "banjir-sungai-lumut-2026";
    static readonly DateTimeOffset Noon = new(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);

    readonly CommentStore _store = new();

    static CommentUpdate Update(string commentId, ModerationStatus status, int revision, int minute = 0, string site = Site, string article = Article) =>
        new(site, commentId, article, null, "Budi", $"Komentar {commentId}", status, revision, Noon.AddMinutes(minute));

    static SubmitComment Submission(string commentId, int minute = 0) => new()
    {
        CommentId = commentId,
        SiteId = Site,
        ArticleId = Article,
        AuthorId = "pembaca-1",
        AuthorName = "Rina",
        Text = "Semoga cepat surut.",
        SubmittedAt = Noon.AddMinutes(minute),
    };

    [Fact]
    public void Keeps_the_highest_revision_and_ignores_older_ones_that_arrive_late()
    {
        Assert.Equal(ApplyResult.Applied, _store.Apply(Update("c-1", ModerationStatus.Pending, 1)));
        Assert.Equal(ApplyResult.Applied, _store.Apply(Update("c-1", ModerationStatus.Approved, 2)));

        Assert.Equal(ApplyResult.Stale, _store.Apply(Update("c-1", ModerationStatus.Pending, 1)));

        Assert.Equal(ModerationStatus.Approved, _store.Find(Site, "c-1")!.Status);
        Assert.Equal(1, _store.View(Site, Article, readerId: null).ApprovedCount);
    }

    [Fact]
    public void Ignores_a_repeated_revision_even_when_it_says_something_else()
    {
        _store.Apply(Update("c-1", ModerationStatus.Approved, 2));

        Assert.Equal(ApplyResult.Duplicate, _store.Apply(Update("c-1", ModerationStatus.Rejected, 2)));

        Assert.Equal(ModerationStatus.Approved, _store.Find(Site, "c-1")!.Status);
    }

    [Fact]
    public void A_later_revision_can_take_a_comment_down_again()
    {
        _store.Apply(Update("c-1", ModerationStatus.Approved, 1));

        Assert.Equal(ApplyResult.Applied, _store.Apply(Update("c-1", ModerationStatus.Rejected, 3)));

        var view = _store.View(Site, Article, readerId: null);
        Assert.Equal(0, view.ApprovedCount);
        Assert.Empty(view.Comments);
    }

    [Fact]
    public void Keys_comments_by_site_and_comment_id()
    {
        _store.Apply(Update("c-1", ModerationStatus.Approved, 2));

        Assert.Equal(ApplyResult.Applied, _store.Apply(Update("c-1", ModerationStatus.Approved, 1, site: "portal-lain")));

        Assert.Equal(1, _store.View(Site, Article, null).ApprovedCount);
        Assert.Equal(1, _store.View("portal-lain", Article, null).ApprovedCount);
    }

    [Fact]
    public void Counts_approved_comments_of_the_article_only_and_lists_them_newest_first()
    {
        _store.Apply(Update("c-old", ModerationStatus.Approved, 1, minute: 1));
        _store.Apply(Update("c-new", ModerationStatus.Approved, 1, minute: 5));
        _store.Apply(Update("c-held", ModerationStatus.Pending, 1, minute: 6));
        _store.Apply(Update("c-spam", ModerationStatus.Rejected, 1, minute: 7));
        _store.Apply(Update("c-elsewhere", ModerationStatus.Approved, 1, article: "artikel-lain"));

        var view = _store.View(Site, Article, readerId: "someone");

        Assert.Equal(2, view.ApprovedCount);
        Assert.Equal(["c-new", "c-old"], view.Comments.Select(c => c.CommentId));
        Assert.All(view.Comments, c => Assert.False(c.Pending));
    }

    [Fact]
    public void Shows_a_held_comment_to_its_author_only_until_the_verdict()
    {
        _store.Submitted(Submission("c-mine"), "reader-a");

        var mine = Assert.Single(_store.View(Site, Article, "reader-a").Comments);
        Assert.True(mine.Pending);
        Assert.True(mine.Own);
        Assert.Empty(_store.View(Site, Article, "reader-b").Comments);
        Assert.Empty(_store.View(Site, Article, null).Comments);
        Assert.Equal(0, _store.View(Site, Article, "reader-a").ApprovedCount);

        Assert.Equal(ApplyResult.Applied, _store.Apply(Update("c-mine", ModerationStatus.Approved, 1)));

        Assert.False(Assert.Single(_store.View(Site, Article, "reader-b").Comments).Pending);
        Assert.True(Assert.Single(_store.View(Site, Article, "reader-a").Comments).Own);
    }

    [Fact]
    public void A_rejected_comment_disappears_for_its_author_too()
    {
        _store.Submitted(Submission("c-mine"), "reader-a");

        _store.Apply(Update("c-mine", ModerationStatus.Rejected, 1));

        Assert.Empty(_store.View(Site, Article, "reader-a").Comments);
    }

    [Fact]
    public void A_verdict_that_overtook_the_submission_is_kept()
    {
        _store.Apply(Update("c-mine", ModerationStatus.Approved, 1));

        _store.Submitted(Submission("c-mine"), "reader-a");

        var comment = Assert.Single(_store.View(Site, Article, "reader-a").Comments);
        Assert.False(comment.Pending);
        Assert.True(comment.Own);
    }

    [Fact]
    public void A_comment_that_could_not_be_sent_is_forgotten_but_never_a_decided_one()
    {
        _store.Submitted(Submission("c-lost"), "reader-a");
        _store.Apply(Update("c-decided", ModerationStatus.Approved, 1));

        _store.Forget(Site, "c-lost");
        _store.Forget(Site, "c-decided");

        Assert.Null(_store.Find(Site, "c-lost"));
        Assert.NotNull(_store.Find(Site, "c-decided"));
    }

    [Fact]
    public async Task Signals_every_change_and_nothing_else()
    {
        var first = _store.Changed;
        Assert.False(first.IsCompleted);

        _store.Apply(Update("c-1", ModerationStatus.Approved, 1));
        await first.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var second = _store.Changed;
        _store.Apply(Update("c-1", ModerationStatus.Approved, 1));
        _store.Apply(Update("c-1", ModerationStatus.Pending, 0));
        Assert.False(second.IsCompleted);
    }
}
