namespace Moderation.Classifier.Tests;

public sealed class NormalizedTextOffsetsTests
{
    private static string OriginalOf(NormalizedText normalized, string word)
    {
        var start = normalized.Text.IndexOf(word, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{word}' not in '{normalized.Text}'");
        var (originalStart, length) = normalized.ToOriginal(start, word.Length);
        return normalized.Original.Substring(originalStart, length);
    }

    [Theory]
    [InlineData("Ayo main di 𝐆𝐀𝐂𝐎𝐑 sekarang", "gacor", "𝐆𝐀𝐂𝐎𝐑")]
    [InlineData("ayo g a c o r!", "gacor", "g a c o r")]
    [InlineData("main g4c0r88 yuk", "gacor88", "g4c0r88")]
    [InlineData("dasar gk tau diri", "tidak", "gk")]
    [InlineData("cek https://contoh.xyz/a.", "_link_", "https://contoh.xyz/a")]
    [InlineData("ga\u200Bcor", "gacor", "ga\u200Bcor")]
    [InlineData("mantaaaap bos", "mantap", "mantaaaap")]
    [InlineData("WA 081234567890 ya", "_messenger_", "WA 081234567890")]
    [InlineData("ѕlоt gacor", "slot", "ѕlоt")]
    [InlineData("main di $l0+ j@ckp0t!", "slot", "$l0+")]
    [InlineData("situs g()cor", "gocor", "g()cor")]
    [InlineData("ayo ga.cor max-win", "gacor", "ga.cor")]
    [InlineData("dasar @nj!ng kau", "anjing", "@nj!ng")]
    [InlineData("\u0287ols \u0279o\u0254\u0250\u0183", "slot", "\u0287ols")] // read upside down, backwards
    [InlineData("\u0287ols \u0279o\u0254\u0250\u0183", "gacor slot", "\u0287ols \u0279o\u0254\u0250\u0183")]
    [InlineData("ayo bonu\U0001F4B0s", "bonus", "bonu\U0001F4B0s")]
    [InlineData("di \u202Erocag\u202C ya", "gacor", "rocag")] // stored backwards: its letters as stored
    public void Maps_a_word_back_to_what_the_author_wrote(string original, string word, string expected) =>
        Assert.Equal(expected, OriginalOf(TextNormalizer.Normalize(original), word));

    [Fact]
    public void Maps_a_phrase_across_words()
    {
        var normalized = TextNormalizer.Normalize("Kamu   b.o.d.o.h sekali");
        Assert.Equal("kamu bodoh sekali", normalized.Text);
        Assert.Equal("Kamu   b.o.d.o.h", OriginalOf(normalized, "kamu bodoh"));
    }

    [Fact]
    public void Every_word_maps_to_a_range_inside_the_original()
    {
        foreach (var text in new[] { "🔥🔥 𝐒𝐋𝐎𝐓 g4c0r!!", "a", "   ", "ok 👍🏽 sip", "x\u0301\u0302y", "$|()+ ga.cor @p@ !n!", "\u0287ols \u0279o\u0254\u0250\u0183 ok", "\u0183u\u0250pn yg \u029E\u0250\u0287o", "b\U0001F4B0o\U0001F4B0doh" })
        {
            var normalized = TextNormalizer.Normalize(text);
            var position = 0;
            foreach (var word in normalized.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var start = normalized.Text.IndexOf(word, position, StringComparison.Ordinal);
                var (originalStart, length) = normalized.ToOriginal(start, word.Length);
                Assert.InRange(originalStart, 0, text.Length);
                Assert.InRange(originalStart + length, originalStart + 1, text.Length);
                position = start + word.Length;
            }
        }
    }
}
