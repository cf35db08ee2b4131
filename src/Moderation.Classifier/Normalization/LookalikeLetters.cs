using System.Collections.Frozen;

namespace Moderation.Classifier.Normalization;

/// <summary>
/// Letters from other scripts (and Latin small capitals / IPA forms) that spammers put in place of Latin
/// letters because they look the same (Cyrillic, Greek, Armenian, Cherokee, Lisu, Canadian Syllabics, Latin small
/// capitals and letters with a stroke). Unicode
/// compatibility folding does not touch them, so they are mapped here by hand. The text this service reads is Indonesian and English, so folding Cyrillic and Greek wholesale
/// costs nothing real; for the same reason the German "ß" is read as the "b" it stands for in leetspeak ("ßodoh").
/// </summary>
internal static class LookalikeLetters
{
    // Pairs "look-alike=latin", space separated, kept readable rather than compact.
    private const string Pairs =
        // Cyrillic lower case
        "а=a б=b в=b г=r д=d е=e ё=e и=u й=u к=k м=m н=h о=o п=n р=p с=c т=t у=y х=x ш=w щ=w ъ=b ь=b э=e " +
        "і=i ї=i ј=j ѕ=s ԁ=d һ=h ԛ=q ԝ=w ґ=r є=e ѵ=v ӏ=l ԍ=g ҽ=e ҿ=e ԑ=e " +
        // Cyrillic letters drawn as digits, read as the digit (then leetspeak inside a word, a number in a phone number)
        "з=3 З=3 ч=4 Ч=4 " +
        // Cyrillic upper case
        "А=a Б=b В=b Г=r Д=d Е=e Ё=e И=u Й=u К=k М=m Н=h О=o П=n Р=p С=c Т=t У=y Х=x Ш=w Щ=w Ь=b " +
        "І=i Ї=i Ј=j Ѕ=s Ԁ=d Һ=h Ԛ=q Ԝ=w Є=e Ӏ=l Ԍ=g " +
        // Greek lower case (accented forms included: they are precomposed)
        "α=a β=b γ=y δ=d ε=e ζ=z η=n θ=o ι=i κ=k μ=u ν=v ο=o π=n ρ=p σ=o ς=c τ=t υ=u χ=x ω=w " +
        "ά=a έ=e ή=n ί=i ό=o ύ=u ώ=w ϲ=c ϳ=j ϱ=p ϐ=b ϰ=k " +
        // Greek upper case
        "Α=a Β=b Ε=e Ζ=z Η=h Ι=i Κ=k Μ=m Ν=n Ο=o Ρ=p Τ=t Υ=y Χ=x Δ=a Γ=r " +
        // Latin small capitals and Latin-looking letters without a compatibility mapping
        "ᴀ=a ʙ=b ᴄ=c ᴅ=d ᴇ=e ꜰ=f ɢ=g ʜ=h ɪ=i ᴊ=j ᴋ=k ʟ=l ᴍ=m ɴ=n ᴏ=o ᴘ=p ǫ=q ʀ=r ꜱ=s ᴛ=t ᴜ=u ᴠ=v ᴡ=w ʏ=y ᴢ=z " +
        "ɑ=a ɡ=g ı=i ȷ=j ł=l ɩ=i ʋ=v ɓ=b ɗ=d ɦ=h ɱ=m ɲ=n ɵ=o ɾ=r ʂ=s ʐ=z ƙ=k ƒ=f ø=o Ø=o đ=d Đ=d ħ=h " +
        "ĸ=k ꭇ=r ǀ=l ʝ=j ɋ=q ß=b ẞ=b ℮=e " +
        // Latin letters with a stroke, bar or hook, which have no decomposition (their capitals map through these)
        "ⱥ=a ƀ=b ȼ=c ƈ=c ɇ=e ꞙ=f ǥ=g ꞡ=g ɠ=g ɨ=i ɉ=j ꝁ=k ꞣ=k ƚ=l ꞥ=n ᵽ=p ꝑ=p ƥ=p ꝗ=q ʠ=q ɍ=r ꞧ=r ꞩ=s ŧ=t ƭ=t ƫ=t " +
        "ʉ=u ꝟ=v ɏ=y ƴ=y ƶ=z ȥ=z " +
        // Canadian Syllabics as drawn by "fancy text" generators (ᔕᒪOT GᗩᑕOᖇ)
        "ᗩ=a ᗅ=a ᐱ=a ᗷ=b ᑲ=b ᗸ=b ᑕ=c ᑢ=c ᗪ=d ᕲ=d ᗞ=d ᑯ=d ᗴ=e ᘿ=e ᕮ=e ᖴ=f ᘜ=g ᕼ=h ᕽ=h ᓰ=i ᒍ=j ᒚ=j ᒐ=j ᖽ=k ᒪ=l " +
        "ᗰ=m ᘻ=m ᑎ=n ᘉ=n ᓍ=o ᗝ=o ᑭ=p ᕵ=p ᕈ=p ᑫ=q ᕴ=q ᖇ=r ᖆ=r ᔕ=s ᖶ=t ᑌ=u ᑘ=u ᐯ=v ᐺ=v ᐁ=v ᗯ=w ᘺ=w ᙭=x ᖻ=y ᘔ=z ᗱ=z " +
        // Armenian
        "օ=o ս=u ո=n ռ=n հ=h ց=g զ=q ք=p Օ=o Ս=u Տ=s Լ=l " +
        // Cherokee capitals (their small forms are added in Build)
        "Ꭺ=a Ᏼ=b Ꮯ=c Ꭰ=d Ꭼ=e Ꮐ=g Ꮋ=h Ꭵ=i Ꭻ=j Ꮶ=k Ꮮ=l Ꮇ=m Ꮲ=p Ꮢ=r Ꮪ=s Ꭲ=t Ꮩ=v Ꮃ=w Ꮍ=y Ꮓ=z " +
        // Lisu, whose letters are drawn as Latin capitals
        "ꓮ=a ꓐ=b ꓚ=c ꓓ=d ꓰ=e ꓝ=f ꓖ=g ꓧ=h ꓲ=i ꓙ=j ꓗ=k ꓡ=l ꓟ=m ꓠ=n ꓳ=o ꓑ=p ꓣ=r ꓢ=s ꓔ=t ꓴ=u ꓦ=v ꓪ=w ꓫ=x ꓬ=y ꓜ=z";

    private static readonly FrozenDictionary<int, char> Map = Build();

    /// <summary>The Latin letter a look-alike stands for.</summary>
    public static bool TryMap(int codePoint, out char latin) => Map.TryGetValue(codePoint, out latin);

    private static FrozenDictionary<int, char> Build()
    {
        var map = new Dictionary<int, char>();
        foreach (var pair in Pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            map[char.ConvertToUtf32(pair, 0)] = pair[separator + 1];
            if (pair[0] is >= '\u13A0' and <= '\u13F5')
            {
                map[char.ToLowerInvariant(pair[0])] = pair[separator + 1]; // Cherokee small letters (ꭺ, ᏼ)
            }
        }

        // Negative circled and negative squared capitals (🅐, 🅰) and regional indicators (🇦) have no
        // compatibility mapping either.
        for (var i = 0; i < 26; i++)
        {
            map[0x1F150 + i] = (char)('a' + i);
            map[0x1F170 + i] = (char)('a' + i);
            map[0x1F1E6 + i] = (char)('a' + i);
        }

        return map.ToFrozenDictionary();
    }
}
