using System.Text;
using Moderation.Service.Ingestion;

namespace Moderation.Service.Tests;

public sealed class Reading_a_submission
{
    const string Valid = """
        { "commentId": "c-1", "siteId": "portal-berita", "articleId": "a-1", "authorId": "u-1",
          "text": "Mantap beritanya", "submittedAt": "2026-11-27T10:15:00+07:00" }
        """;

    [Fact]
    public void Plain_json_is_read()
    {
        var result = SubmissionReader.Read(Encoding.UTF8.GetBytes(Valid));

        Assert.True(result.IsValid);
        Assert.Equal("c-1", result.Submission!.CommentId);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 15, 0, TimeSpan.FromHours(7)), result.Submission.SubmittedAt);
    }

    [Fact]
    public void A_masstransit_envelope_is_unwrapped()
    {
        var envelope = $$"""{ "messageId": "x", "messageType": ["urn:message:Moderation.Contracts:SubmitComment"], "message": {{Valid}} }""";

        var result = SubmissionReader.Read(Encoding.UTF8.GetBytes(envelope));

        Assert.True(result.IsValid);
        Assert.Equal("portal-berita", result.Submission!.SiteId);
    }

    [Fact]
    public void Property_names_are_case_insensitive()
    {
        var result = SubmissionReader.Read(Encoding.UTF8.GetBytes(Valid.Replace("commentId", "CommentId", StringComparison.Ordinal)));
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{ \"commentId\": ", "not valid JSON")]
    [InlineData("[1, 2, 3]", "JSON array")]
    [InlineData("\"just text\"", "JSON string")]
    [InlineData("null", "JSON null")]
    public void An_unreadable_body_is_one_body_error(string body, string expected)
    {
        var error = Assert.Single(SubmissionReader.Read(Encoding.UTF8.GetBytes(body)).Errors);

        Assert.Equal(("body", "unreadable_body"), (error.Field, error.Kind));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_reported_not_thrown()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).ToList();
        var at = bytes.IndexOf((byte)'M');
        bytes.Insert(at, 0xC3);
        bytes.Insert(at, 0xFF);

        var result = SubmissionReader.Read(bytes.ToArray());

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Wrong_types_and_missing_fields_are_all_listed()
    {
        var result = SubmissionReader.Read(Encoding.UTF8.GetBytes("""{ "commentId": 7, "siteId": ["a"], "text": { "x": 1 }, "submittedAt": "yesterday" }"""));

        var errors = result.Errors.Select(e => (e.Field, e.Kind)).ToList();
        Assert.Contains(("commentId", "wrong_type"), errors);
        Assert.Contains(("siteId", "wrong_type"), errors);
        Assert.Contains(("text", "wrong_type"), errors);
        Assert.Contains(("submittedAt", "wrong_type"), errors);
        Assert.Contains(("articleId", "required"), errors);
        Assert.Contains(("authorId", "required"), errors);
        Assert.DoesNotContain(("commentId", "required"), errors);
        Assert.Contains("\"7\"", result.Errors.First(e => e.Field == "commentId").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rejection_echoes_the_ids_it_could_read()
    {
        var result = SubmissionReader.Read(Encoding.UTF8.GetBytes("""{ "commentId": "c-9", "siteId": "portal-berita", "text": "" }"""));

        var rejection = result.ToRejection(DateTimeOffset.UnixEpoch);

        Assert.Equal("c-9", rejection.CommentId);
        Assert.Equal("portal-berita", rejection.SiteId);
        Assert.Null(rejection.ArticleId);
        Assert.Equal(result.Errors, rejection.Errors);
    }
}
