using System.Text.Json;
using System.Text.RegularExpressions;

namespace Moderation.Service.Tests;

/// <summary>
/// <c>moderation eval</c> prints the JSON shape DESIGN.md documents and tables with each F1's interval;
/// <c>train --options</c> and <c>experiment --configs</c> refuse a field they do not know instead of silently
/// training the defaults. Runs the built CLI with the committed model on a few hand-written comments.
/// </summary>
public sealed partial class Evaluating_and_training_from_the_command_line : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("moderation-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Eval_json_has_the_documented_shape()
    {
        var (exitCode, output) = await CommandLine.RunAsync("eval", "--data", WriteComments(), "--split", "all", "--json");

        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["model", "labels", "sources"], root.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("sha256:", root.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.Equal(["spam", "abuse", "hate"], root.GetProperty("labels").EnumerateObject().Select(p => p.Name));
        var source = root.GetProperty("sources").GetProperty("handmade_news");
        Assert.Equal(["spam", "abuse", "hate"], source.EnumerateObject().Select(p => p.Name));
        string[] keys = ["n", "positives", "precision", "recall", "f1", "auc", "threshold"];
        Assert.All(source.EnumerateObject(), label => Assert.Equal(keys, label.Value.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(8, source.GetProperty("spam").GetProperty("n").GetInt32());
        Assert.Equal(2, source.GetProperty("spam").GetProperty("positives").GetInt32());
    }

    [Theory]
    [InlineData("kamu itu goblok banget, yang begini saja tidak paham", "indonesian")]
    [InlineData("you are such an idiot, the worst I have read", "pooled")]
    public async Task Score_json_says_which_heads_scored_abuse_and_hate(string text, string heads)
    {
        var (exitCode, output) = await CommandLine.RunAsync("score", text, "--json");

        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(heads, json.RootElement.GetProperty("heads").GetString());
    }

    [Fact]
    public async Task Eval_tables_give_each_F1_with_its_interval()
    {
        var (exitCode, output) = await CommandLine.RunAsync("eval", "--data", WriteComments(), "--split", "all");

        Assert.True(exitCode == 0, output);
        Assert.Contains("F1 95 %", output, StringComparison.Ordinal);
        // (all) and handmade_news, three labels each: every row has a low–high interval.
        Assert.Equal(6, Interval().Count(output));
        Assert.Contains("bootstrap", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_refuses_an_options_file_with_an_unknown_field()
    {
        var options = Path.Combine(_directory, "options.json");
        await File.WriteAllTextAsync(options, """{ "l2Candidate": [1] }""", TestContext.Current.CancellationToken); // "l2Candidates" misspelt
        var model = Path.Combine(_directory, "model.zip");

        var (exitCode, output) = await CommandLine.RunAsync("train", "--data", WriteComments(), "--options", options, "--out", model);

        Assert.Equal(2, exitCode);
        Assert.Contains("options.json", output, StringComparison.Ordinal);
        Assert.Contains("'l2Candidate'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // one line, no stack trace
        Assert.False(File.Exists(model));
    }

    [Fact]
    public async Task Experiment_refuses_a_configuration_field_it_does_not_know()
    {
        var configs = Path.Combine(_directory, "configs.json");
        await File.WriteAllTextAsync(configs, """[{ "name": "S0", "options": {}, "stacker": "lightgbm" }]""", TestContext.Current.CancellationToken);

        var (exitCode, output) = await CommandLine.RunAsync("experiment", "--configs", configs, "--data", WriteComments());

        Assert.Equal(2, exitCode);
        Assert.Contains("'stacker'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| S0", output, StringComparison.Ordinal); // nothing ran under the configuration's name
    }

    /// <summary>Eight hand-written comments of a made-up source with all three labels.</summary>
    string WriteComments()
    {
        var path = Path.Combine(_directory, "handmade_news.tsv");
        File.WriteAllText(path, """
            id	source	lang	text	spam	abuse	hate
            handmade_news-1	handmade_news	id	Semoga jalan di desa kami cepat diperbaiki, terima kasih beritanya	0	0	0
            handmade_news-2	handmade_news	id	Harga cabai naik lagi, pedagang di pasar juga mengeluh	0	0	0
            handmade_news-3	handmade_news	id	MAIN DI ZETA77 PASTI MAXWIN, DEPO 10RB LANGSUNG WD BOSKU	1	0	0
            handmade_news-4	handmade_news	id	Situs gacor hari ini cek bio, auto jackpot tiap hari	1	0	0
            handmade_news-5	handmade_news	id	Dasar goblok, baca beritanya dulu baru komentar	0	1	0
            handmade_news-6	handmade_news	id	Pejabat tolol, otaknya di dengkul semua	0	1	0
            handmade_news-7	handmade_news	id	Kaum itu harus diusir dari kampung ini, semuanya penipu hina	0	1	1
            handmade_news-8	handmade_news	en	Thanks for the report, the bridge really needs fixing before the rainy season	0	0	0

            """.ReplaceLineEndings("\n"));
        return path;
    }

    [GeneratedRegex(@"\d\.\d{3}–\d\.\d{3}")]
    private static partial Regex Interval();
}
