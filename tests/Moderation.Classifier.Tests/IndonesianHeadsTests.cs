using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Moderation.Classifier.Features;
using Moderation.Classifier.Scoring;
using Moderation.Classifier.Training;

namespace Moderation.Classifier.Tests;

/// <summary>
/// The Indonesian abuse and hate heads: trained on the rows in Indonesian only, chosen per comment by its function
/// words, blended with the pooled heads (EXPERIMENTS.md step 28).
/// </summary>
public sealed class IndonesianHeadsTests
{
    private static readonly Lazy<string> Routed = new(TrainRouted);

    // Hand-written, in the shape of the Indonesian handwritten rows: more Indonesian than English function words.
    private const string IndonesianInsult = "kamu itu goblok banget, yang begini saja tidak paham";
    private const string EnglishInsult = "you are such an idiot, it is the same stupid thing with you";

    [Theory]
    [InlineData("yang ini tidak jelas", "id")]
    [InlineData("this is not what the report said", "en")]
    [InlineData("ini the", null)] // a tie goes to the pooled heads
    [InlineData("ZETA77 maxwin", null)]
    [InlineData("𝐲𝐚𝐧𝐠 𝐢𝐧𝐢 𝐭𝐢𝐝𝐚𝐤 𝐣𝐞𝐥𝐚𝐬", "id")] // read after normalisation, as the router reads it
    [InlineData("kamu is the worst, yang paling jelek di sini", "id")]
    public void The_language_a_comment_is_guessed_in_is_the_one_it_is_routed_by(string text, string? language)
    {
        Assert.Equal(language, CommentLanguage.Guess(text));
        var buffer = new FeatureBuffer();
        new CommentFeaturizer(new FeatureSettings(HashBits: 10)).Featurize(TextNormalizer.Normalize(text), buffer);
        Assert.Equal(language == "id", buffer.Indonesian);
    }

    [Fact]
    public void A_model_with_Indonesian_heads_records_them_and_scores_Indonesian_comments_with_them()
    {
        var path = Routed.Value;
        var parts = ModerationModel.ReadParts(File.ReadAllBytes(path));
        Assert.Equal(ModelManifest.CurrentFormat, parts.Manifest.Format);
        var info = Assert.IsType<IndonesianHeadsInfo>(parts.Manifest.IndonesianHeads);
        Assert.Equal(["abuse", "hate"], info.Labels);
        Assert.Equal(0.25f, info.Weight);

        using var model = ModerationModel.Load(path);
        var pooled = parts.ScaledHeads();
        var indonesian = parts.ScaledIndonesianHeads(pooled);
        Assert.Null(indonesian[(int)ModerationLabel.Spam]);
        var featurizer = new CommentFeaturizer(parts.Manifest.Features, parts.Idf);
        var buffer = new FeatureBuffer();

        featurizer.Featurize(TextNormalizer.Normalize(IndonesianInsult), buffer);
        Assert.True(buffer.Indonesian);
        var (indices, values) = (buffer.Indices.AsSpan(0, buffer.Count).ToArray(), buffer.Values.AsSpan(0, buffer.Count).ToArray());
        var served = model.Classify(IndonesianInsult).Scores;
        Assert.Equal(pooled[0].Probability(indices, values), served.Spam);
        Assert.Equal(indonesian[1]!.Probability(indices, values), served.Abuse);
        Assert.Equal(indonesian[2]!.Probability(indices, values), served.Hate);
        Assert.NotEqual(pooled[1].Probability(indices, values), served.Abuse);

        featurizer.Featurize(TextNormalizer.Normalize(EnglishInsult), buffer);
        Assert.False(buffer.Indonesian);
        (indices, values) = (buffer.Indices.AsSpan(0, buffer.Count).ToArray(), buffer.Values.AsSpan(0, buffer.Count).ToArray());
        served = model.Classify(EnglishInsult).Scores;
        Assert.Equal(pooled[1].Probability(indices, values), served.Abuse);
        Assert.Equal(pooled[2].Probability(indices, values), served.Hate);
        Assert.NotEqual(indonesian[1]!.Probability(indices, values), served.Abuse);
    }

    [Fact]
    public void An_Indonesian_comment_is_scored_by_the_blend_of_both_heads()
    {
        var parts = ModerationModel.ReadParts(File.ReadAllBytes(Routed.Value));
        var info = parts.Manifest.IndonesianHeads!;
        var pooled = parts.ScaledHeads()[1];
        var own = HeadsSchema.ReadHeads(parts.IndonesianHeads!, 2)[0].WithFeatureScale(parts.IndonesianScales![1]);
        var featurizer = new CommentFeaturizer(parts.Manifest.Features, parts.Idf);
        var buffer = new FeatureBuffer();
        featurizer.Featurize(TextNormalizer.Normalize(IndonesianInsult), buffer);
        var indices = buffer.Indices.AsSpan(0, buffer.Count);
        var values = buffer.Values.AsSpan(0, buffer.Count);

        var expected = LinearHead.BlendedMargin(pooled.Margin(indices, values), own.Margin(indices, values), info.Weight);
        Assert.Equal(expected, parts.ScaledIndonesianHeads(parts.ScaledHeads())[1]!.Margin(indices, values), 3);
        Assert.NotEqual(pooled.Margin(indices, values), expected, 3);
        Assert.NotEqual(own.Margin(indices, values), expected, 3);
    }

