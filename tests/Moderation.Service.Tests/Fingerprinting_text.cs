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
    public void A_fingerprint_within_seven_bits_has_a_band_among_the_probe_keys()
    {
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var a = random.NextInt64();
            var b = a;
            var distance = n % 8;
            while (SimHash.Distance(a, b) < distance)
            {
                b ^= 1L << random.Next(64);
            }

            Assert.NotEmpty(SimHash.ProbeKeys(a).Intersect(SimHash.BandKeys(b)));
        }
    }

    [Fact]
    public void Eight_bits_spread_over_all_bands_are_beyond_the_probes()
    {
        // Two bits in each band: no band is within one bit, which is why MaxDistance stops at 7.
        var b = CampaignRows.At(8);
        Assert.Equal(8, SimHash.Distance(CampaignRows.Fingerprint, b));
        Assert.Empty(SimHash.ProbeKeys(CampaignRows.Fingerprint).Intersect(SimHash.BandKeys(b)));
    }

    [Fact]
    public void Probe_keys_are_each_band_and_its_sixteen_one_bit_neighbours()
    {
        var keys = SimHash.ProbeKeys(CampaignRows.Fingerprint);
        Assert.Equal(SimHash.ProbesPerFingerprint, keys.Distinct().Count());
        Assert.Equal(68, keys.Length);
        Assert.Subset(keys.ToHashSet(), SimHash.BandKeys(CampaignRows.Fingerprint).ToHashSet());
    }
}
