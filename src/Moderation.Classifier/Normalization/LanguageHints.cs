using System.Collections.Frozen;

namespace Moderation.Classifier.Normalization;

/// <summary>
/// Very common Indonesian and English function words (hand-written), to tell the two languages apart cheaply. The
/// heads use the shares as features so that each language gets its own baseline: the Indonesian and English abuse
/// and hate data have very different shares of positives.
/// </summary>
internal static class LanguageHints
{
    private static readonly FrozenSet<string> Indonesian = FrozenSet.Create(StringComparer.Ordinal,
    [
        "yang", "dan", "di", "ini", "itu", "tidak", "saya", "aku", "kamu", "dengan", "untuk", "ada", "dari", "ke", "akan",
        "juga", "sudah", "bisa", "mau", "apa", "karena", "kalau", "tapi", "jadi", "lagi", "sama", "orang", "nya", "kita",
        "kami", "mereka", "dia", "pada", "dalam", "belum", "masih", "harus", "semua", "banyak", "sekali", "banget", "saja",
        "aja", "sih", "dong", "deh", "kok", "ya", "nih", "tuh", "lah", "pun", "atau", "oleh", "tersebut", "kenapa",
        "bagaimana", "gue", "lu", "kalian", "bapak", "ibu", "pak", "bu", "mas", "mbak", "terus", "seperti", "kayak",
        "cuma", "baru", "hari", "tahun", "buat", "lebih", "paling", "bukan", "jangan", "sangat", "setelah", "sebelum",
    ]);

    private static readonly FrozenSet<string> English = FrozenSet.Create(StringComparer.Ordinal,
    [
        "the", "and", "is", "to", "of", "you", "i", "it", "that", "in", "for", "my", "this", "are", "be", "on", "with",
        "me", "your", "not", "have", "was", "just", "so", "but", "what", "like", "all", "get", "if", "they", "we", "he",
        "she", "her", "his", "at", "can", "will", "do", "dont", "im", "no", "up", "out", "about", "who", "when", "from",
        "there", "their", "them", "an", "or", "by", "how", "would", "should", "been", "has", "had", "one", "now", "got",
        "know", "love", "u", "ur", "lol", "why", "please", "call", "free", "too", "our", "us", "it's", "than", "then",
    ]);

    /// <summary>The shares of the space-separated words of a normalised text that are Indonesian and English function words.</summary>
    public static (float Indonesian, float English) Shares(string normalizedText)
    {
        var indonesianLookup = Indonesian.GetAlternateLookup<ReadOnlySpan<char>>();
        var englishLookup = English.GetAlternateLookup<ReadOnlySpan<char>>();
        int words = 0, indonesian = 0, english = 0;
        foreach (var range in normalizedText.AsSpan().Split(' '))
        {
            var word = normalizedText.AsSpan(range);
            if (word.Length > 0)
            {
                words++;
                indonesian += indonesianLookup.Contains(word) ? 1 : 0;
                english += englishLookup.Contains(word) ? 1 : 0;
            }
        }

        return words == 0 ? (0, 0) : ((float)indonesian / words, (float)english / words);
    }

    /// <summary>The shares of words that are Indonesian and English function words.</summary>
    public static (float Indonesian, float English) Shares(string normalizedText, ReadOnlySpan<int> wordStarts, ReadOnlySpan<int> wordLengths)
    {
        if (wordStarts.Length == 0)
        {
            return (0, 0);
        }

        var indonesianLookup = Indonesian.GetAlternateLookup<ReadOnlySpan<char>>();
        var englishLookup = English.GetAlternateLookup<ReadOnlySpan<char>>();
        int indonesian = 0, english = 0;
        for (var w = 0; w < wordStarts.Length; w++)
        {
            var word = normalizedText.AsSpan(wordStarts[w], wordLengths[w]);
            indonesian += indonesianLookup.Contains(word) ? 1 : 0;
            english += englishLookup.Contains(word) ? 1 : 0;
        }

        return ((float)indonesian / wordStarts.Length, (float)english / wordStarts.Length);
    }
}
