using System.Text;

namespace Moderation.Classifier.Tests;

/// <summary>
/// A small labelled TSV written for these tests from hand-made templates (no row of any public dataset):
/// gambling promotion, insults, attacks on a group and ordinary news comments, in three made-up sources.
/// </summary>
internal static class HandwrittenData
{
    private static readonly string[] Brands = ["ZETA77", "KUDAHOKI", "BINTANGJP", "RAJAPUTAR", "NAGAWIN", "OMBAK4D"];
    private static readonly string[] Promises = ["pasti maxwin", "auto jackpot", "gampang wd", "gacor parah", "depo kecil untung besar", "jp terus"];
    private static readonly string[] Topics = ["harga beras", "jalan rusak", "banjir kemarin", "pemilu daerah", "sekolah baru", "pasar malam"];
    private static readonly string[] Opinions = ["semoga cepat diperbaiki", "terima kasih infonya", "beritanya jelas sekali", "kapan ada lanjutannya", "setuju dengan pak lurah", "mudah mudahan aman"];
    private static readonly string[] Insults = ["dasar bodoh", "goblok banget kamu", "otak udang", "mulutmu sampah", "tolol sekali", "bego dasar"];
    private static readonly string[] Groups = ["kaum itu", "suku sebelah", "orang orang itu", "golongan mereka"];
    private static readonly string[] Attacks = ["harus diusir dari sini", "tidak pantas hidup", "semuanya penipu hina", "lebih rendah dari binatang"];

    /// <summary>Writes the TSV and returns its path.</summary>
    public static string WriteTsv(string directory, string spamSource = "handmade_spam", string abuseSource = "handmade_abuse", int copies = 1)
    {
        var builder = new StringBuilder("id\tsource\tlang\ttext\tspam\tabuse\thate\n");
        var n = 0;
        for (var copy = 0; copy < copies; copy++)
        {
            for (var i = 0; i < Brands.Length; i++)
            {
                for (var j = 0; j < Promises.Length; j++)
                {
                    builder.Append($"{spamSource}-{n++}\t{spamSource}\tid\tmain di {Brands[i]} {Promises[j]} bosku {copy}\t1\t\t\n");
                    builder.Append($"{spamSource}-{n++}\t{spamSource}\tid\t{Topics[i]} {Opinions[j]} {copy}\t0\t\t\n");
                }
            }

            for (var i = 0; i < Insults.Length; i++)
            {
                for (var j = 0; j < Topics.Length; j++)
                {
                    builder.Append($"{abuseSource}-{n++}\t{abuseSource}\tid\t{Insults[i]}, soal {Topics[j]} saja tidak paham {copy}\t1\t0\n".Replace("\t1\t0\n", "\t\t1\t0\n", StringComparison.Ordinal));
                    builder.Append($"{abuseSource}-{n++}\t{abuseSource}\tid\t{Topics[j]} {Opinions[i]} ya {copy}\t\t0\t0\n");
                }
            }

            for (var i = 0; i < Groups.Length; i++)
            {
                for (var j = 0; j < Attacks.Length; j++)
                {
                    builder.Append($"{abuseSource}-{n++}\t{abuseSource}\tid\t{Groups[i]} {Attacks[j]} {copy}\t\t1\t1\n");
                }
            }
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{spamSource}+{abuseSource}.tsv");
        File.WriteAllText(path, builder.ToString());
        return path;
    }
}
