using System.Text;

namespace Moderation.Classifier.Tests;

/// <summary>
/// Random texts built from the characters every normaliser step reacts to (turned letters, emoji, lone surrogates,
/// combining marks, blanks, symbols read as letters, separators). Each must normalise without an exception, with every
/// word mapped to a range inside the original, and the same way twice.
/// </summary>
public sealed class NormalizerRobustnessTests
{
    private static readonly string[] Palette =
    [
        "a", "g", "o", "r", "s", "t", "u", "n", "d", "p", "b", "q", "K", "W", "M", "0", "1", "4", "6", "9", " ", "  ", "\n",
        "ɐ", "ǝ", "ʇ", "ɹ", "ʞ", "ƃ", "ɯ", "ᴉ", "Ɩ", "∀", "˙", "¡", "'", ",", ".", "-", "~", "*", "•", "_", "/", ":",
        "@", "$", "!", "|", "<", "(", ")", "§", "∆", "¢", "×", "+", "#", "€", "£",
        "🔥", "💰", "👍🏽", "❤️", "\u200B", "\u3164", "\u2800", "\u0301", "\u0336", "\uD83D", "\uDE00", "\u202E", "\u202C", "\u2B55", "\u00A9", "\U0001F4B2", "\u2757", "\u1515", "\u2C65",
        "𝐆", "🅰", "ѕ", "α", "ռ", "ß", "µ", "૦", "ｇ", "http://x.co", "wa 0812345678901", "@budi", "a@b.co",
        "\u2780", "\u2776", "\U0001F10B", "з", "(dot)", " dot ", "[.]", " titik ", "com", "[at]", " at ", "nol ", "delapan ", "l", "z", "\u271D", "\u00AE", "\U0001F518",
    ];

    [Fact]
    public void Random_texts_of_tricky_characters_normalise_with_every_word_inside_the_original()
    {
        var random = new Random(20261128);
        for (var n = 0; n < 3000; n++)
        {
            var builder = new StringBuilder();
            var pieces = random.Next(1, 40);
            for (var p = 0; p < pieces; p++)
            {
                builder.Append(Palette[random.Next(Palette.Length)]);
            }

            var text = builder.ToString();
            var normalized = TextNormalizer.Normalize(text);
            Assert.Equal(normalized.Text, TextNormalizer.Normalize(text).Text);
            Assert.DoesNotContain("  ", normalized.Text, StringComparison.Ordinal);

            var position = 0;
            foreach (var word in normalized.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var start = normalized.Text.IndexOf(word, position, StringComparison.Ordinal);
                var (originalStart, length) = normalized.ToOriginal(start, word.Length);
                Assert.True(originalStart >= 0 && length > 0 && originalStart + length <= text.Length,
                    $"'{word}' of '{normalized.Text}' maps to {originalStart}+{length} in a text of {text.Length} characters: '{text}'");
                position = start + word.Length;
            }
        }
    }
}
