namespace Moderation.Classifier.Tests;

public sealed class TextNormalizerTests
{
    private static string Norm(string text) => TextNormalizer.Normalize(text).Text;

    [Theory]
    [InlineData("Halo Semua", "halo semua")]
    [InlineData("BERITA   hari ini!!", "berita hari ini")]
    [InlineData("", "")]
    public void Lower_cases_and_keeps_single_spaces(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("𝐆𝐀𝐂𝐎𝐑", "gacor")]
    [InlineData("𝕊𝕃𝕆𝕋", "slot")]
    [InlineData("𝓂𝒶𝓃𝓉𝒶𝓅", "mantap")]
    [InlineData("Ｍａｘｗｉｎ", "maxwin")]
    [InlineData("ⓖⓐⓒⓞⓡ", "gacor")]
    [InlineData("🅶🅰🅲🅾🆁", "gacor")]
    [InlineData("ᴍᴀɴᴛᴀᴘ", "mantap")]
    public void Folds_styled_letters_to_plain_latin(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("ѕlоt", "slot")] // Cyrillic s, o
    [InlineData("gасоr", "gacor")] // Cyrillic a, c, o
    [InlineData("ΜΑΧWΙΝ", "maxwin")] // Greek capitals
    public void Maps_lookalike_letters_from_other_scripts(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("\u0581ac\u0585r", "gacor")] // Armenian co, oh
    [InlineData("\uA4E2\uA4E1\uA4F3\uA4D4 \uA4D6\uA4EE\uA4DA\uA4F3\uA4E3", "slot gacor")] // Lisu
    [InlineData("\u13DA\u13DEo\u13A2", "slot")] // Cherokee capitals S, L, T
    [InlineData("\uABAA\uABAEo\uAB72", "slot")] // Cherokee small letters
    public void Maps_lookalike_letters_from_more_scripts(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("se\u0138arang", "sekarang")] // kra
    [InlineData("ma\u03C7wi\u057C", "maxwin")] // Greek chi, Armenian ra
    [InlineData("pe\uAB47\u04BDn", "peren")] // Latin small r without handle, Cyrillic che with descender
    [InlineData("\u00DF0d0h", "bodoh")] // sharp s as a leetspeak b
    [InlineData("sit\u00B5s", "situs")] // micro sign, a Greek mu
    [InlineData("\u0393\u0394", "ra")] // capitals of mapped small letters: Gamma, Delta
    [InlineData("b\u0AE6d\u0AE6h", "bodoh")] // Gujarati zeros read as digits, then as leetspeak
    public void Maps_rarer_lookalike_letters_and_digits(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("\u1515\u14AAOT G\u15E9\u1455O\u1587", "slot gacor")] // Canadian Syllabics "fancy text"
    [InlineData("\uA7A9\u0142\u00F8\u0167 \u01E5\u2C65\u023C\u00F8\u024D", "slot gacor")] // letters with a stroke
    [InlineData("\u0197NI \u0166IDAK", "ini tidak")] // their capitals, through the small letters
    public void Maps_fancy_text_and_stroked_letters(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("g\u2B55cor \u00A9ek \u271Dolol \u303D\uFE0Faxwin", "gocor cek tolol maxwin")]
    [InlineData("\U0001F4B2lot g\u2757la", "slot gila")] // a dollar sign and an exclamation mark drawn as emoji
    [InlineData("mantap\u2757 Google\u00AE \u274C hoax", "mantap google \u00AE \u274C hoax")] // signs that mean themselves
    [InlineData("f@gg\u2B55\u271D qu\u20AC\u20AC\u00AE", "faggot queer")] // at the end of a word disguised elsewhere, letters
    [InlineData("faggo\u271D", "faggo \u271D")] // but not in a word with no other disguise
    [InlineData("\U0001F518k g\U0001F518\U0001F518d", "ok good")] // the radio button as an "o"
    public void Reads_emoji_and_signs_drawn_as_letters_inside_words(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("\u202Erocag\u202C \u202Etols\u202C di", "gacor slot di")] // each word stored backwards, shown right
    [InlineData("ayo \u202Etols rocag", "ayo gacor slot")] // to the end of the text when nothing pops the override
    [InlineData("\u202Bgacor\u202C", "gacor")] // an embedding does not reverse Latin letters: only an override does
    public void Reads_text_forced_right_to_left_in_display_order(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("\u0287ols \u0279o\u0254\u0250\u0183", "gacor slot")]
    [InlineData("\u0183u\u0250pn \u029E\u0250\u0287o", "otak udang")] // "u" is a turned "n", "p" a turned "d"
    [InlineData("00\u0196 snuoq", "bonus 100")] // turned digits and letters without a turned-only form
    [InlineData("\u0287ols", "slot")] // one turned letter is enough when it is the whole comment
    [InlineData("saya suka \u0287ols \u0279o\u0254\u0250\u0183 banget", "saya suka gacor slot banget")] // only the turned run
    public void Reads_upside_down_text(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("bu\u0250t ini", "bu\u0250t ini")] // one turned letter among ordinary words is a look-alike, not a turned run
    [InlineData("pop dub", "pop dub")] // Latin letters that turn into each other, with no turned-only letter
    [InlineData("sama s\u0279o", "sama s\u0279o")] // one turned letter after a normal word stays
    public void Leaves_text_that_is_not_upside_down_alone(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("p3r\u00A73n m\u2206xwin", "persen maxwin")]
    [InlineData("|<amu ga\u00A2or ma\u00D7win", "kamu gacor maxwin")]
    [InlineData("ga(or", "gacor")]
    [InlineData("ba6us", "bagus")]
    [InlineData("\u2206nd \u00A2all bonu\u00A7", "and call bonus")] // at the edges of a word too
    [InlineData("|<@mu", "kamu")] // a disguised word, not a handle
    public void Reads_more_symbols_and_digits_inside_words_as_letters(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("harga \u00A250 dan 2\u00D73", "harga \u00A2 50 dan 2 3")] // a price and a product
    [InlineData("lihat (foto) dan f(2", "lihat foto dan f 2")] // a parenthesis after a space or before a non-letter
    public void Leaves_the_new_symbols_alone_where_they_mean_themselves(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("j@ckp0t", "jackpot")]
    [InlineData("$lot gr@ti$", "slot gratis")]
    [InlineData("m@xw!n", "maxwin")]
    [InlineData("jud0|", "judol")]
    [InlineData("g()cor", "gocor")]
    [InlineData("+idak ole#", "tidak oleh")]
    [InlineData("$|o+ $|()t", "slot slot")] // symbols next to symbols
    [InlineData("@nj!ng", "anjing")] // a disguised word, not a handle
    [InlineData("!n!", "in")]
    public void Reads_symbols_inside_words_as_letters(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("harga US$100 atau €5", "harga us $ 100 atau € 5")]
    [InlineData("nilai a+ 18+ c#", "nilai a 18 c")]
    [InlineData("#judol mantap!! keren!", "judol mantap keren")]
    [InlineData("(mantap!) (halo)", "mantap halo")]
    [InlineData("halo @budi! dan @admin", "halo _handle_ dan _handle_")]
    [InlineData("tulis ke budi@gmail.com", "tulis ke _email_")]
    public void Leaves_symbols_that_are_themselves_alone(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("ga.cor", "gacor")]
    [InlineData("sl_ot max-win", "slot maxwin")]
    [InlineData("anj/ing", "anjing")]
    [InlineData("covid-19", "covid19")]
    [InlineData("pem.erin.tah", "pemerintah")]
    public void Joins_words_broken_by_punctuation(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("bonu\U0001F4B0s s\U0001F525itus", "bonus situs")]
    [InlineData("b\U0001F4B0o\U0001F4B0doh", "bodoh")]
    [InlineData("se\u2764\uFE0Fkarang", "sekarang")] // the emoji's variation selector is invisible
    [InlineData("ma-x-wi-n p~er~s~en", "maxwin persen")] // three breaks, the same mark, short pieces
    [InlineData("t\u2022o\u2022lo\u2022l", "tolol")]
    public void Joins_words_broken_by_emoji_or_by_one_mark_repeated(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("mantap\U0001F44Dkeren", "mantap keren")] // two words with an emoji glued between them: a space
    [InlineData("gacor\U0001F525\U0001F525slot", "gacor slot")] // a row of emoji is not a break either
    [InlineData("state-of-the-art", "state of the art")] // a long piece
    [InlineData("ma-x.wi-n", "ma x wi n")] // three breaks with different marks
    [InlineData("12-05-2024", "12 05 2024")]
    public void Leaves_words_separated_by_emoji_or_long_pieces_apart(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("anak-anak", "anak anak")] // no piece short enough to be a fragment
    [InlineData("bagus.mantap", "bagus mantap")]
    [InlineData("jam 10.30", "jam 10 30")] // digits only
    [InlineData("lihat situs.com", "lihat _link_")]
    [InlineData("a.b.c.d.e", "abcde")] // letters split one by one: the spaced-letters rule
    public void Leaves_words_with_long_pieces_apart(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("g4c0r", "gacor")]
    [InlineData("m4xw1n", "maxwin")]
    [InlineData("s4y4", "saya")]
    [InlineData("4nj1ng", "anjing")]
    [InlineData("sl0t", "slot")]
    public void Reads_leetspeak_inside_words(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("tahun 2025", "tahun 2025")]
    [InlineData("harga 35rb", "harga 35rb")]
    [InlineData("paket 2gb", "paket 2gb")]
    [InlineData("covid19", "covid19")]
    [InlineData("lagu mp3", "lagu mp3")]
    [InlineData("tunggu 5menit", "tunggu 5menit")]
    [InlineData("rp35rb", "rp35rb")]
    public void Leaves_numbers_prices_and_names_alone(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("main g a c o r terus", "main gacor terus")]
    [InlineData("s.l.o.t", "slot")]
    [InlineData("g-a-c-o-r", "gacor")]
    [InlineData("k.a.m.u b.o.d.o.h", "kamu bodoh")]
    [InlineData("a b", "a b")]
    public void Joins_letters_split_by_separators(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("t h i s   n i g g a   i s   t r a s h", "this nigga is trash")]
    [InlineData("g o b l o k   l u ,   d a s a r   a n j i n g !", "goblok lu dasar anjing")]
    [InlineData("d a f t a r   d i   g a c o r 8 8 . c o m   s e k a r a n g", "daftar di _link_ sekarang")]
    [InlineData("S L O T   G A C O R   di g a c o r 8 8 . c o m", "slot gacor di _link_")]
    [InlineData("kelas a b ok", "kelas a b ok")] // no word spaced out letter by letter: two letters stay apart
    [InlineData("s l o t   a b c d", "slot abcd")]
    public void Reads_text_spaced_out_letter_by_letter_with_its_short_words_and_links(string input, string expected) =>
        Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("ga\u200Bcor", "gacor")]
    [InlineData("s\u200Cl\u200Do\u2060t", "slot")]
    [InlineData("\uFEFFhalo", "halo")]
    public void Removes_zero_width_characters(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("daftar\u3164sekarang", "daftar sekarang")] // Hangul filler
    [InlineData("di\u2800situs", "di situs")] // blank Braille pattern
    [InlineData("sl\uFFA0ot", "sl ot")] // shows a gap, so it is one
    public void Reads_blank_letters_as_spaces(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("gaaaacor", "gacor")]
    [InlineData("mantappppp", "mantap")]
    [InlineData("maaf", "maaf")]
    [InlineData("good", "good")]
    public void Collapses_letters_stretched_three_times_or_more(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("gk tau", "tidak tahu")]
    [InlineData("yg penting", "yang penting")]
    [InlineData("bgt", "banget")]
    [InlineData("wkwkwkwk", "wkwk")]
    [InlineData("hahahaha", "haha")]
    public void Maps_informal_spellings(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("cek https://contoh.xyz/promo sekarang", "cek _link_ sekarang", 1)]
    [InlineData("kunjungi contoh-situs.com ya", "kunjungi _link_ ya", 1)]
    [InlineData("www.example.org", "_link_", 1)]
    public void Turns_links_into_tokens(string input, string expected, int links)
    {
        var normalized = TextNormalizer.Normalize(input);
        Assert.Equal(expected, normalized.Text);
        Assert.Equal(links, normalized.Signals.Links);
    }

    [Fact]
    public void Turns_emails_phones_handles_and_messenger_contacts_into_tokens()
    {
        var normalized = TextNormalizer.Normalize("email admin@contoh.co.id atau telp 0812-3456-7890, follow @akun_promo, WA 081234567890, t.me/grupku");
        Assert.Equal("email _email_ atau telp _phone_ follow _handle_ _messenger_ _messenger_", normalized.Text);
        Assert.Equal(1, normalized.Signals.Emails);
        Assert.Equal(1, normalized.Signals.Phones);
        Assert.Equal(1, normalized.Signals.Handles);
        Assert.Equal(2, normalized.Signals.MessengerContacts);
    }

    [Fact]
    public void International_phone_numbers_are_tokens_but_dates_are_not()
    {
        Assert.Equal("call _phone_ now", Norm("call +44 7700 900123 now"));
        Assert.DoesNotContain("_phone_", Norm("2016-07-08 11:47:11 sisa kuota"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("daftar di slot88 (dot) com sekarang", "daftar di _link_ sekarang")]
    [InlineData("slot88[.]com", "_link_")]
    [InlineData("slot88 titik com", "_link_")]
    [InlineData("www(.)slot88(.)vip/daftar", "_link_")]
    [InlineData("slot88 . com", "_link_")]
    [InlineData("lihat youtube.kom/abc", "lihat _link_")] // ".com" respelled by sound
    [InlineData("tulis ke budi [at] gmail (dot) com", "tulis ke _email_")]
    [InlineData("budi at gmail dot com", "_email_")]
    [InlineData("budi(at)gmail.com", "_email_")]
    [InlineData("hub 0 8 1 2 3 4 5 6 7 8 9", "hubungi _phone_")]
    [InlineData("hub 08 12 34 56 78 90", "hubungi _phone_")]
    [InlineData("call 0 9 0 6 6 3 6 1 2 3 4 now", "call _phone_ now")]
    [InlineData("wa \U0001F10B\u2787\u2780\u2781\u2782\u2783\u2784\u2785\u2786\u2787\u2788", "_messenger_")] // 🄋➇➀➁...
    [InlineData("wa \u24FF\u277D\u2776\u2777\u2778\u2779\u277A\u277B\u277C\u277D", "_messenger_")] // ⓿❽❶❷...
    [InlineData("hub O8l2-\u04173456-O7Bg", "hubungi _phone_")] // O for 0, l for 1, Cyrillic З for 3, B for 8, g for 9
    [InlineData("nol delapan satu dua tiga empat lima enam tujuh delapan", "_phone_")]
    [InlineData("call zero seven seven zero zero nine zero zero one two three", "call _phone_")]
    public void Reads_disguised_links_emails_and_phone_numbers(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Theory]
    [InlineData("lihat situs.com", "lihat _link_")] // "at" inside a word is not an e-mail's
    [InlineData("look at situs.com", "look at _link_")] // the word "at" before a plain link leaves it a link
    [InlineData("tanggal 17.08.2024 jam 10.00", "tanggal 17 08 2024 jam 10 00")]
    [InlineData("skor 1 2 3 4 5", "skor 1 2 3 4 5")]
    [InlineData("teknologi nol persen", "teknologi nol persen")]
    [InlineData("satu dua tiga empat", "satu dua tiga empat")]
    [InlineData("a top . top", "a top top")]
    [InlineData("titik temu kita", "titik temu kita")]
    [InlineData("b0s5l0t88 gacor", "bosslot88 gacor")] // short runs of digits and letters stay words
    [InlineData("kode 1234 oke", "kode 1234 oke")]
    public void Leaves_ordinary_text_that_only_looks_like_a_disguised_contact(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Fact]
    public void Counts_the_share_of_styled_letters()
    {
        Assert.Equal(0f, TextNormalizer.Normalize("biasa saja").Signals.StyledLetterShare);
        Assert.Equal(1f, TextNormalizer.Normalize("𝐆𝐀𝐂𝐎𝐑").Signals.StyledLetterShare);
        Assert.Equal(0.5f, TextNormalizer.Normalize("𝐆𝐀𝐂𝐎 slot").Signals.StyledLetterShare, 3);
        Assert.Equal(0f, TextNormalizer.Normalize("café résumé").Signals.StyledLetterShare);
    }

    [Fact]
    public void Keeps_emoji_as_words_and_counts_a_row_of_them_once()
    {
        Assert.Equal("mantap 🔥 keren", Norm("mantap 🔥🔥🔥 keren"));
    }

    [Theory]
    [InlineData("berita\u2728bagus\u2728sekali", "berita bagus sekali")] // decorating the gaps between words
    [InlineData("slot gacor\U0001F525", "slot gacor \U0001F525")] // after the last word it is a word
    [InlineData("\U0001F525\U0001F525 promo", "\U0001F525 promo")]
    [InlineData("harga us$100", "harga us $ 100")] // currency signs stay words
    public void Reads_emoji_glued_between_two_words_as_a_space(string input, string expected) => Assert.Equal(expected, Norm(input));

    [Fact]
    public void Drops_diacritics_and_apostrophes_inside_words()
    {
        Assert.Equal("cafe dont jumat", Norm("Café don't jum'at"));
    }

    [Fact]
    public void Styled_and_plain_versions_of_a_comment_normalise_the_same()
    {
        Assert.Equal(Norm("Beritanya bagus sekali, terima kasih"), Norm("𝐁𝐞𝐫𝐢𝐭𝐚𝐧𝐲𝐚 𝐛𝐚𝐠𝐮𝐬 𝐬𝐞𝐤𝐚𝐥𝐢, 𝐭𝐞𝐫𝐢𝐦𝐚 𝐤𝐚𝐬𝐢𝐡"));
    }
}
