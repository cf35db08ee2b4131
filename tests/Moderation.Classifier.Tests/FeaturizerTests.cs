using Moderation.Classifier.Features;

namespace Moderation.Classifier.Tests;

public sealed class FeaturizerTests
{
    private static readonly FeatureSettings Full = new(HashBits: 14)
    {
        RawCharGrams = true,
        FoldOriginalCharGrams = true,
        SublinearTf = true,
        LanguageShares = true,
        WordTrigrams = true,
    };

    private static (int[] Indices, float[] Values, FeatureBuffer Buffer) Featurize(string text, FeatureSettings settings, float[]? idf = null)
    {
        var buffer = new FeatureBuffer();
        new CommentFeaturizer(settings, idf).Featurize(TextNormalizer.Normalize(text), buffer);
        return (buffer.Indices[..buffer.Count], buffer.Values[..buffer.Count], buffer);
    }

    [Fact]
    public void Indices_are_strictly_ascending_and_values_finite()
    {
        var (indices, values, _) = Featurize("Ayo main di 𝐍𝐀𝐆𝐀𝐖𝐈𝐍, WA 0812-3456-7890 🔥🔥 gacor gacor gacor!", Full);
        Assert.NotEmpty(indices);
        Assert.All(indices.Zip(indices.Skip(1)), pair => Assert.True(pair.First < pair.Second));
        Assert.All(values, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Folded_original_grams_do_not_change_when_letters_are_styled()
    {
        var plain = Featurize("Semoga jalan kami cepat diperbaiki, terima kasih.", Full with { DenseSignals = false });
        var styled = Featurize("𝐒𝐞𝐦𝐨𝐠𝐚 𝐣𝐚𝐥𝐚𝐧 𝐤𝐚𝐦𝐢 𝐜𝐞𝐩𝐚𝐭 𝐝𝐢𝐩𝐞𝐫𝐛𝐚𝐢𝐤𝐢, 𝐭𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡.", Full with { DenseSignals = false });
        Assert.Equal(plain.Indices, styled.Indices);
        Assert.Equal(plain.Values, styled.Values);
    }

    [Fact]
    public void Original_grams_keep_punctuation_and_currency_the_normaliser_drops()
    {
        var settings = new FeatureSettings(HashBits: 14) { NormalizedCharGrams = false, DenseSignals = false };
        var withPound = Featurize("win £500 now!!", settings with { RawCharGrams = true });
        var withoutPound = Featurize("win 500 now", settings with { RawCharGrams = true });
        Assert.NotEqual(withPound.Indices, withoutPound.Indices);
    }

    [Fact]
    public void Occurrence_shares_add_up_to_the_vector()
    {
        // Explanations rely on it: each slot's value is the sum of what its occurrences add.
        var idf = Enumerable.Range(0, 1 << 14).Select(i => 1f + i % 7 / 3f).ToArray();
        var (indices, values, buffer) = Featurize("Dasar bodoh, soal banjir kemarin saja tidak paham, bodoh sekali!", Full, idf);
        var sums = new Dictionary<int, float>();
        for (var k = 0; k < buffer.RawCount; k++)
        {
            sums[buffer.RawSlots[k]] = sums.GetValueOrDefault(buffer.RawSlots[k]) + buffer.RawShares[k];
        }

        for (var i = 0; i < indices.Length; i++)
        {
            if (indices[i] >= FeatureSettings.DenseCount)
            {
                Assert.Equal(values[i], sums[indices[i]], 4);
            }
        }
    }

    [Fact]
    public void Language_shares_tell_indonesian_from_english()
    {
        var settings = new FeatureSettings(HashBits: 12) { LanguageShares = true };
        float Dense(string text, int slot)
        {
            var (indices, values, _) = Featurize(text, settings);
            var at = Array.IndexOf(indices, slot);
            return at < 0 ? 0 : values[at];
        }

        Assert.True(Dense("saya tidak setuju dengan kebijakan yang ini", 9) > Dense("I do not agree with this policy", 9));
        Assert.True(Dense("I do not agree with this policy", 13) > Dense("saya tidak setuju dengan kebijakan yang ini", 13));
    }

    [Fact]
    public void Skeleton_words_let_a_vowel_less_spelling_share_a_feature()
    {
        // Word unigrams only, so that no character n-gram is shared by accident.
        var settings = new FeatureSettings(HashBits: 16, WordBigrams: false) { NormalizedCharGrams = false, RawCharGrams = false, DenseSignals = false };
        int[] Shared(FeatureSettings s) => Featurize("gcr", s).Indices.Intersect(Featurize("gacor", s).Indices).ToArray();

        Assert.Empty(Shared(settings));
        Assert.Single(Shared(settings with { SkeletonWords = true }));
    }

    [Fact]
    public void Skeleton_words_round_trip_through_the_manifest_json()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new FeatureSettings { SkeletonWords = true }, ModelManifest.JsonOptions);
        Assert.Contains("\"skeletonWords\": true", json);
        Assert.True(System.Text.Json.JsonSerializer.Deserialize<FeatureSettings>(json, ModelManifest.JsonOptions)!.SkeletonWords);
        Assert.False(System.Text.Json.JsonSerializer.Deserialize<FeatureSettings>("{}", ModelManifest.JsonOptions)!.SkeletonWords);
    }

