using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MassTransit.Testing;
using Moderation.Contracts;
using Moderation.Service.Comments;
using Moderation.Service.Integrations.Coral;

namespace Moderation.Service.Tests;

/// <summary>
/// Coral Talk's External Moderation Phase, as coralproject/talk documents it (docs/docs/external-moderation-phases.md)
/// and sends it (server/src/core/server/services/fetch/fetch.ts: <c>JSON.stringify(request, null, 2)</c>, signed by
/// models/settings/signingSecret/helpers.ts: <c>sha256=&lt;hex HMAC-SHA256&gt;</c> per active secret, comma-joined).
/// </summary>
public sealed class Coral_external_moderation : IAsyncLifetime
{
    const string Secret = "ems_5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2a3";
    const string CoralSiteId = "a4bede88-2d2c-4424-bc18-4322a9e285a6";
    const string StoryId = "245b3856-b0a0-4d2f-a6bb-58c71f18d6a6";
    const string AuthorId = "baf4e943-3594-4fcc-b2ba-3e8de7a76352";

    // The two examples of the documentation, character for character (Coral indents with two spaces).
    const string DocumentedNewComment = """
        {
          "action": "NEW",
          "comment": {
            "body": "Here's a comment!",
            "parentID": null
          },
          "author": {
            "id": "baf4e943-3594-4fcc-b2ba-3e8de7a76352",
            "role": "COMMENTER"
          },
          "story": {
            "id": "245b3856-b0a0-4d2f-a6bb-58c71f18d6a6",
            "url": "http://localhost:1313/posts/a-story-url/"
          },
          "site": {
            "id": "a4bede88-2d2c-4424-bc18-4322a9e285a6"
          },
          "tenantID": "19ba5794-7eeb-4d46-a81b-c00c61672501",
          "tenantDomain": "localhost"
        }
        """;

    const string DocumentedReply = """
        {
          "action": "NEW",
          "comment": {
            "body": "Here's a reply!",
            "parentID": "d79b787f-f406-49a0-a179-72e3652e54be"
          },
          "author": {
            "id": "baf4e943-3594-4fcc-b2ba-3e8de7a76352",
            "role": "COMMENTER"
          },
          "story": {
            "id": "245b3856-b0a0-4d2f-a6bb-58c71f18d6a6",
            "url": "http://localhost:1313/posts/a-story-url/"
          },
          "site": {
            "id": "a4bede88-2d2c-4424-bc18-4322a9e285a6"
          },
          "tenantID": "19ba5794-7eeb-4d46-a81b-c00c61672501",
          "tenantDomain": "localhost"
        }
        """;

    const string GamblingHtml = "<p>Slot gacor hari ini di <b>JAYAWIN88</b>, depo 10rb auto maxwin! WA 0812-3456-7890</p>";
    const string GamblingText = "Slot gacor hari ini di JAYAWIN88, depo 10rb auto maxwin! WA 0812-3456-7890";

    static readonly JsonSerializerOptions NodeLikeJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly ModerationAppFactory _app = new() { Settings = { ["Moderation:Integrations:Coral:SigningSecret"] = Secret } };

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.Services.GetTestHarness().Start();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_documented_new_comment_is_moderated_stored_and_published_and_Coral_carries_on()
    {
        await AllowEverythingAsync(CoralSiteId);

        using var response = await PostAsync(DocumentedNewComment);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        var verdict = await PublishedAsync(CoralSiteId);
        Assert.Equal(ModerationStatus.Approved, verdict.Status);
        Assert.StartsWith(CoralSubmission.CommentIdPrefix, verdict.CommentId, StringComparison.Ordinal);
        Assert.Equal(StoryId, verdict.ArticleId);
        Assert.Equal("Here's a comment!", verdict.Text);
        Assert.Null(verdict.ParentCommentId);
        Assert.Null(verdict.AuthorName);

        var stored = await CommentAsync(CoralSiteId, verdict.CommentId);
        Assert.Equal(AuthorId, stored.AuthorId);
        Assert.Equal("http://localhost:1313/posts/a-story-url/", stored.ArticleUrl);
        Assert.Equal(CoralApi.Channel, stored.Channel);
        Assert.Single(stored.History);
    }

