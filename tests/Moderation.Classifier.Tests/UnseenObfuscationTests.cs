using Moderation.Classifier.Evaluation;

namespace Moderation.Classifier.Tests;

/// <summary>
/// The held-out disguises (<see cref="ObfuscationKind.Unseen"/>) are never used for training copies, so only the
/// normaliser can undo them. For the kinds it can undo completely, a disguised comment must normalise to exactly what
/// the plain one does.
/// </summary>
public sealed class UnseenObfuscationTests
{
    private const string Comment = "Daftar sekarang di situs slot gacor maxwin, bonus member baru 100 persen tanpa ribet";

    public static TheoryData<ObfuscationKind> UndoneCompletely =>
        [ObfuscationKind.OtherStyles, ObfuscationKind.OtherLookalikes, ObfuscationKind.Combining, ObfuscationKind.OtherInvisible];

    [Theory]
    [MemberData(nameof(UndoneCompletely))]
    public void The_normaliser_undoes_the_disguise(ObfuscationKind kind)
    {
        var plain = TextNormalizer.Normalize(Comment).Text;
        for (var seed = 1; seed <= 30; seed++)
        {
            var disguised = ObfuscationRewriter.Rewrite(Comment, kind, seed);
            Assert.NotEqual(Comment, disguised);
            Assert.Equal(plain, TextNormalizer.Normalize(disguised).Text);
        }
    }

    [Fact]
    public void Symbols_for_letters_are_read_back_in_most_words()
    {
        // Not every symbol can be read back ("@" before a word may be a handle, a final "!" may end a sentence).
        var plainWords = TextNormalizer.Normalize(Comment).Text.Split(' ');
        var recovered = 0;
        var total = 0;
        for (var seed = 1; seed <= 30; seed++)
        {
            var words = TextNormalizer.Normalize(ObfuscationRewriter.Rewrite(Comment, ObfuscationKind.SymbolLeet, seed)).Text.Split(' ');
            recovered += plainWords.Count(words.Contains);
            total += plainWords.Length;
        }

        Assert.True(recovered >= 0.9 * total, $"{recovered} of {total} words read back");
    }

    [Fact]
    public void The_training_mix_never_uses_the_held_out_kinds()
    {
        // Symbols for letters, combining marks and Lisu letters appear in the held-out kinds only.
        for (var seed = 1; seed <= 200; seed++)
        {
            var mixed = ObfuscationRewriter.Rewrite(Comment, ObfuscationKind.Mixed, seed);
            Assert.DoesNotContain(mixed, c => c is '@' or '$' or '!' or '€' or (>= '\u0300' and <= '\u036F') or '\u00AD' or '\u2063');
        }
    }
}
