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
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", "moderation-model.zip");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Environment.GetEnvironmentVariable("MODERATION_MODEL") ?? throw new FileNotFoundException("models/moderation-model.zip not found; set MODERATION_MODEL.");
    }
}
