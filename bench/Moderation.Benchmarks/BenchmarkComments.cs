namespace Moderation.Benchmarks;

/// <summary>Hand-written comments of three lengths, and the committed model's path.</summary>
internal static class BenchmarkComments
{
    public const string Short = "mantap beritanya 👍";

    public const string Typical = "Ayo main di 𝐍𝐀𝐆𝐀𝐖𝐈𝐍 sekarang, dijamin g4c0r dan gampang wd, daftar lewat WA 0812-3456-7890 ya bosku 🔥🔥";

    public static readonly string Long = string.Join(' ', Enumerable.Repeat(
        "Menurut saya pemerintah daerah harus segera memperbaiki jalan yang rusak di kampung kami, sudah tiga bulan tidak ada kabar. Warga sudah lapor berkali-kali tapi belum ada tanggapan.", 4));

    public static string ModelPath()
    {
        // MODERATION_MODEL first, so that a candidate model can be measured from inside the repository.
        if (Environment.GetEnvironmentVariable("MODERATION_MODEL") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "moderation-model.zip");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("models/moderation-model.zip not found; set MODERATION_MODEL.");
    }

    // Hand-written words for generated comments (Indonesian and English news-comment vocabulary).
    private static readonly string[] Words =
    [
        "semoga", "warga", "banjir", "cepat", "surut", "pemerintah", "jalan", "rusak", "harga", "beras", "naik", "turun",
        "terima", "kasih", "infonya", "berita", "bagus", "setuju", "tidak", "sangat", "kecewa", "pelayanan", "rumah",
        "sakit", "sekolah", "anak", "guru", "pasar", "macet", "kereta", "bandara", "listrik", "padam", "air", "bersih",
        "desa", "kota", "bupati", "gubernur", "menteri", "pemilu", "kampanye", "subsidi", "bantuan", "sembako", "pajak",
        "gaji", "kerja", "pabrik", "petani", "nelayan", "hujan", "panas", "gempa", "sampah", "sungai", "polisi", "hukum",
        "korupsi", "sidang", "hakim", "sepak", "bola", "timnas", "menang", "kalah", "pelatih", "pemain", "gol", "juara",
        "the", "news", "great", "article", "thanks", "for", "sharing", "hope", "everyone", "is", "safe", "government",
        "should", "fix", "roads", "prices", "are", "too", "high", "agree", "with", "this", "terrible", "service",
        "slot", "gacor", "maxwin", "depo", "daftar", "link", "bio", "bonus", "member", "baru", "promo", "hari", "ini",
        "bodoh", "goblok", "dasar", "otak", "udang", "stupid", "idiot", "shut", "up", "wa", "admin", "cek", "di",
    ];

    /// <summary>Generated comments, all different: hand-written words, a made-up name and a number, so their n-grams differ.</summary>
    public static string[] Distinct(int count, int seed)
    {
        var random = new Random(seed);
        var texts = new string[count];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            var words = random.Next(6, 30);
            for (var w = 0; w < words; w++)
            {
                builder.Append(Words[random.Next(Words.Length)]).Append(' ');
                if (random.Next(6) == 0)
                {
                    // A made-up name (a brand, a place, a person): new character n-grams.
                    for (var c = random.Next(4, 9); c > 0; c--)
                    {
                        builder.Append((char)('a' + random.Next(26)));
                    }

                    builder.Append(' ');
                }
            }

            texts[i] = builder.Append(random.Next(1000)).ToString();
        }

        return texts;
    }
}