    [Fact]
    public async Task The_documented_reply_keeps_its_parent()
    {
        await AllowEverythingAsync(CoralSiteId);

        using var response = await PostAsync(DocumentedReply);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var verdict = await PublishedAsync(CoralSiteId);
        Assert.Equal("Here's a reply!", verdict.Text);
        Assert.Equal("d79b787f-f406-49a0-a179-72e3652e54be", verdict.ParentCommentId);
    }

    [Fact]
    public async Task A_gambling_promotion_is_rejected_with_a_spam_flag_in_Coral_terms()
    {
        using var response = await PostAsync(Request(GamblingHtml));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        Assert.Equal("REJECTED", root.GetProperty("status").GetString());
        var actions = root.GetProperty("actions").EnumerateArray().ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal("FLAG", a.GetProperty("actionType").GetString()));

        // Coral's validator accepts these two reasons only.
        Assert.All(actions, a => Assert.Contains(a.GetProperty("reason").GetString(), new[] { "COMMENT_DETECTED_SPAM", "COMMENT_DETECTED_TOXIC" }));
        var spam = Assert.Single(actions, a => a.GetProperty("reason").GetString() == "COMMENT_DETECTED_SPAM");
        Assert.Contains("spam.model", spam.GetProperty("additionalDetails").GetString(), StringComparison.Ordinal);
        Assert.Empty(root.EnumerateObject().Select(p => p.Name).Except(["status", "actions"]));

