using System.Text;
using System.Text.Json;
using Moderation.Contracts;

namespace Moderation.LoadTest;

/// <summary>
/// Generates realistic reader comments from hand-written templates (never from the shared datasets): Indonesian and
/// English, ordinary, gambling promotion, abusive, with links. Deterministic for a seed, so runs are comparable.
/// </summary>
public sealed class CommentGenerator(int seed, string runId)
{
    public const string SiteId = "portal-berita";

    static readonly string[] IndonesianOpeners =
    [
        "Semoga pemerintah daerah cepat tanggap", "Terima kasih atas beritanya", "Menurut saya kebijakan ini kurang tepat",
        "Setuju sama pendapat bapak di atas", "Kasihan warga yang terdampak", "Baru tahu ternyata begini ceritanya",
        "Harga cabai di pasar kami sudah naik lagi", "Jalan di kampung kami rusak sejak tahun lalu", "Timnas main bagus tadi malam",
        "Mohon redaksi cek lagi datanya", "Kalau begini terus rakyat kecil yang susah",
    ];

    static readonly string[] IndonesianMiddles =
    [
        "dan semoga ada tindak lanjut yang jelas dari dinas terkait", "apalagi menjelang musim hujan seperti sekarang",
        "karena anak-anak harus melewati jalan itu setiap pagi", "padahal anggarannya sudah disetujui dari awal tahun",
        "saya tinggal di dekat lokasi dan kondisinya memang parah", "sebaiknya ada transparansi soal penggunaan dana",
        "semoga pelatih tetap konsisten dengan pemain muda", "tolong jangan hanya janji menjelang pemilu",
    ];

    static readonly string[] EnglishSentences =
    [
        "Great reporting, thanks for covering this.", "I disagree with the conclusion of this article.",
        "Does anyone know when the new bridge will open?", "The numbers in the second paragraph look wrong to me.",
        "My family lives near there and the flooding is getting worse every year.", "Well written, but it misses the economic side.",
        "This is exactly why we need better public transport in the city.", "Hope the injured recover quickly.",
    ];

    // Details that make ordinary comments as varied as real ones: readers write their own sentences, so ordinary
    // comments must not look like copies of each other (that is what campaign detection looks for).
    static readonly string[] Places = ["Bekasi", "Depok", "Medan", "Makassar", "Sleman", "Bogor", "Cirebon", "Palembang", "Denpasar", "Malang", "Pontianak", "Kupang"];
    static readonly string[] Details =
    [
        "Di {0} kejadiannya sudah {1} kali sejak bulan lalu.", "Kemarin saya lewat {0} sekitar jam {1} dan masih macet parah.",
        "Anak saya sekolah di {0}, jaraknya {1} km dari rumah.", "Harga beras di {0} sekarang Rp{1}.000 per kilo.",
        "Tetangga saya di {0} sudah menunggu {1} minggu belum ada kabar.", "Waktu saya tinggal di {0} tahun 20{1} juga begitu.",
        "In {0} we had {1} days without power last month.", "I visited {0} in 20{1} and it was much better then.",
    ];

    static readonly string[] GamblingTemplates =
    [
        "Lagi butuh cuan? Main slot gacor di {0}, depo 10rb langsung maxwin! Daftar sekarang, WD pasti cair.",
        "Bosku, {0} lagi gacor parah hari ini, modal receh jadi jutaan. Link alternatif di bio, buruan sebelum rungkad!",
        "Info slot gacor: {0} rtp 98% malam ini, bonus new member 100%, deposit pulsa tanpa potongan.",
        "Mau jackpot? Cari aja {0} di google, dijamin anti rungkad, admin ramah 24 jam.",
        "Best online slots at {0}! Register now and claim your 200% welcome bonus, instant withdraw.",
    ];

    static readonly string[] GamblingBrands = ["JAYAWIN88", "GACOR77", "MAXWIN303", "SLOTRAJA99", "HOKI4D", "CUANBET88"];

