using System.Collections.Frozen;

namespace Moderation.Classifier.Normalization;

/// <summary>
/// A compact, hand-written map of informal Indonesian (alay, chat, regional) and English texting spellings to
/// one standard spelling, so that "gk", "ngga" and "tdk" count as the same word in training and in a site's word
/// lists. Written for this project from common usage; deliberately small: only spellings that do not collide with
/// another everyday word are listed.
/// </summary>
internal static class SlangSpellings
{
    // "standard: variant variant ...", one standard word per line.
    private const string Table = """
        yang: yg yng
        dengan: dgn dg dngn dgan
        untuk: utk untk tuk
        buat: bwt
        karena: krn karna krna
        tidak: gak ga gk nggak ngga nggk enggak engga kagak kaga tdk ndak gag ngak gaa
        gapapa: gpp gapapa gakpapa nggapapa
        gue: gw gua gwa gwe
        lu: lo loe elo elu lw
        aku: aq ak
        kamu: km kmu
        dia: dy
        saya: sy sya
        sudah: sdh udh udah dah udeh sudh
        belum: blm blom belom
        bisa: bs bsa
        juga: jg jga
        saja: aja aj ajah sj
        lagi: lg lgi
        tapi: tp tpi
        kalau: kalo klo kl klu klau
        orang: org orng
        banget: bgt bngt bgd bangett
        memang: emg emang mmg
        bagaimana: gmn gimana gmna bgmn gmana
        kenapa: knp knpa
        dari: dr dri
        pada: pd
        dalam: dlm
        dulu: dlu
        sekarang: skrg skrng skg
        terus: trs trus
        banyak: bnyk byk bnyak
        sebagai: sbg
        seperti: spt sprti
        kayak: kyk kyak kek
        cuma: cm cma cuman
        harus: hrs hrus
        sebelum: sblm
        setelah: stlh
        bukan: bkn bukn
        jadi: jd jdi
        ini: ni nih
        itu: tu tuh
        kemarin: kmrn kemaren
        besok: bsk
        tadi: td tdi
        benar: bener bnr bner
        ingin: pengen pgn pingin pengin
        mau: mo
        tahu: tau tw
        lihat: liat lht
        sampai: sampe smpe ampe
        makasih: makasi mksh mksih trims trimakasih trmksh mkasih
        cewek: cewe cwe cwek
        cowok: cowo cwo cwok
        sama: sm
        apa: ap
        semua: smua smw
        sendiri: sndiri
        tolong: tlg tlong
        silakan: silahkan monggo
        mantap: mantab mantul mntap
        nomor: nmr
        hubungi: hub hubungin
        daftar: dftr
        gratis: grtis
        promo: prmo
        jackpot: jp jepe jepeh jeipe jekpot jepey
        maxwin: mxwin mekswin maxwn
        withdraw: wd wede
        deposit: depo
        gacor: gcor
        anjing: anjg ajg anjink anjeng njing anying anjng
        bangsat: bgst bgsd bngst bangsad
        kontol: kntl kntol
        memek: mmk
        tolol: tll
        goblok: goblog gblk gblg goblk
        bego: bgo
        bodoh: bdh
        jancuk: jancok jncuk jnck
        brengsek: brgsk brengsk
        tai: tahi taik
        ngentot: ngentd ngntd ngtd entot
        bajingan: bjingan bajigan bjgn
        setan: syaiton syaitan
        kafir: kapir
        munafik: munafiq
        asu: asw
        cebong: cebonk kecebong
        kampret: kampert
        you: u
        your: ur yr
        please: pls plz plss pleas
        thanks: thx thnx tnx thanx
        message: msg
        text: txt
        love: luv
        because: cuz coz bcuz bcoz
        what: wat wut
        that: dat
        this: dis
        fuck: fk fuk fck fuq phuck
        fucking: fkn fckn fuckin fukin
        shit: sht shyt
        bitch: btch biatch bytch
        """;

    private static readonly FrozenDictionary<string, string> Map = Build();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Map.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of variant spellings known.</summary>
    public static int Count => Map.Count;

    /// <summary>The standard spelling of a lower-case word, when it is a known variant.</summary>
    public static bool TryGetStandard(ReadOnlySpan<char> word, out string standard) =>
        Lookup.TryGetValue(word, out standard!);

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var standard = line[..colon];
            foreach (var variant in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (variant != standard)
                {
                    // The first line that names a variant wins; later duplicates are ignored.
                    map.TryAdd(variant, standard);
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
