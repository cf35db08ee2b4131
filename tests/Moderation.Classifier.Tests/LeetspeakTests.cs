using Moderation.Classifier.Normalization;

namespace Moderation.Classifier.Tests;

public sealed class LeetspeakTests
{
    [Theory]
    [InlineData("b0l4", "bola")]
    [InlineData("h4h4", "haha")]
    [InlineData("4p4", "apa")]
    [InlineData("weton88", "weton88")]
    [InlineData("1gb", "1gb")]
    [InlineData("h2o", "h2o")]
    [InlineData("2025", "2025")]
    public void Rewrites_only_digits_that_stand_for_letters(string input, string expected)
    {
        var word = input.ToCharArray();
        Leetspeak.Rewrite(word);
        Assert.Equal(expected, new string(word));
    }
}