    static readonly string[] AbusiveTemplates =
    [
        "Dasar bodoh, komentar kayak gini cuma bikin malu. Mikir dulu sebelum ngetik!",
        "Goblok banget sih penulisnya, berita sampah kayak gini kok dimuat.",
        "Kamu itu tolol ya, sudah dijelaskan berkali-kali masih saja ngeyel.",
        "You are an idiot, nobody cares about your stupid opinion.",
        "Shut up, what a pathetic moron, go away from this site.",
    ];

    static readonly string[] LinkTemplates =
    [
        "Berita lengkapnya ada di https://kabar-{0}.example/berita/{1} silakan dibaca.",
        "Hubungi WA 0812-{1}-77{0} untuk info kerja sampingan, gaji harian, tanpa modal.",
        "Check my channel https://video-{0}.example/watch?v={1} for the full story!",
        "Promo pinjaman cepat cair, kunjungi https://dana-{0}.example dan t.me/dana{1}",
    ];

    static readonly string[] AuthorNames = ["Budi", "Siti", "Andi", "Dewi", "Rizky", "Putri", "Agus", "John", "Maria", "Wayan"];
    static readonly string[] Articles = ["banjir-jakarta", "harga-cabai-naik", "timnas-menang", "jalan-rusak-bogor", "pilkada-2026", "kereta-cepat"];

    readonly Random _random = new(seed);

    /// <summary>The comment id of the <paramref name="index"/>-th comment of this run: the index is recoverable from it.</summary>
    public string CommentId(int index) => $"lt-{runId}-{index}";

    public static bool TryParseIndex(ReadOnlySpan<char> commentId, string runId, out int index)
    {
        index = -1;
        var prefix = $"lt-{runId}-";
        return commentId.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(commentId[prefix.Length..], out index);
    }

    public SubmitComment Next(int index)
    {
        var kind = _random.Next(100);
        var text = kind switch
        {
            < 55 => Ordinary(),
            < 75 => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(GamblingTemplates), Pick(GamblingBrands)),
            < 87 => Pick(AbusiveTemplates),
            _ => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(LinkTemplates), _random.Next(10, 99), _random.Next(1000, 9999)),
        };
        var author = _random.Next(5000);
        var article = Pick(Articles);
        return new SubmitComment
        {
            CommentId = CommentId(index),
            SiteId = SiteId,
            ArticleId = article,
            ArticleUrl = $"https://portal.example/berita/{article}",
            ParentCommentId = _random.Next(10) == 0 ? CommentId(Math.Max(0, index - 1)) : null,
            AuthorId = $"reader-{author}",
            AuthorName = Pick(AuthorNames),
            AuthorEmail = $"reader{author}@mail.example",
            AuthorIp = $"198.51.100.{author % 250}",
            UserAgent = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
            Referrer = $"https://portal.example/berita/{article}",
            Text = text,
            Language = kind < 55 && text.Contains(' ', StringComparison.Ordinal) ? "id" : null,
            SubmittedAt = DateTimeOffset.UtcNow,
        };
    }

    public byte[] NextBody(int index) => JsonSerializer.SerializeToUtf8Bytes(Next(index), JsonSerializerOptions.Web);

    string Ordinary()
    {
        var builder = new StringBuilder();
        if (_random.Next(4) == 0)
        {
            builder.Append(Pick(EnglishSentences)).Append(' ').Append(Pick(EnglishSentences));
        }
        else
        {
            builder.Append(Pick(IndonesianOpeners)).Append(", ").Append(Pick(IndonesianMiddles)).Append('.');
            if (_random.Next(2) == 0)
            {
                builder.Append(' ').Append(Pick(IndonesianOpeners)).Append(' ').Append(Pick(IndonesianMiddles)).Append('.');
            }

            if (_random.Next(5) == 0)
            {
                builder.Append(" 🙏");
            }
        }

        // Most readers add something of their own.
        for (var extra = _random.Next(1, 3); extra > 0; extra--)
        {
            builder.Append(' ').Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Details), Pick(Places), _random.Next(2, 99)));
        }

        return builder.ToString();
    }

    string Pick(string[] items) => items[_random.Next(items.Length)];
}
