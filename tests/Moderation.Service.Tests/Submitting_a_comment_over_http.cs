using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Service.Comments;
using Moderation.Service.Data;

namespace Moderation.Service.Tests;

public sealed class Submitting_a_comment_over_http : IAsyncLifetime
{
    readonly ModerationAppFactory _app = new();
    HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _app.CreateClient(key: null);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_ordinary_comment_is_approved_stored_and_published()
    {
        var submission = SampleComments.Submission();

        var response = await _client.PostAsJsonAsync("/api/comments", submission, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verdict = await response.Content.ReadFromJsonAsync<CommentModerated>(TestContext.Current.CancellationToken);
        Assert.NotNull(verdict);
        Assert.Equal(ModerationStatus.Approved, verdict.Status);
        Assert.Equal(1, verdict.Revision);
        Assert.Equal("system", verdict.DecidedBy);
        Assert.StartsWith("sha256:", verdict.ModelVersion, StringComparison.Ordinal);
        Assert.Equal(submission.Text, verdict.Text);

        var harness = _app.Services.GetTestHarness();
        Assert.True(await harness.Published.Any<CommentModerated>(x => x.Context.Message.CommentId == submission.CommentId, TestContext.Current.CancellationToken));

        var article = await _client.GetFromJsonAsync<ArticleComments>(
            $"/api/sites/{submission.SiteId}/articles/{submission.ArticleId}/comments", TestContext.Current.CancellationToken);
        Assert.NotNull(article);
        Assert.Equal(1, article.ApprovedCount);
        Assert.Equal(submission.CommentId, Assert.Single(article.Items).CommentId);
    }

    [Fact]
    public async Task A_gambling_promotion_is_not_approved_and_stays_out_of_the_article()
    {
        var submission = SampleComments.Submission(SampleComments.Gambling);

        var verdict = await PostAsync(submission);

        Assert.NotEqual(ModerationStatus.Approved, verdict.Status);
        Assert.True(verdict.Scores.Spam > 0.5, $"spam score {verdict.Scores.Spam}");
        var spam = Assert.Single(verdict.Reasons, r => r.Code == "spam.model");
        Assert.NotEmpty(spam.Spans);
        Assert.All(spam.Spans, s => Assert.InRange(s.Start + s.Length, 1, submission.Text.Length));

        var article = await _client.GetFromJsonAsync<ArticleComments>(
            $"/api/sites/{submission.SiteId}/articles/{submission.ArticleId}/comments", TestContext.Current.CancellationToken);
        Assert.Equal(0, article!.ApprovedCount);
    }

    [Fact]
    public async Task The_same_comment_twice_is_stored_once_and_gets_the_same_verdict()
    {
        var submission = SampleComments.Submission();

        var first = await PostAsync(submission);
        var second = await PostAsync(submission with { Text = "edited text is ignored: the stored decision stands" });

        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.Revision, second.Revision);
        Assert.Equal(first.DecidedAt, second.DecidedAt);
        Assert.Equal(first.Text, second.Text);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var stored = await db.Comments.Include(c => c.Decisions).SingleAsync(c => c.CommentId == submission.CommentId, TestContext.Current.CancellationToken);
        Assert.Single(stored.Decisions);

        var harness = _app.Services.GetTestHarness();
        Assert.Equal(2, (await harness.WaitForPublishedAsync<CommentModerated>(m => m.CommentId == submission.CommentId, count: 2)).Count);
    }

    [Fact]
    public async Task E_mail_and_ip_are_stored_only_as_hashes()
    {
        var submission = SampleComments.Submission();
        await PostAsync(submission);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var stored = await db.Comments.SingleAsync(c => c.CommentId == submission.CommentId, TestContext.Current.CancellationToken);
        Assert.Matches("^[0-9a-f]{64}$", stored.AuthorEmailHash);
        Assert.Matches("^[0-9a-f]{64}$", stored.AuthorIpHash);
        var everything = JsonSerializer.Serialize(stored);
        Assert.DoesNotContain(submission.AuthorEmail!, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(submission.AuthorIp!, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_lists_the_automatic_decision()
    {
        var submission = SampleComments.Submission();
        await PostAsync(submission);

        var details = await _client.GetFromJsonAsync<CommentDetails>($"/api/comments/{submission.SiteId}/{submission.CommentId}", TestContext.Current.CancellationToken);

        Assert.NotNull(details);
        var revision = Assert.Single(details.History);
        Assert.Equal(1, revision.Revision);
        Assert.Equal("system", revision.DecidedBy);
        Assert.Equal(details.Current.Status, revision.Status);
    }

    [Fact]
    public async Task An_unknown_comment_is_not_found()
    {
        var response = await _client.GetAsync("/api/comments/portal-berita/does-not-exist", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_input_gets_a_problem_listing_every_error()
    {
        var body = """{ "siteId": "Portal Berita!", "articleId": 42, "text": "   " }""";

        var response = await _client.PostAsync("/api/comments", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (Field: e.GetProperty("field").GetString(), Kind: e.GetProperty("kind").GetString()))
            .ToList();
        Assert.Contains(("commentId", "required"), errors);
        Assert.Contains(("siteId", "invalid_format"), errors);
        Assert.Contains(("articleId", "wrong_type"), errors);
        Assert.Contains(("authorId", "required"), errors);
        Assert.Contains(("text", "empty"), errors);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_problem_not_a_crash()
    {
        var response = await _client.PostAsync("/api/comments", new StringContent("{ not json", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("unreadable_body", text, StringComparison.Ordinal);
    }

    async Task<CommentModerated> PostAsync(SubmitComment submission)
    {
        var response = await _client.PostAsJsonAsync("/api/comments", submission, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CommentModerated>(TestContext.Current.CancellationToken))!;
    }
}