        // Scored and stored as the text a reader reads, published like any verdict.
        var verdict = await PublishedAsync(CoralSiteId);
        Assert.Equal(ModerationStatus.Rejected, verdict.Status);
        Assert.Equal(GamblingText, verdict.Text);
        Assert.Contains(verdict.Reasons, r => r.Code == "spam.model" && r.Spans.Count > 0);
    }

    [Fact]
    public async Task A_comment_held_only_by_site_premoderation_is_PREMOD_without_flags()
    {
        await PutPolicyAsync(CoralSiteId, new { preModerateAll = true, thresholds = Thresholds(1.0) });

        using var response = await PostAsync(Request("Semoga banjir di kampung kami cepat surut."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"PREMOD"}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ModerationStatus.Pending, (await PublishedAsync(CoralSiteId)).Status);
    }

    [Fact]
    public async Task A_comment_held_for_a_suspect_word_is_SYSTEM_WITHHELD_and_says_why()
    {
        await PutPolicyAsync(CoralSiteId, new { suspectWords = new[] { "banjir" }, thresholds = Thresholds(1.0) });

        using var response = await PostAsync(Request("Semoga banjir di kampung kami cepat surut."));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("SYSTEM_WITHHELD", body.GetProperty("status").GetString());
        var flag = Assert.Single(body.GetProperty("actions").EnumerateArray());
        Assert.Equal("COMMENT_DETECTED_TOXIC", flag.GetProperty("reason").GetString());
        Assert.Equal("wordlist.suspect: banjir", flag.GetProperty("additionalDetails").GetString());
    }

    [Fact]
    public async Task The_same_Coral_comment_twice_is_one_stored_decision_with_the_same_answer()
    {
        var request = Request(GamblingHtml);

        using var first = await PostAsync(request);
        using var second = await PostAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        var verdicts = await _app.Services.GetTestHarness().WaitForPublishedAsync<CommentModerated>(m => m.SiteId == CoralSiteId, count: 2);
        Assert.Equal(2, verdicts.Count);
        Assert.Single(verdicts.Select(v => v.CommentId).Distinct());
        var stored = await CommentAsync(CoralSiteId, verdicts[0].CommentId);
        var decision = Assert.Single(stored.History);
        Assert.Equal(1, decision.Revision);

        // An edit is new text, hence a new comment.
        using var edited = await PostAsync(Request(GamblingHtml + "<p>Buruan!</p>", action: "EDIT"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(2, (await _app.Services.GetTestHarness().WaitForPublishedAsync<CommentModerated>(m => m.SiteId == CoralSiteId, count: 3)).Select(v => v.CommentId).Distinct().Count());
    }

    [Fact]
    public async Task Each_request_is_counted_as_the_coral_channel()
    {
        using var response = await PostAsync(Request(GamblingHtml));
        response.EnsureSuccessStatusCode();

        using var client = _app.CreateClient();
        var metrics = await client.GetStringAsync("/metrics", Ct);
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("moderation_comments_received", StringComparison.Ordinal) && l.Contains("channel=\"coral\"", StringComparison.Ordinal) && l.Contains($"site=\"{CoralSiteId}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_signature_is_refused_and_nothing_is_moderated()
    {
        using var response = await PostAsync(DocumentedNewComment, signature: null);

        await AssertRefusedAsync(response, DocumentedNewComment);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused()
    {
        using var response = await PostAsync(DocumentedNewComment, signature: CoralSignature.Sign(Encoding.UTF8.GetBytes(DocumentedNewComment), "ems_someone-elses-secret-0123456789"));

        await AssertRefusedAsync(response, DocumentedNewComment);
    }

    [Fact]
    public async Task The_signature_covers_the_raw_bytes_so_a_changed_body_is_refused()
    {
        var signed = CoralSignature.Sign(Encoding.UTF8.GetBytes(DocumentedNewComment), Secret);
        var changed = DocumentedNewComment.Replace("Here's a comment!", "Here's a comment?", StringComparison.Ordinal);

        using var response = await PostAsync(changed, signature: signed);

        await AssertRefusedAsync(response, changed);
    }

    [Theory]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("md5=0123456789abcdef0123456789abcdef")]
    [InlineData("Bearer ems_5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2a3")]
    public async Task Malformed_signatures_are_refused(string header)
    {
        using var response = await PostAsync(DocumentedNewComment, signature: header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task While_Coral_rotates_the_secret_it_sends_one_signature_per_active_secret_and_one_match_is_enough()
    {
        await AllowEverythingAsync(CoralSiteId);
        var bytes = Encoding.UTF8.GetBytes(DocumentedNewComment);
        var header = $"{CoralSignature.Sign(bytes, "ems_the-new-secret-not-configured-here-yet")},{CoralSignature.Sign(bytes, Secret)}";

        using var response = await PostAsync(DocumentedNewComment, signature: header);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_moderation_request_is_a_bad_request()
    {
        using var notJson = await PostAsync("Here's a comment!");
        using var empty = await PostAsync("{}");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("comment.body", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_mapping_names_our_site_for_a_Coral_site()
    {
        await using var app = new ModerationAppFactory
        {
            Settings =
            {
                ["Moderation:Integrations:Coral:SigningSecret"] = Secret,
                [$"Moderation:Integrations:Coral:SiteIds:{CoralSiteId}"] = "portal-coral",
            },
        };
        await app.Services.GetTestHarness().Start();
        using var client = app.CreateClient();

        using var response = await PostAsync(client, Request(GamblingHtml), CoralSignature.Sign(Encoding.UTF8.GetBytes(Request(GamblingHtml)), Secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verdict = Assert.Single(await app.Services.GetTestHarness().WaitForPublishedAsync<CommentModerated>(m => m.Text == GamblingText));
        Assert.Equal("portal-coral", verdict.SiteId);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_integration_is_off_and_says_how_to_turn_it_on()
    {
        await using var app = new ModerationAppFactory();
        using var client = app.CreateClient();

        using var response = await PostAsync(client, DocumentedNewComment, CoralSignature.Sign(Encoding.UTF8.GetBytes(DocumentedNewComment), Secret));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Moderation__Integrations__Coral__SigningSecret", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Here's a comment!", "Here's a comment!")]
    [InlineData("a < b dan c > d", "a < b dan c > d")]
    [InlineData("Baris satu<br>baris dua<br/>baris tiga", "Baris satu\nbaris dua\nbaris tiga")]
    [InlineData("<p>Paragraf satu.</p><p>Paragraf <i>dua</i> &amp; tiga&nbsp;!</p>", "Paragraf satu.\nParagraf dua & tiga !")]
    [InlineData("<blockquote>kutipan</blockquote>balasan", "kutipan\nbalasan")]
    [InlineData("Cek <a href=\"https://jayawin88.example/daftar\" target=\"_blank\">di sini</a> ya", "Cek di sini (https://jayawin88.example/daftar) ya")]
    [InlineData("<a href=\"https://portal.example/berita\">https://portal.example/berita</a>", "https://portal.example/berita")]
    [InlineData("<span class=\"coral-rte-spoiler\">rahasia</span><script>alert(1)</script>", "rahasia")]
    [InlineData("Harga &lt;b&gt;naik&lt;/b&gt;", "Harga <b>naik</b>")]
    public void Coral_bodies_become_the_text_a_reader_reads(string body, string text) => Assert.Equal(text, CoralText.FromBody(body));

    [Theory]
    [InlineData("a4bede88-2d2c-4424-bc18-4322a9e285a6", "a4bede88-2d2c-4424-bc18-4322a9e285a6")]
    [InlineData("Portal Berita / Daerah", "portal-berita-daerah")]
    [InlineData("__", "coral")]
    public void Unmapped_Coral_sites_become_slugs(string coralSiteId, string siteId) =>
        Assert.Equal(siteId, CoralSubmission.SiteId(coralSiteId, new CoralOptions()));

    async Task AssertRefusedAsync(HttpResponseMessage response, string body)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Coral-Signature", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Nothing stored under the id this request would have had, and nothing published.
        var request = JsonSerializer.Deserialize<ExternalModerationRequest>(body)!;
        using var admin = _app.CreateClient(key: null);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/comments/{CoralSiteId}/{CoralSubmission.CommentId(request)}", Ct)).StatusCode);
        Assert.False(_app.Services.GetTestHarness().Published.Select<CommentModerated>().Any());
    }

    /// <summary>A request shaped like the documented ones, with another body; serialised the way Node does.</summary>
    static string Request(string body, string action = "NEW") => $$"""
        {
          "action": {{JsonSerializer.Serialize(action, NodeLikeJson)}},
          "comment": {
            "body": {{JsonSerializer.Serialize(body, NodeLikeJson)}},
            "parentID": null
          },
          "author": {
            "id": "{{AuthorId}}",
            "role": "COMMENTER"
          },
          "story": {
            "id": "{{StoryId}}",
            "url": "http://localhost:1313/posts/a-story-url/"
          },
          "site": {
            "id": "{{CoralSiteId}}"
          },
          "tenantID": "19ba5794-7eeb-4d46-a81b-c00c61672501",
          "tenantDomain": "localhost"
        }
        """;

    Task<HttpResponseMessage> PostAsync(string body) => PostAsync(body, CoralSignature.Sign(Encoding.UTF8.GetBytes(body), Secret));

    async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var client = _app.CreateClient();
        return await PostAsync(client, body, signature);
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CoralApi.Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.UserAgent.ParseAdd("Coral-Moderation/9.0.0");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(CoralSignature.HeaderName, signature);
        }

        return await client.SendAsync(request, Ct);
    }

    async Task<CommentModerated> PublishedAsync(string siteId) =>
        Assert.Single(await _app.Services.GetTestHarness().WaitForPublishedAsync<CommentModerated>(m => m.SiteId == siteId));

    async Task<CommentDetails> CommentAsync(string siteId, string commentId)
    {
        using var admin = _app.CreateClient(key: null);
        return (await admin.GetFromJsonAsync<CommentDetails>($"/api/comments/{siteId}/{commentId}", ModeratorApi.Json, Ct))!;
    }

    /// <summary>The committed model holds some ordinary comments; thresholds of 1 keep this site's verdicts on the policy.</summary>
    Task AllowEverythingAsync(string siteId) => PutPolicyAsync(siteId, new { thresholds = Thresholds(1.0) });

    static object Thresholds(double level)
    {
        var pair = new { review = level, reject = level };
        return new { spam = pair, abuse = pair, hate = pair };
    }

    async Task PutPolicyAsync(string siteId, object policy)
    {
        using var admin = _app.CreateClient(key: null);
        (await admin.PutAsJsonAsync($"/api/sites/{siteId}/policy", policy, Ct)).EnsureSuccessStatusCode();
    }
}
