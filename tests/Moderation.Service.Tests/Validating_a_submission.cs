using Moderation.Contracts;
using Moderation.Service.Ingestion;

namespace Moderation.Service.Tests;

public sealed class Validating_a_submission
{
    [Fact]
    public void A_complete_submission_has_no_errors() =>
        Assert.Empty(SubmissionValidator.Validate(SampleComments.Submission()));

    [Fact]
    public void Every_missing_required_field_is_listed()
    {
        var empty = new SubmitComment { CommentId = null!, SiteId = null!, ArticleId = null!, AuthorId = null!, Text = null! };

        var errors = SubmissionValidator.Validate(empty);

        Assert.Equal(["articleId", "authorId", "commentId", "siteId", "text"], errors.Select(e => e.Field).Order());
        Assert.All(errors, e => Assert.Equal("required", e.Kind));
        Assert.All(errors, e => Assert.Contains(e.Field, e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Portal")]
    [InlineData("portal berita")]
    [InlineData("-portal")]
    [InlineData("portal/berita")]
    public void A_site_id_must_be_a_lowercase_slug(string siteId)
    {
        var error = Assert.Single(SubmissionValidator.Validate(SampleComments.Submission(siteId: siteId)));
        Assert.Equal(("siteId", "invalid_format"), (error.Field, error.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Whitespace_only_text_is_empty(string text) =>
        Assert.Equal("empty", Assert.Single(SubmissionValidator.Validate(SampleComments.Submission(text))).Kind);

    [Fact]
    public void Text_is_limited_to_ten_thousand_characters_after_trimming()
    {
        Assert.Empty(SubmissionValidator.Validate(SampleComments.Submission("  " + new string('a', 10_000) + "  ")));

        var error = Assert.Single(SubmissionValidator.Validate(SampleComments.Submission(new string('a', 10_001))));
        Assert.Equal(("text", "too_long"), (error.Field, error.Kind));
        Assert.Contains("10,001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_cannot_be_stored_is_refused_with_the_reason()
    {
        var nul = Assert.Single(SubmissionValidator.Validate(SampleComments.Submission("halo\0dunia")));
        Assert.Equal("invalid_characters", nul.Kind);
        Assert.Contains("NUL", nul.Message, StringComparison.Ordinal);

        var surrogate = Assert.Single(SubmissionValidator.Validate(SampleComments.Submission("halo \ud83d dunia")));
        Assert.Contains("surrogate", surrogate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Emoji_and_scripts_are_fine() =>
        Assert.Empty(SubmissionValidator.Validate(SampleComments.Submission("😂😂😂 مرحبا 你好 𝐆𝐀𝐂𝐎𝐑")));

    [Fact]
    public void Ids_with_control_characters_are_refused()
    {
        var error = Assert.Single(SubmissionValidator.Validate(SampleComments.Submission(commentId: "c-1\n")));
        Assert.Equal(("commentId", "invalid_characters"), (error.Field, error.Kind));
    }
}
