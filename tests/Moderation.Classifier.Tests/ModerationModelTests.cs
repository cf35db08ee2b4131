namespace Moderation.Classifier.Tests;

public sealed class ModerationModelTests
{
    [Fact]
    public void Scores_promotion_insults_and_attacks_above_ordinary_comments()
    {
        using var model = ModerationModel.Load(TinyModel.FirstPath);
        var spam = model.Classify("main di NAGAWIN pasti maxwin bosku");
        var ordinary = model.Classify("harga beras terima kasih infonya");
        var insult = model.Classify("dasar bodoh, soal banjir kemarin saja tidak paham");
        Assert.True(spam.Scores.Spam > 0.5f, $"spam {spam.Scores}");
        Assert.True(ordinary.Scores.Spam < 0.5f, $"ordinary {ordinary.Scores}");
        Assert.True(insult.Scores.Abuse > 0.5f, $"insult {insult.Scores}");
        Assert.All([spam.Scores.Spam, spam.Scores.Abuse, spam.Scores.Hate], p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void Every_verdict_carries_the_content_hash_of_the_model_file()
    {
        using var model = ModerationModel.Load(TinyModel.FirstPath);
        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TinyModel.FirstPath)))[..12];
        Assert.Equal(expected, model.Version);
        Assert.Equal(expected, model.Classify("halo").ModelVersion);
    }

    [Fact]
    public void A_model_records_its_normaliser_and_one_from_another_normaliser_is_refused()
    {
        using (var model = ModerationModel.Load(TinyModel.FirstPath))
        {
            Assert.Equal(TextNormalizer.Version, model.Manifest.NormalizerVersion);
        }

        var path = TinyModel.CopyToFreshDirectory(TinyModel.FirstPath);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open()))
            {
                json = reader.ReadToEnd();
            }

            entry.Delete();
            var other = json.Replace($"\"normalizerVersion\": {TextNormalizer.Version}", $"\"normalizerVersion\": {TextNormalizer.Version + 1}", StringComparison.Ordinal);
            Assert.NotEqual(json, other);
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write(other);
        }

        var error = Assert.Throws<InvalidDataException>(() => ModerationModel.Load(path));
        Assert.Contains($"normaliser version {TextNormalizer.Version + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Styled_promotion_scores_like_the_plain_one()
    {
        using var model = ModerationModel.Load(TinyModel.FirstPath);
        var plain = model.Classify("main di NAGAWIN pasti maxwin bosku").Scores.Spam;
        var styled = model.Classify("main di 𝐍𝐀𝐆𝐀𝐖𝐈𝐍 p4st1 m4xw1n bosku").Scores.Spam;
        Assert.True(styled > 0.5f, $"styled {styled} plain {plain}");
    }

    [Fact]
    public void Evidence_points_at_what_the_author_wrote()
    {
        using var model = ModerationModel.Load(TinyModel.FirstPath);
        const string text = "ayo main di 𝐍𝐀𝐆𝐀𝐖𝐈𝐍 pasti maxwin bosku";
        var result = model.Classify(text);
        var spans = result.Evidence.Where(e => e.Label == ModerationLabel.Spam).Select(e => text.Substring(e.Start, e.Length)).ToList();
        Assert.NotEmpty(spans);
        Assert.All(result.Evidence, e => Assert.InRange(e.Start + e.Length, 1, text.Length));
        Assert.Contains(spans, s => s is "𝐍𝐀𝐆𝐀𝐖𝐈𝐍" or "maxwin" or "pasti" or "bosku" or "main");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Serving_scores_what_the_ml_net_engine_scores(bool scaled)
    {
        var path = scaled ? TinyModel.ScaledPath : TinyModel.FirstPath;
        using var model = ModerationModel.Load(path);
        using var engine = new Scoring.EngineReference(path);
        Assert.Equal(scaled, model.Manifest.NaiveBayesScaling);
        foreach (var text in ScoringTexts)
        {
            var served = model.Classify(text).Scores;
            var reference = engine.Score(text);

            // The engine multiplies (value × ratio) × weight and sums in its own order; the table sums
            // value × (weight × ratio) in index order, as training does: the same to float rounding.
            Assert.Equal(reference.Spam, served.Spam, 4);
            Assert.Equal(reference.Abuse, served.Abuse, 4);
            Assert.Equal(reference.Hate, served.Hate, 4);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Serving_scores_exactly_what_training_measured_the_thresholds_with(bool scaled)
    {
        var path = scaled ? TinyModel.ScaledPath : TinyModel.FirstPath;
        using var model = ModerationModel.Load(path);
        var parts = ModerationModel.ReadParts(File.ReadAllBytes(path));
        var heads = parts.ScaledHeads();
        var featurizer = new Features.CommentFeaturizer(parts.Manifest.Features, parts.Idf);
        var buffer = new Features.FeatureBuffer();
        foreach (var text in ScoringTexts)
        {
            featurizer.Featurize(TextNormalizer.Normalize(text), buffer);
            var indices = buffer.Indices.AsSpan(0, buffer.Count);
            var values = buffer.Values.AsSpan(0, buffer.Count);
            var served = model.Classify(text).Scores;

            // Bit for bit: the thresholds were chosen on LinearHead's scores (ModelTrainer).
            Assert.Equal(heads[0].Probability(indices, values), served.Spam);
            Assert.Equal(heads[1].Probability(indices, values), served.Abuse);
            Assert.Equal(heads[2].Probability(indices, values), served.Hate);
        }
    }

    private static readonly string[] ScoringTexts =
    [
        "main di ZETA77 gacor parah", "jalan rusak semoga cepat diperbaiki", "goblok banget kamu", "",
        "main di 𝐍𝐀𝐆𝐀𝐖𝐈𝐍 p4st1 m4xw1n bosku wa 0812-3456-7890", "Great video, check my channel http://example.com",
        "dasar bodoh, soal banjir kemarin saja tidak paham !!!", "😂😂😂", "pemerintah harus segera memperbaiki jembatan di desa kami",
    ];

    [Fact]
    public void Parallel_scoring_gives_the_same_results_as_sequential()
    {
        using var model = ModerationModel.Load(TinyModel.FirstPath);
        var texts = Enumerable.Range(0, 400).Select(i => (i % 3) switch
        {
            0 => $"main di KUDAHOKI auto jackpot {i}",
            1 => $"pasar malam kapan ada lanjutannya {i}",
            _ => $"otak udang, soal sekolah baru saja tidak paham {i}",
        }).ToArray();
        var sequential = texts.Select(model.Classify).ToArray();
        var parallel = new Classification[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = model.Classify(texts[i]));
        var batch = model.ClassifyBatch(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i].Scores, parallel[i].Scores);
            Assert.Equal(sequential[i].Scores, batch[i].Scores);
            Assert.Equal(sequential[i].Evidence, parallel[i].Evidence);
        }
    }

    [Fact]
    public void Scoring_a_normalised_text_gives_the_same_result_as_scoring_the_text()
    {
        using var model = ModerationModel.Load(TinyModel.FirstPath);
        var texts = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? $"main di 𝐙𝐄𝐓𝐀𝟕𝟕 gacor parah {i}" : $"jalan rusak semoga cepat diperbaiki {i}").ToArray();
        var normalized = texts.Select(TextNormalizer.Normalize).ToArray();
        var fromText = model.ClassifyBatch(texts);
        var fromNormalized = model.ClassifyBatch(normalized);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(fromText[i].Scores, fromNormalized[i].Scores);
            Assert.Equal(fromText[i].Evidence, fromNormalized[i].Evidence);
            Assert.Equal(model.Classify(texts[i]).Scores, model.Classify(normalized[i]).Scores);
        }
    }

    [Fact]
    public void A_model_with_scaled_features_scores_promotions_as_spam()
    {
        using var model = ModerationModel.Load(TinyModel.ScaledPath);
        Assert.True(model.Manifest.NaiveBayesScaling);
        Assert.True(model.Classify("main di NAGAWIN pasti maxwin bosku").Scores.Spam > 0.5f);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-model-{Guid.NewGuid():N}.zip");
        File.WriteAllText(path, "this is not a zip");
        Assert.Throws<InvalidDataException>(() => ModerationModel.Load(path));
    }
}
