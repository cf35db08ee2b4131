using Moderation.Classifier;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

public sealed class Fingerprinting_text
{
    const string Promo = "ayo gabung sekarang di situs terpercaya bonus new member seratus persen wd cepat";

    [Fact]
    public void The_same_text_has_the_same_fingerprint() =>
        Assert.Equal(SimHash.Compute(Promo), SimHash.Compute(Promo));

    [Theory]
    [InlineData("Gabung sekarang di situs terpercaya kami, bonus member baru seratus persen dan penarikan cepat tanpa ribet", "seratus", "dua ratus")]
    [InlineData("Slot gacor hari ini di JAYAWIN88, depo 10rb auto maxwin, wd berapapun pasti dibayar lunas bosku", "JAYAWIN88", "JAYAWIN99")]
    public void Campaign_variants_stay_within_the_default_distance(string text, string from, string to)
    {
        var a = SimHash.Compute(TextNormalizer.Normalize(text).Text);
        var b = SimHash.Compute(TextNormalizer.Normalize(text.Replace(from, to, StringComparison.Ordinal)).Text);
        Assert.InRange(SimHash.Distance(a, b), 0, new CampaignSettings().MaxDistance);
    }

    [Fact]
    public void Unrelated_texts_are_far_apart()
    {
        var other = "pemerintah kota akan memperbaiki drainase sebelum musim hujan tiba tahun depan";
        Assert.True(SimHash.Distance(SimHash.Compute(Promo), SimHash.Compute(other)) > 2 * new CampaignSettings().MaxDistance);
    }

    [Fact]
    public void Short_texts_have_no_fingerprint() => Assert.Equal(0, SimHash.Compute("mantap pak, setuju"));

    [Fact]
    public void Fingerprints_within_seven_bits_share_a_band()
    {
        var random = new Random(7);
        for (var n = 0; n < 1000; n++)
        {
            var a = random.NextInt64();
            var b = a;
            for (var flips = random.Next(0, 8); flips > 0; flips--)
            {
                b ^= 1L << random.Next(64);
            }

            Assert.NotEmpty(SimHash.BandKeys(a).Intersect(SimHash.BandKeys(b)));
        }
    }
}