    [Theory]
    [InlineData("sekarank", "sekarang")] // alay -nk for -ng
    [InlineData("phree", "free")]
    [InlineData("nigga", "nigger")]
    [InlineData("contol", "kontol")] // c for k
    [InlineData("zubzkribe", "subscribe")]
    public void Skeletons_by_sound_let_respellings_share_a_feature(string respelled, string word)
    {
        var settings = new FeatureSettings(HashBits: 16, WordBigrams: false) { NormalizedCharGrams = false, RawCharGrams = false, DenseSignals = false, SkeletonWords = true };
        int[] Shared(FeatureSettings s) => Featurize(respelled, s).Indices.Intersect(Featurize(word, s).Indices).ToArray();

        Assert.Empty(Shared(settings));
        Assert.Single(Shared(settings with { SkeletonSounds = true }));
    }

    [Theory]
    [InlineData("phone", "fone")]
    [InlineData("check", "chek")]
    [InlineData("cinta", "kinta")]
    [InlineData("quick", "kuik")]
    [InlineData("taxi", "taksi")]
    [InlineData("zona", "sona")]
    [InlineData("that", "dat")]
    [InlineData("mother", "motha")] // "th" is read as "d" only at the start
    [InlineData("sekarank", "sekarang")]
    [InlineData("hater", "hata")]
    [InlineData("her", "her")] // a last "er" only in words of four letters or more
    [InlineData("koq", "kok")]
    [InlineData("kalau", "kalo")]
    [InlineData("sampai", "sampe")]
    [InlineData("kamoe", "kamu")]
    [InlineData("good", "gud")]
    public void Sounds_respell_a_word_as_it_is_pronounced(string word, string expected)
    {
        Span<char> written = stackalloc char[2 * word.Length];
        var length = CommentFeaturizer.WriteSounds(word, written);
        Assert.Equal(expected, written[..length].ToString());
    }

    [Theory]
    [InlineData("ajning", "anjing")]
    [InlineData("gcaor", "gacor")]
    [InlineData("bdooh", "bodoh")]
    [InlineData("subcsribe", "subscribe")]
    public void Sorted_middle_words_let_swapped_letters_share_a_feature(string swapped, string word)
    {
        var settings = new FeatureSettings(HashBits: 16, WordBigrams: false) { NormalizedCharGrams = false, RawCharGrams = false, DenseSignals = false };
        int[] Shared(FeatureSettings s) => Featurize(swapped, s).Indices.Intersect(Featurize(word, s).Indices).ToArray();

        Assert.Empty(Shared(settings));
        Assert.Single(Shared(settings with { SortedMiddleWords = true }));

        // The first and last letters still count: "gacor" and "racog" share nothing.
        Assert.Empty(Featurize("racog", settings with { SortedMiddleWords = true }).Indices.Intersect(Featurize("gacor", settings with { SortedMiddleWords = true }).Indices));
    }

    [Fact]
    public void Sound_and_sorted_middle_settings_round_trip_through_the_manifest_json()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new FeatureSettings { SkeletonSounds = true, SortedMiddleWords = true }, ModelManifest.JsonOptions);
        Assert.Contains("\"skeletonSounds\": true", json);
        Assert.Contains("\"sortedMiddleWords\": true", json);
        var empty = System.Text.Json.JsonSerializer.Deserialize<FeatureSettings>("{}", ModelManifest.JsonOptions)!;
        Assert.False(empty.SkeletonSounds);
        Assert.False(empty.SortedMiddleWords);
    }

    [Theory]
    [InlineData("gacor", "gcr")]
    [InlineData("gcr", "gcr")]
    [InlineData("bodoh", "bdh")]
    [InlineData("bdh", "bdh")]
    [InlineData("sekarang", "skrg")]
    [InlineData("skrg", "skrg")]
    [InlineData("yang", "yg")]
    [InlineData("tetap", "tp")]
    [InlineData("ttp", "tp")]
    [InlineData("anjing", "anjg")]
    [InlineData("maaf", "mf")]
    [InlineData("yg", "")] // under three letters
    [InlineData("b0doh", "")] // not only letters
    [InlineData("bodôh", "")] // not only ASCII letters
    public void Skeleton_keeps_the_first_letter_and_the_later_consonants(string word, string expected)
    {
        Span<char> skeleton = stackalloc char[64];
        var length = CommentFeaturizer.WriteSkeleton(word, skeleton);
        Assert.Equal(expected, skeleton[..length].ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(700)]
    [InlineData(5000)] // more than the buffer's first size: the scratch array grows with the keys
    public void Sort_keys_come_out_as_a_full_sort_would_put_them(int count)
    {
        // Keys as Merge builds them: a slot of up to 21 bits and a 2-bit group above a 24-bit occurrence index.
        var random = new Random(count);
        var buffer = new FeatureBuffer();
        for (var k = 0; k < count; k++)
        {
            buffer.AddRaw(random.Next(16 + (1 << 20)), (byte)random.Next(3), 0, 1f);
        }

        var keys = Enumerable.Range(0, count).Select(k => ((long)buffer.RawSlots[k] << 26) | ((long)buffer.RawGroups[k] << 24) | (long)k).ToArray();
        keys.CopyTo(buffer.SortKeys, 0);
        buffer.SortKeysBySlotAndGroup(count, 23);

        Array.Sort(keys);
        Assert.Equal(keys, buffer.SortKeys[..count]);
    }
}
