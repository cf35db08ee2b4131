// independent_disguises.fsx
//
// Robustness check of the moderation classifier against text disguises that were
// written WITHOUT looking at the classifier's normalisation code or at its own
// obfuscation rewriter ("blind" disguises). Every validation row is rewritten with
// each disguise kind, re-scored, and F1 per (source, label) is compared with the
// clean text. Also reports how often ordinary rows (every known label false) get
// flagged as spam, clean vs disguised.
//
// Run from the repository root, after `dotnet build -c Release src/Moderation.Cli -o .tmp/cli-exp`:
//   dotnet fsi --quiet models/experiments/independent_disguises.fsx [--model PATH]
// (EXPERIMENTS.md step 21; written by someone who had not read the normaliser or ObfuscationRewriter.)
//
// No dataset rows are written anywhere; only aggregate numbers and the disguised
// forms of two hand-written sentences are printed.

#r "../../.tmp/cli-exp/Moderation.Classifier.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.Core.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.Data.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.DataView.dll"

open System
open System.IO
open System.Text
open System.Globalization
open Moderation.Classifier
open Moderation.Classifier.Data
open Moderation.Classifier.Evaluation

// ---------------------------------------------------------------------------
// Paths, relative to the repository root
// ---------------------------------------------------------------------------
let root = "."
let datasets = Path.Combine("..", "shared", "datasets")
let modelPath =
    match Array.tryFindIndex ((=) "--model") fsi.CommandLineArgs with
    | Some i -> fsi.CommandLineArgs.[i + 1]
    | None -> Path.Combine(root, "models", "moderation-model.zip")

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// FNV-1a 32-bit over the UTF-16 code units: stable across processes and platforms
/// (unlike String.GetHashCode, which is randomised per process).
let stableSeed (id: string) (salt: int) =
    let mutable h = 2166136261u
    for c in id + ":" + string salt do
        h <- (h ^^^ uint32 c) * 16777619u
    int (h &&& 0x7fffffffu)

