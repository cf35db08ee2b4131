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

    [Fact]
    public void The_prediction_engine_and_the_linear_weights_agree()
    {
        using var model = ModerationModel.Load(TinyModel.FirstPath);
        foreach (var text in new[] { "main di ZETA77 gacor parah", "jalan rusak semoga cepat diperbaiki", "goblok banget kamu", "" })
        {
            var engine = model.Classify(text).Scores;
            var direct = model.ScoreDirect(text);
            Assert.Equal(direct.Spam, engine.Spam, 4);
            Assert.Equal(direct.Abuse, engine.Abuse, 4);
            Assert.Equal(direct.Hate, engine.Hate, 4);
        }
    }

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
    public void A_model_with_scaled_features_serves_what_its_weights_say()
    {
        using var model = ModerationModel.Load(TinyModel.ScaledPath);
        Assert.True(model.Manifest.NaiveBayesScaling);
        foreach (var text in new[] { "main di ZETA77 gacor parah", "jalan rusak semoga cepat diperbaiki", "goblok banget kamu", "" })
        {
            var engine = model.Classify(text).Scores;
            var direct = model.ScoreDirect(text);
            Assert.Equal(direct.Spam, engine.Spam, 4);
            Assert.Equal(direct.Abuse, engine.Abuse, 4);
            Assert.Equal(direct.Hate, engine.Hate, 4);
        }

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
