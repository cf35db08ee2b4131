using System.Buffers;
using System.Collections.Frozen;

namespace Moderation.Classifier.Normalization;

/// <summary>
/// Text written upside down ("ʇols ɹoɔɐƃ" is "gacor slot" turned by 180°): generators write every letter as its
/// turned form and reverse the order, so it reads right when the screen is turned. Such runs of words are read back:
/// the order reversed and every character turned back, including the Latin letters that turn into each other
/// ("u" is a turned "n", "d" a turned "p").
/// </summary>
/// <remarks>
/// A run is upside down only when nothing in it could be ordinary text: its words hold turned letters (ɐ ǝ ʇ ɹ ...)
/// and none of the Latin letters that have no Latin turned form (a c e f g h i j k m r t v w y), and it holds at least
/// two turned letters, or one when it is the whole comment ("ʇols"). Words in normal writing around it stay as they
/// are. The letters a homoglyph attack also uses ("ɾ" for "r", "ſ") do not count as turned.
/// </remarks>
internal static class UpsideDown
{
    // Turned form = what it reads as. Plain Latin letters that are each other's turned forms come in pairs.
    private const string Pairs =
        "ɐ=a q=b ɔ=c p=d ǝ=e ɟ=f ƃ=g ɥ=h ᴉ=i ɾ=j ʞ=k l=l ꞁ=l ɯ=m u=n o=o d=p b=q ɹ=r s=s ʇ=t n=u ʌ=v ʍ=w x=x ʎ=y z=z " +
        "∀=A ᗺ=B Ɔ=C ᗡ=D Ǝ=E Ⅎ=F ⅁=G H=H I=I ſ=J Ʞ=K ˥=L ⅂=L W=M N=N O=O Ԁ=P Ό=Q ᴚ=R S=S ⊥=T ┴=T ∩=U Λ=V M=W X=X ⅄=Y Z=Z " +
        "Ɩ=1 ᄅ=2 Ɛ=3 ㄣ=4 ϛ=5 9=6 ㄥ=7 8=8 6=9 0=0 " +
        "˙=. '=, ,=' ¡=! ¿=? (=) )=( [=] ]=[ {=} }={ <=> >=< ⅋=& ‾=_ ؛=;";

    // Turned forms that ordinary text and look-alike attacks do not use: what makes a run upside down.
    private const string TurnedOnly = "ɐɔǝɟƃɥᴉʞꞁɯɹʇʌʍʎ∀ᗺƆᗡƎℲ⅁˥⅂ԀᴚꞰ⊥┴∩Λ⅄ƖᄅƐㄣϛㄥ˙¡¿⅋";

    private static readonly SearchValues<char> Turned = SearchValues.Create(TurnedOnly);
    private static readonly SearchValues<char> Upright = SearchValues.Create("acefghijkmrtvwyABCDEFGJKLPQRTUVY");
    private static readonly FrozenDictionary<char, char> Map = Build();

    /// <summary>Cheap pre-check: most comments have no turned letter.</summary>
    public static bool MayContain(ReadOnlySpan<char> text) => text.ContainsAny(Turned);

    /// <summary>The character a turned character reads as, or the character itself.</summary>
    public static int TurnBack(int codePoint) =>
        codePoint <= char.MaxValue && Map.TryGetValue((char)codePoint, out var upright) ? upright : codePoint;

    /// <summary>The ranges of <paramref name="text"/> written upside down, in order; empty for almost every comment.</summary>
    public static (int Start, int End)[] FindRuns(string text)
    {
        if (!MayContain(text))
        {
            return [];
        }

        var runs = new List<(int Start, int End)>();
        var runStart = -1;
        var runEnd = -1;
        var turned = 0;
        for (var i = 0; i <= text.Length;)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var word = text.AsSpan(i, end - i);
            if (word.ContainsAny(Upright))
            {
                Close(runs, text, runStart, runEnd, turned);
                runStart = -1;
                turned = 0;
            }
            else
            {
                runStart = runStart < 0 ? i : runStart;
                runEnd = end;
                turned += Count(word);
            }

            i = end;
        }

        Close(runs, text, runStart, runEnd, turned);
        return runs.ToArray();
    }

    private static void Close(List<(int Start, int End)> runs, string text, int start, int end, int turned)
    {
        if (start < 0)
        {
            return;
        }

        var whole = text.AsSpan(0, start).IsWhiteSpace() && text.AsSpan(end).IsWhiteSpace();
        if (turned >= 2 || turned == 1 && whole)
        {
            runs.Add((start, end));
        }
    }

    private static int Count(ReadOnlySpan<char> word)
    {
        var count = 0;
        foreach (var c in word)
        {
            count += Turned.Contains(c) ? 1 : 0;
        }

        return count;
    }

    private static FrozenDictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        foreach (var pair in Pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            map[pair[0]] = pair[2];
        }

        return map.ToFrozenDictionary();
    }
}