let isAsciiLetter (c: char) = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
let isVowel (c: char) = "aeiouAEIOU".IndexOf c >= 0
let pick (rng: Random) (xs: 'a[]) = xs.[rng.Next xs.Length]

/// Tokens that real disguisers leave alone (mentions, links) and the datasets'
/// anonymisation placeholders, which are not user-written text.
let isProtected (tok: string) =
    tok.StartsWith "@" || tok.Contains "http" || tok.Contains "www." ||
    (let core = tok.Trim([| '.'; ','; ':'; ';'; '!'; '?'; '"'; '\''; '('; ')' |])
     core = "USER" || core = "URL" || core = "nama1" || core = "<#>")

/// A "word" is a whitespace-delimited token with at least 2 letters.
let isWord (tok: string) =
    not (isProtected tok) && (tok |> Seq.filter Char.IsLetter |> Seq.length) >= 2

/// Splits text into alternating word / whitespace tokens (whitespace kept), rewrites
/// each word with probability `p` using `f`, and optionally rewrites whitespace runs.
let mapWordsWith (p: float) (rng: Random) (f: Random -> string -> string)
                 (space: Random -> string -> string) (text: string) =
    let parts = Text.RegularExpressions.Regex.Split(text, @"(\s+)")
    let sb = StringBuilder()
    for part in parts do
        if part.Length = 0 then ()
        elif Char.IsWhiteSpace part.[0] then sb.Append(space rng part) |> ignore
        elif isWord part && rng.NextDouble() < p then sb.Append(f rng part) |> ignore
        else sb.Append part |> ignore
    sb.ToString()

/// Most words (80 %) rewritten, whitespace untouched.
let mapWords rng f text = mapWordsWith 0.8 rng f (fun _ s -> s) text

/// Rewrites the ASCII letters of a word one by one with probability `p` (at least one
/// letter is always rewritten when the word has a mappable letter).
let mapLetters (p: float) (rng: Random) (f: Random -> char -> string option) (word: string) =
    let mapped = word |> Seq.map (fun c -> c, f rng c) |> Seq.toArray
    let candidates = mapped |> Array.mapi (fun i (_, m) -> i, m.IsSome) |> Array.filter snd |> Array.map fst
    if candidates.Length = 0 then word else
    let forced = pick rng candidates
    let sb = StringBuilder()
    mapped |> Array.iteri (fun i (c, m) ->
        match m with
        | Some s when i = forced || rng.NextDouble() < p -> sb.Append s |> ignore
        | _ -> sb.Append c |> ignore)
    sb.ToString()

let table (pairs: (char * string list) list) =
    dict [ for (c, xs) in pairs -> c, List.toArray xs ]

// ---------------------------------------------------------------------------
// Disguise kinds: each is  text -> seed -> text,  deterministic for a seed.
// ---------------------------------------------------------------------------

// 1. Rare-script homoglyphs: look-alikes from Greek, Armenian, Cherokee, Latin IPA /
//    Latin Extended, Cyrillic Supplement and letterlike symbols, plus the "rn" for
//    "m" trick. Deliberately avoids basic Cyrillic (а е о р с х), which a normaliser
//    is most likely to know. Produces mixed-script words: "ѕlօt ɡαϲor".
let homoglyphTable =
    table [
        'a', ["ɑ"; "α"];          'c', ["ϲ"; "ᴄ"];        'd', ["ԁ"; "ɗ"]
        'e', ["℮"; "ҽ"];          'g', ["ɡ"; "ց"];        'h', ["հ"; "һ"]
        'i', ["ı"; "ι"; "ӏ"];     'j', ["ϳ"];             'k', ["κ"; "ĸ"]
        'l', ["ǀ"; "Ꮮ"];          'm', ["rn"];            'n', ["ո"; "ռ"]
        'o', ["օ"; "ο"; "૦"];     'p', ["ρ"];             'q', ["ԛ"; "գ"]
        'r', ["ɾ"; "ꭇ"];          's', ["ѕ"; "ꜱ"];        't', ["τ"]
        'u', ["ս"; "υ"];          'v', ["ν"; "ᴠ"];        'w', ["ԝ"; "ω"]
        'x', ["×"];               'y', ["γ"; "ʏ"];        'z', ["ᴢ"]
        'A', ["Α"; "Ꭺ"];          'B', ["Β"; "Ᏼ"];        'C', ["Ϲ"; "Ꮯ"]
        'D', ["Ꭰ"];               'E', ["Ε"; "Ꭼ"];        'G', ["Ꮐ"]
        'H', ["Η"; "Ꮋ"];          'I', ["Ι"; "Ꮖ"];        'J', ["Ꭻ"]
        'K', ["Κ"; "Ꮶ"];          'L', ["Ꮮ"];             'M', ["Μ"; "Ꮇ"]
        'N', ["Ν"];               'O', ["Ο"; "Օ"];        'P', ["Ρ"; "Ꮲ"]
        'S', ["Ꮪ"; "Ѕ"];          'T', ["Τ"; "Ꭲ"];        'V', ["Ꮩ"]
        'W', ["Ꮃ"];               'X', ["Χ"];             'Y', ["Υ"]
        'Z', ["Ζ"; "Ꮓ"] ]

let homoglyphs (text: string) (seed: int) =
    let rng = Random seed
    let sub (rng: Random) c =
        match homoglyphTable.TryGetValue c with
        | true, xs -> Some (pick rng xs)
        | _ -> None
    mapWords rng (fun rng w -> mapLetters 0.45 rng sub w) text

// 2. Slang squeeze: Indonesian SMS/chat-style vowel dropping ("gacor" -> "gcr",
//    "bodoh" -> "bdh", "sekarang" -> "skrg", "anjing" -> "anjg"), sometimes with the
//    last letter stretched ("bdhhh"). Pure ASCII, so no Unicode folding helps.
let squeeze (text: string) (seed: int) =
    let rng = Random seed
    let f (rng: Random) (word: string) =
        let letters = word |> Seq.filter isAsciiLetter |> Seq.length
        if letters < 3 then word else
        let sb = StringBuilder()
        let mutable seenLetter = false
        for c in word do
            if isAsciiLetter c && seenLetter && isVowel c then ()  // drop non-initial vowels
            else sb.Append c |> ignore
            if isAsciiLetter c then seenLetter <- true
        let mutable s = sb.ToString()
        // "-ng" at the end often shrinks to "-g": skrng -> skrg, anjng -> anjg, yng -> yg
        if s.EndsWith "ng" && s.Length > 3 && rng.NextDouble() < 0.6 then
            s <- s.Substring(0, s.Length - 2) + "g"
        // occasional stretching of the last letter
        if rng.NextDouble() < 0.15 && s.Length > 0 && isAsciiLetter s.[s.Length - 1] then
            s <- s + String(s.[s.Length - 1], 1 + rng.Next 3)
        if (s |> Seq.filter Char.IsLetter |> Seq.length) < 2 then word else s
    mapWords rng f text

// 3. In-word separators: 1-3 punctuation marks or emoji pushed between letters
//    ("ga.cor", "sl🎰ot", "bo*d*oh"), as commenters do to dodge word filters.
let separatorSet =
    [| "."; "-"; "_"; "*"; "~"; "'"; "|"; "•"; "^"; "🔥"; "💰"; "🎰"; "❤️"; "😂"; "👉" |]

let separators (text: string) (seed: int) =
    let rng = Random seed
    let f (rng: Random) (word: string) =
        let letterIdx =
            word |> Seq.indexed |> Seq.filter (fun (_, c) -> Char.IsLetter c) |> Seq.map fst |> Seq.toArray
        // candidate cut points: just after a letter that is followed by a letter
        let cuts =
            letterIdx |> Array.filter (fun i -> i + 1 < word.Length && Char.IsLetter word.[i + 1])
        if cuts.Length = 0 then word else
        let n = min cuts.Length (1 + rng.Next 3)
        let chosen = cuts |> Array.sortBy (fun _ -> rng.Next()) |> Array.take n |> Set.ofArray
        let sep = pick rng separatorSet   // one separator style per word
        let sb = StringBuilder()
        word |> Seq.iteri (fun i c ->
            sb.Append c |> ignore
            if chosen.Contains i then sb.Append sep |> ignore)
        sb.ToString()
    mapWords rng f text

// 4. Invisible characters and odd spaces: zero-width / format characters inside words
//    (ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen, combining grapheme joiner, Mongolian
//    vowel separator) and the blanks between words replaced by look-alike spaces
//    (braille blank U+2800, Hangul filler U+3164, ideographic space, NBSP, thin/narrow
//    spaces). Visually the comment barely changes.
let invisibleSet = [| "\u200B"; "\u200C"; "\u200D"; "\u2060"; "\u00AD"; "\u034F"; "\u180E" |]
let oddSpaces = [| "\u2800"; "\u3164"; "\u3000"; "\u00A0"; "\u2005"; "\u202F"; "\u2009" |]

let invisibles (text: string) (seed: int) =
    let rng = Random seed
    let f (rng: Random) (word: string) =
        let sb = StringBuilder()
        let inner = word.Length - 1
        let k = 1 + rng.Next 3
        let positions = Set.ofList [ for _ in 1 .. k -> 1 + rng.Next(max 1 inner) ]
        word |> Seq.iteri (fun i c ->
            if positions.Contains i then sb.Append(pick rng invisibleSet) |> ignore
            sb.Append c |> ignore)
        sb.ToString()
    let space (rng: Random) (ws: string) =
        if ws = " " && rng.NextDouble() < 0.7 then pick rng oddSpaces else ws
    mapWordsWith 0.8 rng f space text

// 5. Fancy letters that Unicode NFKC does NOT fold back to ASCII: small capitals
//    (ꜱʟᴏᴛ ɢᴀᴄᴏʀ), negative circled (🅢🅛🅞🅣), negative squared (🆂🅻🅾🆃). One style per
//    comment. (Mathematical bold/italic and fullwidth letters fold under NFKC and
//    are already frequent in the judol data, so they are left out here on purpose.)
let smallCaps = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡxʏᴢ"
let fancyLetter (style: int) (c: char) : string option =
    if not (isAsciiLetter c) then
        if style > 0 && c >= '1' && c <= '9' then
            Some (string (char (0x2776 + int c - int '1')))      // ❶..❾ dingbat digits
        else None
    else
        let i = int (Char.ToLowerInvariant c) - int 'a'
        match style with
        | 0 -> Some (string smallCaps.[i])
        | 1 -> Some (Char.ConvertFromUtf32(0x1F150 + i))         // 🅐 negative circled
        | _ -> Some (Char.ConvertFromUtf32(0x1F170 + i))         // 🅰 negative squared

let fancy (text: string) (seed: int) =
    let rng = Random seed
    let style = rng.Next 3
    mapWords rng (fun rng w -> mapLetters 1.0 rng (fun _ c -> fancyLetter style c) w) text

// 6. Upside-down text: the whole comment reversed and every character flipped
//    ("slot gacor" -> "ɹoɔɐƃ ʇols"), as produced by "upside down text" generators.
let flipTable =
    dict [
        for (a, b) in
            [ 'a', "ɐ"; 'b', "q"; 'c', "ɔ"; 'd', "p"; 'e', "ǝ"; 'f', "ɟ"; 'g', "ƃ"; 'h', "ɥ"
              'i', "ᴉ"; 'j', "ɾ"; 'k', "ʞ"; 'l', "l"; 'm', "ɯ"; 'n', "u"; 'o', "o"; 'p', "d"
              'q', "b"; 'r', "ɹ"; 's', "s"; 't', "ʇ"; 'u', "n"; 'v', "ʌ"; 'w', "ʍ"; 'x', "x"
              'y', "ʎ"; 'z', "z"
              'A', "∀"; 'B', "ᗺ"; 'C', "Ɔ"; 'D', "ᗡ"; 'E', "Ǝ"; 'F', "Ⅎ"; 'G', "⅁"; 'H', "H"
              'I', "I"; 'J', "ſ"; 'K', "ʞ"; 'L', "˥"; 'M', "W"; 'N', "N"; 'O', "O"; 'P', "Ԁ"
              'Q', "Ό"; 'R', "ᴚ"; 'S', "S"; 'T', "⊥"; 'U', "∩"; 'V', "Λ"; 'W', "M"; 'X', "X"
              'Y', "⅄"; 'Z', "Z"
              '1', "Ɩ"; '2', "ᄅ"; '3', "Ɛ"; '4', "ㄣ"; '5', "ϛ"; '6', "9"; '7', "ㄥ"; '9', "6"
              '.', "˙"; ',', "'"; '\'', ","; '!', "¡"; '?', "¿"; '(', ")"; ')', "("
              '[', "]"; ']', "["; '<', ">"; '>', "<"; '&', "⅋"; '_', "‾" ] -> a, b ]

let upsideDown (text: string) (_seed: int) =
    // reverse by text elements so emoji / surrogate pairs stay intact
    let e = StringInfo.GetTextElementEnumerator text
    let elems = ResizeArray<string>()
    while e.MoveNext() do elems.Add(e.GetTextElement())
    elems.Reverse()
    let sb = StringBuilder()
    for el in elems do
        if el.Length = 1 then
            match flipTable.TryGetValue el.[0] with
            | true, s -> sb.Append s |> ignore
            | _ -> sb.Append el |> ignore
        else sb.Append el |> ignore
    sb.ToString()

// 7. Extended leetspeak: beyond 4/3/1/0/5/7 also symbol substitutes (@ $ € ! | ( +
//    ß ∆ ø § µ |< #) chosen at random per letter: "$l0+ 9@c()r", "b0d0#".
let leetTable =
    table [
        'a', ["4"; "@"; "∆"];   'b', ["8"; "ß"];        'c', ["("; "¢"]
        'e', ["3"; "€"];        'g', ["9"; "6"];        'h', ["#"]
        'i', ["1"; "!"; "|"];   'k', ["|<"];            'l', ["1"; "|"]
        'o', ["0"; "()"; "ø"];  's', ["5"; "$"; "§"];   't', ["7"; "+"]
        'u', ["µ"];             'z', ["2"] ]

let leet (text: string) (seed: int) =
    let rng = Random seed
    let sub (rng: Random) (c: char) =
        match leetTable.TryGetValue(Char.ToLowerInvariant c) with
        | true, xs -> Some (pick rng xs)
        | _ -> None
    mapWords rng (fun rng w -> mapLetters 0.6 rng sub w) text

// 8. Diacritics and combining marks, style chosen per word: strikethrough (s̶l̶o̶t̶),
//    underline (g̲a̲c̲o̲r̲), random accented letters incl. ones without a canonical
//    decomposition (ø ł đ ħ), or "zalgo-lite" (1-2 random combining marks per letter).
let accentTable =
    table [
        'a', ["à"; "á"; "â"; "ä"; "å"; "ą"];  'c', ["ç"; "č"];  'd', ["ď"; "đ"]
        'e', ["è"; "é"; "ê"; "ë"; "ę"];       'g', ["ğ"; "ġ"];  'h', ["ħ"; "ĥ"]
        'i', ["ì"; "í"; "î"; "ï"];            'k', ["ķ"];       'l', ["ł"; "ľ"; "ĺ"]
        'n', ["ñ"; "ń"; "ň"];                 'o', ["ò"; "ó"; "ô"; "ö"; "ø"; "õ"]
        'r', ["ŕ"; "ř"];                      's', ["ś"; "š"; "ş"]; 't', ["ť"; "ţ"; "ŧ"]
        'u', ["ù"; "ú"; "û"; "ü"; "ů"];       'y', ["ý"; "ÿ"];  'z', ["ź"; "ž"; "ż"] ]

let diacritics (text: string) (seed: int) =
    let rng = Random seed
    let f (rng: Random) (word: string) =
        match rng.Next 4 with
        | 0 -> mapLetters 1.0 rng (fun _ c -> if Char.IsLetter c then Some (string c + "\u0336") else None) word
        | 1 -> mapLetters 1.0 rng (fun _ c -> if Char.IsLetter c then Some (string c + "\u0332") else None) word
        | 2 ->
            mapLetters 0.5 rng (fun rng c ->
                match accentTable.TryGetValue(Char.ToLowerInvariant c) with
                | true, xs -> let s = pick rng xs in Some (if Char.IsUpper c then s.ToUpperInvariant() else s)
                | _ -> None) word
        | _ ->
            mapLetters 0.7 rng (fun rng c ->
                if Char.IsLetter c then
                    let marks = String.Join("", [| for _ in 1 .. 1 + rng.Next 2 -> string (char (0x0300 + rng.Next 0x70)) |])
                    Some (string c + marks)
                else None) word
    mapWords rng f text

// The kinds, by name. "mixed" applies 1-2 distinct random kinds per comment
// (upside-down always last, since it reverses the whole string).
let kinds : (string * (string -> int -> string)) list =
    [ "homoglyph", homoglyphs
      "squeeze", squeeze
      "separator", separators
      "invisible", invisibles
      "fancy", fancy
      "upside", upsideDown
      "leet+", leet
      "diacritic", diacritics ]

let mixed (text: string) (seed: int) =
    let rng = Random seed
    let n = 1 + rng.Next 2
    let chosen =
        kinds |> List.sortBy (fun _ -> rng.Next()) |> List.take n
        |> List.sortBy (fun (name, _) -> if name = "upside" then 1 else 0)
    chosen |> List.indexed |> List.fold (fun t (i, (_, f)) -> f t (seed + 7919 * (i + 1))) text

let allKinds = kinds @ [ ("mixed", mixed) ]

// ---------------------------------------------------------------------------
// Examples on hand-written sentences
// ---------------------------------------------------------------------------
let exampleSentences =
    [ "daftar sekarang di situs slot gacor maxwin bonus 100 persen", 11
      "dasar kamu bodoh dan tolol, otak udang", 12 ]

printfn "=== Examples (hand-written sentences) ==="
for (name, f) in allKinds do
    printfn "-- %s" name
    for (s, seed) in exampleSentences do
        printfn "   %s" (f s seed)
printfn ""

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------
let model = ModerationModel.Load modelPath
let files = Directory.GetFiles(datasets, "*.tsv") |> Array.sort
let rows = ModelEvaluator.InSplit(DatasetReader.Read files, DatasetSplit.Validation) |> Seq.toArray

let thrSpam = model.Manifest.DecisionThreshold ModerationLabel.Spam
let thrAbuse = model.Manifest.DecisionThreshold ModerationLabel.Abuse
let thrHate = model.Manifest.DecisionThreshold ModerationLabel.Hate

printfn "Model version: %s" model.Version
printfn "Validation rows: %d   thresholds: spam %.3f  abuse %.3f  hate %.3f" rows.Length thrSpam thrAbuse thrHate
printfn ""

let pairs =
    [ "judol_yt_id", ModerationLabel.Spam
      "youtube_spam_uci", ModerationLabel.Spam
      "sms_spam_id", ModerationLabel.Spam
      "sms_spam_uci", ModerationLabel.Spam
      "ibrohim2019", ModerationLabel.Abuse
      "davidson2017", ModerationLabel.Abuse
      "ibrohim2019", ModerationLabel.Hate
      "davidson2017", ModerationLabel.Hate ]

let known (r: LabelledComment) label =
    match label with
    | ModerationLabel.Spam -> r.Spam
    | ModerationLabel.Abuse -> r.Abuse
    | _ -> r.Hate

/// Ordinary = every known label is false (and at least one label is known).
let isOrdinary (r: LabelledComment) =
    let ls = [ r.Spam; r.Abuse; r.Hate ] |> List.filter (fun l -> l.HasValue)
    not ls.IsEmpty && ls |> List.forall (fun l -> not l.Value)

/// Scores every row after rewriting its text; returns (spam, abuse, hate) per row.
let scoreAll (rewrite: LabelledComment -> string) =
    rows |> Array.map (fun r ->
        let s = model.Classify(rewrite r).Scores
        s.Spam, s.Abuse, s.Hate)

let f1For (scores: (float32 * float32 * float32)[]) (source: string) (label: ModerationLabel) =
    let thr = model.Manifest.DecisionThreshold label
    let mutable tp, fp, fn = 0, 0, 0
    for i in 0 .. rows.Length - 1 do
        let r = rows.[i]
        let y = known r label
        if r.Source = source && y.HasValue then
            let (s, a, h) = scores.[i]
            let score = match label with ModerationLabel.Spam -> s | ModerationLabel.Abuse -> a | _ -> h
            let pred = score >= thr
            match y.Value, pred with
            | true, true -> tp <- tp + 1
            | false, true -> fp <- fp + 1
            | true, false -> fn <- fn + 1
            | _ -> ()
    if 2 * tp + fp + fn = 0 then nan else float (2 * tp) / float (2 * tp + fp + fn)

let ordinarySpamRate (scores: (float32 * float32 * float32)[]) =
    let idx = [| for i in 0 .. rows.Length - 1 do if isOrdinary rows.[i] then yield i |]
    let flagged = idx |> Array.filter (fun i -> let (s, _, _) = scores.[i] in s >= thrSpam)
    float flagged.Length / float idx.Length, idx.Length

let seedOf (r: LabelledComment) = stableSeed r.Id 7

// (name, scores per row, share of validation texts the kind actually changed)
let sw = Diagnostics.Stopwatch.StartNew()
let results =
    ("clean", scoreAll (fun r -> r.Text), 0.0) ::
    [ for (name, f) in allKinds ->
        let changed = rows |> Array.filter (fun r -> f r.Text (seedOf r) <> r.Text) |> Array.length
        eprintfn "scoring %-10s t=%.0fs" name sw.Elapsed.TotalSeconds
        name, scoreAll (fun r -> f r.Text (seedOf r)), float changed / float rows.Length ]

// ---- F1 table ------------------------------------------------------------
let colW = 10
printfn "=== F1 at the model's decision threshold (clean vs each disguise kind) ==="
printf "%-24s %6s %6s" "source/label" "n" "pos"
for (name, _, _) in results do printf " %*s" colW name
printfn ""
for (source, label) in pairs do
    let lab = label.ToString().ToLowerInvariant()
    let labelled = rows |> Array.filter (fun r -> r.Source = source && (known r label).HasValue)
    let pos = labelled |> Array.filter (fun r -> (known r label).Value) |> Array.length
    printf "%-24s %6d %6d" (source + "/" + lab) labelled.Length pos
    for (_, scores, _) in results do printf " %*.3f" colW (f1For scores source label)
    printfn ""
printfn ""

// ---- Ordinary rows flagged as spam ---------------------------------------
let (_, cleanScores, _) = results.Head
let (_, nOrd) = ordinarySpamRate cleanScores
printfn "=== Ordinary rows (every known label false, n=%d): share flagged as spam ===" nOrd
printf "%-24s %6s %6s" "" "" ""
for (name, _, _) in results do printf " %*s" colW name
printfn ""
printf "%-24s %6s %6s" "spam-flag rate" "" ""
for (_, scores, _) in results do printf " %*s" colW (sprintf "%.2f%%" (100.0 * fst (ordinarySpamRate scores)))
printfn ""
printfn ""
printf "%-38s" "share of validation texts changed"
for (_, _, changed) in results do printf " %*s" colW (sprintf "%.1f%%" (100.0 * changed))
printfn ""
