using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

public sealed class Fingerprinting_text
{
    const string Promo = "ayo gabung sekarang di situs terpercaya bonus new member seratus persen wd cepat";

    [Fact]
    public void The_same_text_has_the_same_fingerprint() =>
        Assert.Equal(SimHash.Compute(Promo), SimHash.Compute(Promo));

    [Fact]
    public void A_small_edit_stays_within_a_few_bits()
    {
        var edited = Promo.Replace("seratus", "dua ratus", StringComparison.Ordinal);
        Assert.InRange(SimHash.Distance(SimHash.Compute(Promo), SimHash.Compute(edited)), 0, 12);
    }

    [Fact]
    public void Unrelated_texts_are_far_apart()
    {
        var other = "pemerintah kota akan memperbaiki drainase sebelum musim hujan tiba tahun depan";
        Assert.True(SimHash.Distance(SimHash.Compute(Promo), SimHash.Compute(other)) > 12);
    }

    [Fact]
    public void Short_texts_have_no_fingerprint() => Assert.Equal(0, SimHash.Compute("mantap pak, setuju"));

    [Fact]
    public void Fingerprints_within_three_bits_share_a_band()
    {
        var random = new Random(7);
        for (var n = 0; n < 1000; n++)
        {
            var a = random.NextInt64();
            var b = a;
            for (var flips = random.Next(0, 4); flips > 0; flips--)
            {
                b ^= 1L << random.Next(64);
            }

            Assert.NotEmpty(SimHash.BandKeys(a).Intersect(SimHash.BandKeys(b)));
        }
    }
}
