using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;
using Moderation.Service.Messaging;

namespace Moderation.Service.Tests;

public sealed class Submitting_a_comment_over_the_bus : IAsyncLifetime
{
    readonly ModerationAppFactory _app = new();
    ITestHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _ = _app.Server; // starts the host, which applies migrations and starts the bus
        _harness = _app.Services.GetTestHarness();
        await _harness.Start();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_consumer_publishes_the_verdict()
    {
        var submission = SampleComments.Submission();

        await SendAsync(submission);

        var verdict = await FirstPublishedAsync<CommentModerated>(m => m.CommentId == submission.CommentId);
        Assert.Equal(ModerationStatus.Approved, verdict.Status);
        Assert.Equal(submission.SiteId, verdict.SiteId);
        Assert.Equal(submission.ArticleId, verdict.ArticleId);
        Assert.Equal(submission.AuthorName, verdict.AuthorName);
    }

    [Fact]
    public async Task A_redelivered_comment_is_not_scored_twice_and_the_verdict_is_republished()
    {
        var submission = SampleComments.Submission(SampleComments.Gambling);

        await SendAsync(submission);
        var first = await FirstPublishedAsync<CommentModerated>(m => m.CommentId == submission.CommentId);
        await SendAsync(submission);

        var verdicts = await _harness.WaitForPublishedAsync<CommentModerated>(m => m.CommentId == submission.CommentId, count: 2);
        Assert.Equal(2, verdicts.Count);
        Assert.All(verdicts, v =>
        {
            Assert.Equal(first.Status, v.Status);
            Assert.Equal(first.Revision, v.Revision);
            Assert.Equal(first.DecidedAt, v.DecidedAt);
            Assert.Equal(first.Scores, v.Scores);
            Assert.Equal(first.Reasons.Select(r => r.Code), v.Reasons.Select(r => r.Code));
        });

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.Comment!.CommentId == submission.CommentId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Invalid_input_is_answered_with_a_rejection_and_the_consumer_keeps_going()
    {
        var invalid = SampleComments.Submission() with { Text = new string('x', SubmissionValidator.MaxTextLength + 1), SiteId = "" };
        var valid = SampleComments.Submission();

        await SendAsync(invalid);
        await SendAsync(valid);

        var rejection = await FirstPublishedAsync<CommentSubmissionRejected>(m => m.CommentId == invalid.CommentId);
        Assert.Contains(rejection.Errors, e => e.Field == "text" && e.Kind == "too_long");
        Assert.Contains(rejection.Errors, e => e.Field == "siteId" && e.Kind == "required");
        await FirstPublishedAsync<CommentModerated>(m => m.CommentId == valid.CommentId);
        Assert.False(await _harness.Published.Any<Fault<SubmitComment>>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_message_of_another_type_on_the_queue_is_answered_with_a_rejection()
    {
        var commentId = $"c-{Guid.NewGuid():N}";
        var endpoint = await _harness.Bus.GetSendEndpoint(new Uri($"queue:{SubmitCommentConsumerDefinition.QueueName}"));

        await endpoint.Send(new OrderPlaced(commentId, 42), TestContext.Current.CancellationToken);

        var rejection = await FirstPublishedAsync<CommentSubmissionRejected>(m => m.CommentId == commentId);
        Assert.Contains(rejection.Errors, e => e.Field == "messageType" && e.Kind == RejectSkippedFilter.UnknownType);
    }

    [Fact]
    public async Task A_body_far_over_the_limits_is_answered_without_being_read()
    {
        var huge = SampleComments.Submission(new string('a', 1 << 20));

        await SendAsync(huge);

        var rejection = await FirstPublishedAsync<CommentSubmissionRejected>(m => m.CommentId == huge.CommentId);
        Assert.Equal(huge.SiteId, rejection.SiteId);
        Assert.Contains(rejection.Errors, e => e.Field == "body" && e.Kind == "too_large");
        Assert.False(await _harness.Published.Any<CommentModerated>(m => m.Context.Message.CommentId == huge.CommentId, TestContext.Current.CancellationToken));
    }

    /// <summary>Some other system's message, sent to the wrong queue.</summary>
    public sealed record OrderPlaced(string CommentId, int OrderId);

    async Task SendAsync(SubmitComment submission)
    {
        var endpoint = await _harness.Bus.GetSendEndpoint(new Uri($"queue:{SubmitCommentConsumerDefinition.QueueName}"));
        await endpoint.Send(submission, TestContext.Current.CancellationToken);
    }

    async Task<T> FirstPublishedAsync<T>(Func<T, bool> match)
        where T : class
    {
        var published = await _harness.WaitForPublishedAsync(match);
        Assert.NotEmpty(published);
        return published[0];
    }
}
