using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Classifier;
using Moderation.Classifier.Data;
using Moderation.Classifier.Features;
using Moderation.Classifier.Tests;
using Moderation.Classifier.Training;
using Moderation.Service.Data;
using Moderation.Service.Review;

namespace Moderation.Service.Tests;

/// <summary>Moderator decisions become training rows; a retrained model dropped in place serves the next verdict.</summary>
public sealed class Feedback_and_retraining : IAsyncLifetime
{
    const string Site = "portal-umpan";
    readonly string _directory = Path.Combine(Path.GetTempPath(), "moderation-feedback", Guid.NewGuid().ToString("N"));
    readonly ModerationAppFactory _app = new();
    string _modelPath = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _modelPath = Path.Combine(_directory, "moderation-model.zip");
        File.Copy(RepositoryPaths.Model, _modelPath);
        _app.Settings["Moderation:Model:Path"] = _modelPath;
        _app.Settings["Moderation:Model:Watch"] = "true";
        await _app.PreModerateAsync(Site);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decisions_are_exported_as_labelled_rows_in_the_shared_format()
    {
        var approved = await DecideAsync("Terima kasih, infonya sangat membantu warga.", "Approved", null);
        var spam = await DecideAsync("Daftar sekarang di situs kami, bonus besar!\tklik", "Rejected", "spam");
        var hate = await DecideAsync("Orang dari kampung itu semua tidak berguna", "Rejected", "hate");
        var offTopic = await DecideAsync("Ada yang jual motor bekas?", "Rejected", "off-topic");
        await _app.SubmitAsync(SampleComments.Submission(siteId: Site));

        var path = await ExportAsync();
        var rows = DatasetReader.Read([path]).ToDictionary(r => r.Id);

        Assert.Equal(3, rows.Count);
        var first = rows[$"feedback-{Site}-{approved}"];
        Assert.Equal(("feedback", "id", false, false, false), (first.Source, first.Language, first.Spam, first.Abuse, first.Hate));
        Assert.Equal((true, (bool?)null, (bool?)null), (rows[$"feedback-{Site}-{spam}"].Spam, rows[$"feedback-{Site}-{spam}"].Abuse, rows[$"feedback-{Site}-{spam}"].Hate));
        Assert.Equal("Daftar sekarang di situs kami, bonus besar! klik", rows[$"feedback-{Site}-{spam}"].Text);
        Assert.Equal(((bool?)null, true, true), (rows[$"feedback-{Site}-{hate}"].Spam, rows[$"feedback-{Site}-{hate}"].Abuse, rows[$"feedback-{Site}-{hate}"].Hate));
        Assert.DoesNotContain($"feedback-{Site}-{offTopic}", rows.Keys);
    }

    [Fact]
    public async Task A_comment_without_a_language_is_exported_in_the_language_of_its_words()
    {
        // Rows in "id" train the Indonesian heads: an English site that sends no language must not end up there.
        var english = await DecideAsync("You are an idiot and this is the worst thing I have read", "Rejected", "abuse", language: null);
        var indonesian = await DecideAsync("Kamu itu bodoh, yang begini saja tidak tahu", "Rejected", "abuse", language: null);
        var neither = await DecideAsync("ZETA77 maxwin", "Rejected", "spam", language: null);
        var named = await DecideAsync("You are an idiot and this is the worst thing I have read", "Rejected", "abuse", language: "ms");

        var rows = DatasetReader.Read([await ExportAsync()]).ToDictionary(r => r.Id);

        Assert.Equal("en", rows[$"feedback-{Site}-{english}"].Language);
        Assert.Equal("id", rows[$"feedback-{Site}-{indonesian}"].Language);
        Assert.Equal("id", rows[$"feedback-{Site}-{neither}"].Language);
        Assert.Equal("id", rows[$"feedback-{Site}-{named}"].Language); // what the site said wins
    }

    [Fact]
    public async Task A_model_retrained_with_feedback_and_dropped_in_place_serves_the_next_verdict()
    {
        var before = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        Assert.Equal(Version(RepositoryPaths.Model), before.ModelVersion);
        await DecideAsync("Mantap, beritanya lengkap dan jelas.", "Approved", null);
        await DecideAsync("Main di ZETA99 pasti jackpot bosku", "Rejected", "spam");

        // Retrain: hand-written rows plus the exported feedback, written beside the served file, then renamed over it.
        var feedback = await ExportAsync();
        var data = HandwrittenData.WriteTsv(Path.Combine(_directory, "data"), copies: 2);
        var retrained = Path.Combine(_directory, "retrained.zip");
        ModelTrainer.Train(new TrainingOptions { DataPaths = [data, feedback], Features = new FeatureSettings(HashBits: 12), L2Candidates = [0.1f] }, retrained);
        var expected = Version(retrained);
        File.Move(retrained, _modelPath, overwrite: true);

        var classifier = _app.Services.GetRequiredService<CommentClassifier>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (classifier.Current.Version != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        var after = await _app.SubmitAsync(SampleComments.Submission(siteId: Site));
        Assert.Equal(expected, after.ModelVersion);
        Assert.NotEqual(before.ModelVersion, after.ModelVersion);
    }

    async Task<string> DecideAsync(string text, string status, string? reason, string? language = "id")
    {
        var comment = await _app.SubmitAsync(SampleComments.Submission(text, siteId: Site) with { Language = language });
        using var admin = _app.CreateClient(key: null);
        (await admin.PostAsJsonAsync($"/api/review/{Site}/{comment.CommentId}/decision", new DecisionRequest(status, reason, null, null), Ct)).EnsureSuccessStatusCode();
        return comment.CommentId;
    }

    async Task<string> ExportAsync()
    {
        var path = Path.Combine(_directory, $"feedback-{Guid.NewGuid():N}.tsv");
        await using var scope = _app.Services.CreateAsyncScope();
        await using (var writer = new StreamWriter(path) { NewLine = "\n" })
        {
            await FeedbackExport.WriteAsync(scope.ServiceProvider.GetRequiredService<ModerationDbContext>(), writer, Site, null, Ct);
        }

        return path;
    }

    static string Version(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..12];
}