    [Fact]
    public void Serving_agrees_with_the_ML_NET_engines_on_both_routes()
    {
        // The weight the manifest states must reach both paths (a copy with another weight scores otherwise).
        var path = TinyModel.CopyToFreshDirectory(Routed.Value);
        EditManifest(path, manifest => manifest["indonesianHeads"]!["weight"] = 0.7f);
        using (var trained = ModerationModel.Load(Routed.Value))
        using (var edited = ModerationModel.Load(path))
        {
            Assert.NotEqual(trained.Classify(IndonesianInsult).Scores.Abuse, edited.Classify(IndonesianInsult).Scores.Abuse);
            Assert.Equal(trained.Classify(EnglishInsult).Scores, edited.Classify(EnglishInsult).Scores);
        }

        using var model = ModerationModel.Load(path);
        using var engine = new EngineReference(path);
        string[] texts = [IndonesianInsult, EnglishInsult, "kaum itu harus diusir dari sini, yang begitu tidak pantas", "those people should go back, they are all the same", "main di ZETA77 gacor parah", ""];
        foreach (var text in texts)
        {
            var served = model.Classify(text).Scores;
            var reference = engine.Score(text);
            Assert.Equal(reference.Spam, served.Spam, 4);
            Assert.Equal(reference.Abuse, served.Abuse, 4);
            Assert.Equal(reference.Hate, served.Hate, 4);
        }
    }

    [Fact]
    public void Explanations_of_an_Indonesian_comment_come_from_the_Indonesian_heads()
    {
        using var model = ModerationModel.Load(Routed.Value);
        var classification = model.Classify(IndonesianInsult);
        var parts = ModerationModel.ReadParts(File.ReadAllBytes(Routed.Value));
        var indonesian = parts.ScaledIndonesianHeads(parts.ScaledHeads())[1]!;
        var featurizer = new CommentFeaturizer(parts.Manifest.Features, parts.Idf);
        var buffer = new FeatureBuffer();
        featurizer.Featurize(TextNormalizer.Normalize(IndonesianInsult), buffer);

        // Each span's contribution is what its word adds to the Indonesian head's margin (as ModerationModel.Explain
        // splits it), not what it adds to the pooled head's.
        var pooled = parts.ScaledHeads()[1];
        var own = new float[buffer.WordCount];
        var shared = new float[buffer.WordCount];
        for (var k = 0; k < buffer.RawCount; k++)
        {
            if (buffer.RawWords[k] >= 0)
            {
                own[buffer.RawWords[k]] += indonesian.EffectiveWeights[buffer.RawSlots[k]] * buffer.RawShares[k];
                shared[buffer.RawWords[k]] += pooled.EffectiveWeights[buffer.RawSlots[k]] * buffer.RawShares[k];
            }
        }

        var normalized = TextNormalizer.Normalize(IndonesianInsult);
        var abuse = classification.Evidence.Where(e => e.Label == ModerationLabel.Abuse).ToList();
        Assert.NotEmpty(abuse);
        foreach (var evidence in abuse)
        {
            var word = Enumerable.Range(0, buffer.WordCount).Single(w => normalized.ToOriginal(buffer.WordStarts[w], buffer.WordLengths[w]) == (evidence.Start, evidence.Length));
            Assert.Equal(own[word], evidence.Weight, 4);
        }

        Assert.Contains(abuse, evidence => Math.Abs(evidence.Weight - shared[Enumerable.Range(0, buffer.WordCount)
            .Single(w => normalized.ToOriginal(buffer.WordStarts[w], buffer.WordLengths[w]) == (evidence.Start, evidence.Length))]) > 1e-3);
    }

