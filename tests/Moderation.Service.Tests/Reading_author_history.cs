using Microsoft.Extensions.DependencyInjection;
using Moderation.Service.Data;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

/// <summary>Author history reads only an author's newest comments of the window, on the embedded store (SQLite).</summary>
public sealed class Reading_author_history
{
    [Fact]
    public async Task Only_the_newest_comments_of_a_prolific_author_count()
    {
        await using var app = new ModerationAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var now = DateTime.UtcNow;
        db.Comments.AddRange(AuthorHistoryRows.Build("prolific-site", "prolific", now));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var policy = new CompiledPolicy(new SitePolicy { Thresholds = AuthorHistoryRows.Thresholds, NewAuthorApprovals = 5 });
        var signals = scope.ServiceProvider.GetRequiredService<ModerationSignals>();
        var authors = await signals.LoadAuthorsAsync(db, [("prolific-site", "prolific", policy)], TestContext.Current.CancellationToken);

        // 120 rejected two weeks ago, then 100 approved: the newest 100 are all approved, so the author is fine.
        var author = authors[("prolific-site", "prolific")];
        Assert.Equal((100, 0), (author.DecidedInWindow, author.RejectedInWindow));
        Assert.Equal(5, author.ApprovedTotal);
    }
}