    [Fact]
    public void Models_of_format_2_still_load_and_unknown_formats_are_refused()
    {
        var path = TinyModel.CopyToFreshDirectory(TinyModel.FirstPath);
        using (var before = ModerationModel.Load(path))
        {
            Assert.Null(before.Manifest.IndonesianHeads);
        }

        SetFormat(path, 2);
        using (var old = ModerationModel.Load(path))
        {
            Assert.Equal(2, old.Manifest.Format);
            Assert.True(old.Classify("goblok banget kamu").Scores.Abuse > 0);
        }

        SetFormat(path, ModelManifest.CurrentFormat + 1);
        var error = Assert.Throws<InvalidDataException>(() => ModerationModel.Load(path));
        Assert.Contains($"formats 2 to {ModelManifest.CurrentFormat}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Heads_chosen_on_dev_get_Indonesian_heads_too_and_a_run_without_Indonesian_labels_gets_none()
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var data = WriteData(directory);
        var onDev = Path.Combine(directory, "dev.zip");
        ModelTrainer.Train(RoutedOptions(data) with { FitOnTrainAndDev = false }, onDev);
        using (var model = ModerationModel.Load(onDev))
        {
            Assert.Equal(["abuse", "hate"], model.Manifest.IndonesianHeads!.Labels);
        }

        // Without the Indonesian abuse labels (as a model trained without ibrohim2019), only the pooled heads exist.
        var english = Path.Combine(directory, "english.zip");
        ModelTrainer.Train(RoutedOptions(data) with { ExcludedSources = ["handmade_abuse"] }, english);
        using (var model = ModerationModel.Load(english))
        {
            Assert.Null(model.Manifest.IndonesianHeads);
            Assert.Null(ModerationModel.ReadParts(File.ReadAllBytes(english)).IndonesianHeads);
        }
    }

    [Fact]
    public void Experiments_measure_the_routed_heads()
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var data = WriteData(directory);
        var options = RoutedOptions(data);
        var results = ExperimentRunner.Run(
            [new ExperimentConfig("pooled", options with { IndonesianHeads = null }), new ExperimentConfig("routed", options)], null, TextWriter.Null, folds: 2);

        Assert.DoesNotContain(results[0].Choices.Keys, key => key.Contains("indonesian.", StringComparison.Ordinal));
        Assert.Contains("fold0.indonesian.abuse.l2=0.1", results[1].Choices.Keys);
        Assert.Contains("fold1.indonesian.hate.l2=0.1", results[1].Choices.Keys);

        // The English rows are never routed, so they score alike in both runs; the Indonesian rows do not.
        Assert.Equal(results[0].Auc["handmade_english/abuse"], results[1].Auc["handmade_english/abuse"], 6);
    }

    private static void SetFormat(string path, int format) => EditManifest(path, manifest => manifest["format"] = format);

    private static void EditManifest(string path, Action<JsonNode> edit)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(ModerationModel.ManifestEntry)!;
        JsonNode manifest;
        using (var stream = entry.Open())
        {
            manifest = JsonNode.Parse(stream)!;
        }

        edit(manifest);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(ModerationModel.ManifestEntry).Open());
        writer.Write(manifest.ToJsonString());
    }

    private static TrainingOptions RoutedOptions(string data) => TinyModel.Options(data, seed: 6) with
    {
        NaiveBayesScaling = true,
        WeakNegativeWeight = 0.3f,
        Features = new FeatureSettings(HashBits: 12) { RawCharGrams = true, FoldOriginalCharGrams = true },
        IndonesianHeads = new IndonesianHeadOptions { L2 = 0.1f, WeakNegativeKeep = 0.9 },
    };

    private static string TrainRouted()
    {
        var directory = Path.Combine(Path.GetTempPath(), "moderation-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "routed.zip");
        ModelTrainer.Train(RoutedOptions(WriteData(directory)), path);
        return path;
    }

    /// <summary>The Indonesian handwritten rows and English ones written here the same way (abuse, hate, ordinary).</summary>
    private static string WriteData(string directory)
    {
        var data = Path.Combine(directory, "data");
        HandwrittenData.WriteTsv(data, copies: 3);
        string[] insults = ["you are such an idiot", "what a stupid clown you are", "shut up you moron", "you are a pathetic loser"];
        string[] groups = ["those people", "that whole tribe", "people like them"];
        string[] attacks = ["should be thrown out of the country", "are lower than animals", "do not deserve to live here"];
        string[] topics = ["the new bridge", "the bus fares", "the flood last week", "the school budget"];
        string[] opinions = ["thanks for the report", "I hope it gets fixed soon", "this is good news for the town", "when is the next update"];
        var builder = new StringBuilder("id\tsource\tlang\ttext\tspam\tabuse\thate\n");
        var n = 0;
        for (var copy = 0; copy < 3; copy++)
        {
            foreach (var insult in insults)
            {
                foreach (var topic in topics)
                {
                    builder.Append($"en-{n++}\thandmade_english\ten\t{insult}, you know nothing about {topic} {copy}\t\t1\t0\n");
                    builder.Append($"en-{n++}\thandmade_english\ten\t{opinions[n % opinions.Length]} about {topic} {copy}\t\t0\t0\n");
                }
            }

            foreach (var group in groups)
            {
                foreach (var attack in attacks)
                {
                    builder.Append($"en-{n++}\thandmade_english\ten\t{group} {attack} {copy}\t\t1\t1\n");
                }
            }
        }

        File.WriteAllText(Path.Combine(data, "handmade_english.tsv"), builder.ToString());
        return data;
    }
}
