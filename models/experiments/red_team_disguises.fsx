// Red-team disguises written blind (without reading the normaliser or the existing disguise code).
// Each kind: deterministic (text, seed) -> text, applied to most words of every validation row.
// Prints only aggregate numbers and hand-written example sentences.
// Run from the repository root, after `dotnet build -c Release src/Moderation.Cli -o .tmp/cli-exp`:
//   dotnet fsi --quiet models/experiments/red_team_disguises.fsx [kind ...] [--model PATH]
// (EXPERIMENTS.md step 24; written by a helper who had read the model card but no code.)
#r "../../.tmp/cli-exp/Moderation.Classifier.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.Core.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.Data.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.DataView.dll"
open System
open System.Text
open System.Text.RegularExpressions
open Moderation.Classifier
open Moderation.Classifier.Data
open Moderation.Classifier.Evaluation

// ---------- stable seed ----------
let fnv1a (s: string) =
    let mutable h = 2166136261u
    for b in Encoding.UTF8.GetBytes s do
        h <- (h ^^^ uint32 b) * 16777619u
    int (h &&& 0x7fffffffu)

// share of words disguised
let wordP = 0.85
let wordRx = Regex(@"\p{L}[\p{L}\p{M}']*", RegexOptions.Compiled)
let isUpper (w: string) = w |> Seq.forall (fun c -> not (Char.IsLetter c) || Char.IsUpper c)

/// apply f to most letter-words (length >= minLen) of the text
let perWord minLen (f: Random -> string -> string) (text: string) (seed: int) =
    let rng = Random(seed)
    wordRx.Replace(text, MatchEvaluator(fun m ->
        let w = m.Value
        if w.Length >= minLen && rng.NextDouble() < wordP then f rng w else w))

let pick (rng: Random) (xs: 'a[]) = xs.[rng.Next xs.Length]

// ---------- 1. bidi: word stored reversed inside RIGHT-TO-LEFT OVERRIDE ... POP DIRECTIONAL FORMATTING.
// A phone renders it in the normal order; the stored text reads "rocag tols".
let bidi text seed =
    perWord 2 (fun _ w ->
        let rev = String(w.ToCharArray() |> Array.rev)
        "\u202E" + rev + "\u202C") text seed

// ---------- 2. canadian: "fancy text" style built from Unified Canadian Aboriginal Syllabics (ᔕᒪOT GᗩᑕOᖇ)
let canadianMap =
    dict [ 'a',"ᗩ"; 'b',"ᗷ"; 'c',"ᑕ"; 'd',"ᗪ"; 'e',"ᗴ"; 'f',"ᖴ"; 'g',"ᘜ"; 'h',"ᕼ"; 'j',"ᒍ"
           'l',"ᒪ"; 'm',"ᗰ"; 'n',"ᑎ"; 'p',"ᑭ"; 'q',"ᑫ"; 'r',"ᖇ"; 's',"ᔕ"; 't',"ᖶ"; 'u',"ᑌ"
           'v',"ᐯ"; 'w',"ᗯ"; 'x',"᙭"; 'z',"ᘔ" ]
let canadian text seed =
    perWord 2 (fun _ w ->
        w |> Seq.map (fun c ->
            let l = Char.ToLowerInvariant c
            match canadianMap.TryGetValue l with
            | true, s -> s
            | _ -> string (Char.ToUpperInvariant c)) |> String.concat "") text seed

// ---------- 3. stroke: precomposed barred / stroked letters (no canonical decomposition): ꞩłøŧ ǥⱥȼøɍ
let strokeMap =
    dict [ 'a',"ⱥ"; 'b',"ƀ"; 'c',"ȼ"; 'd',"đ"; 'e',"ɇ"; 'g',"ǥ"; 'h',"ħ"; 'i',"ɨ"; 'j',"ɉ"; 'k',"ꝁ"
           'l',"ł"; 'n',"ꞥ"; 'o',"ø"; 'p',"ᵽ"; 'r',"ɍ"; 's',"ꞩ"; 't',"ŧ"; 'u',"ʉ"; 'y',"ɏ"; 'z',"ƶ" ]
let stroke text seed =
    perWord 2 (fun rng w ->
        w |> Seq.map (fun c ->
            let l = Char.ToLowerInvariant c
            match strokeMap.TryGetValue l with
            | true, s when rng.NextDouble() < 0.75 -> s
            | _ -> string c) |> String.concat "") text seed

// ---------- 4. emojiletter: emoji / symbols that look like letters: ⭕ ℹ️ 💲 ❌ ✝️ © ® 〽️ 🅰️ 🅱️
let emojiMap =
    dict [ 'o', [| "⭕"; "⭕️"; "○"; "◯"; "🔘" |]
           'i', [| "ℹ️"; "❗"; "❕" |]
           's', [| "💲" |]
           'x', [| "❌"; "✖️" |]
           't', [| "✝️"; "✝" |]
           'c', [| "©" |]
           'r', [| "®" |]
           'm', [| "〽️" |]
           'a', [| "🅰️" |]
           'b', [| "🅱️" |]
           'e', [| "€" |]
           'v', [| "✔️" |] ]
let emojiletter text seed =
    perWord 2 (fun rng w ->
        let out = StringBuilder()
        let mutable changed = false
        let cands = w |> Seq.mapi (fun i c -> i, c) |> Seq.filter (fun (_, c) -> emojiMap.ContainsKey(Char.ToLowerInvariant c)) |> Seq.map fst |> Set.ofSeq
        // make sure at least one letter is replaced when possible
        let forced = if cands.IsEmpty then -1 else (Seq.item (rng.Next cands.Count) cands)
        w |> Seq.iteri (fun i c ->
            let l = Char.ToLowerInvariant c
            match emojiMap.TryGetValue l with
            | true, xs when i = forced || rng.NextDouble() < 0.6 -> out.Append(pick rng xs) |> ignore; changed <- true
            | _ -> out.Append c |> ignore)
        out.ToString()) text seed

// ---------- 5. regional: regional-indicator letters 🇸​🇱​🇴​🇹 with a zero-width space between them (so pairs do not form flags)
let regional text seed =
    perWord 2 (fun _ w ->
        w |> Seq.map (fun c ->
            let l = Char.ToLowerInvariant c
            if l >= 'a' && l <= 'z' then Char.ConvertFromUtf32(0x1F1E6 + int l - int 'a') else string c)
        |> String.concat "\u200B") text seed

// ---------- 6. alay: phonetic respelling (Indonesian alay + English txt-speak): c→k, s→z, -ng→-nk, f↔ph, -au→-o, -ai→-e, k→q, th→d, -er→-a, oo→u, ks→x, u→oe (old spelling)
let alayRules : (Regex * string)[] =
    [| Regex("ks"), "x"
       Regex("c(?!h)"), "k"
       Regex("(?<=.)s"), "z"
       Regex("ng$"), "nk"
       Regex("ph"), "f"
       Regex("f"), "ph"
       Regex("au$"), "o"
       Regex("ai$"), "e"
       Regex("(?<=.)k$"), "q"
       Regex("^th"), "d"
       Regex("(?<=..)er$"), "a"
       Regex("oo"), "u"
       Regex("(?<=[^aeiou])u(?=[^aeiou])"), "oe"
       Regex("^you$"), "u"
       Regex("^are$"), "r" |]
let alay text seed =
    perWord 2 (fun rng w ->
        let up = isUpper w && w.Length > 1
        let mutable s = w.ToLowerInvariant()
        for (rx, rep) in alayRules do
            if rx.IsMatch s && rng.NextDouble() < 0.7 then s <- rx.Replace(s, rep, 1)
        if up then s.ToUpperInvariant() else s) text seed

// ---------- 7. swap: typoglycemia, two adjacent inner letters swapped (gacor → gcaor), first and last letters kept
let swap text seed =
    perWord 4 (fun rng w ->
        let a = w.ToCharArray()
        let i = 1 + rng.Next(a.Length - 3)   // swap i, i+1, both inside
        if a.[i] = a.[i + 1] && i + 2 < a.Length - 1 then
            let t = a.[i + 1] in a.[i + 1] <- a.[i + 2]; a.[i + 2] <- t
        else
            let t = a.[i] in a.[i] <- a.[i + 1]; a.[i + 1] <- t
        String(a)) text seed

// ---------- 8. letterspaced: S L O T   G A C O R (letters of a word split by single spaces, words by three spaces)
let letterspaced (text: string) seed =
    let rng = Random(seed)
    let words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
    words
    |> Array.map (fun w ->
        if w.Length >= 2 && w |> Seq.exists Char.IsLetter && not (w.Contains "http") && rng.NextDouble() < wordP
        then String.Join(" ", w.ToCharArray() |> Array.map string)
        else w)
    |> String.concat "   "

// ---------- 9. joined: words joined by one decorative separator instead of spaces (SLOT•GACOR•HARI•INI)
let joinSeps = [| "•"; "_"; "·"; "✨"; "➖"; "~"; "🔥" |]
let joined (text: string) seed =
    let rng = Random(seed)
    let sep = pick rng joinSeps
    let words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
    let sb = StringBuilder()
    words |> Array.iteri (fun i w ->
        if i > 0 then sb.Append(if rng.NextDouble() < wordP then sep else " ") |> ignore
        sb.Append w |> ignore)
    sb.ToString()

// ---------- 10. contact: links, e-mails and numbers disguised (targeted: changes only rows that have them)
//  slot88.com → slot88 (dot) com / slot88[.]com / slot88 titik com; https:// dropped; @ → [at];
//  digit runs of 4+ → dingbat digits ➀➇, negative circled ❶, letters (O8l2 З4S6), spelled out (nol delapan ...), or spaced
let urlRx = Regex(@"(https?://)?((?:[\w-]+\.)+(?:com|net|org|id|co|ly|me|io|info|xyz|biz|site|vip|link|online|uk|tk|gl|be|us)\b)(/\S*)?", RegexOptions.Compiled ||| RegexOptions.IgnoreCase)
let emailRx = Regex(@"([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)", RegexOptions.Compiled)
let numRx = Regex(@"\+?\d[\d \-.]{2,}\d", RegexOptions.Compiled)
let idDigits = [| "nol"; "satu"; "dua"; "tiga"; "empat"; "lima"; "enam"; "tujuh"; "delapan"; "sembilan" |]
let letterDigits = [| "O"; "l"; "Z"; "З"; "Ч"; "S"; "б"; "7"; "B"; "g" |]
let contact (text: string) seed =
    let rng = Random(seed)
    let dot = pick rng [| " (dot) "; "[.]"; " titik "; "(.)"; " . " |]
    let t1 = emailRx.Replace(text, MatchEvaluator(fun m -> m.Groups.[1].Value + " [at] " + m.Groups.[2].Value.Replace(".", dot)))
    let t2 = urlRx.Replace(t1, MatchEvaluator(fun m -> m.Groups.[2].Value.Replace(".", dot) + m.Groups.[3].Value.Replace(".", dot)))
    let mode = rng.Next 5
    numRx.Replace(t2, MatchEvaluator(fun m ->
        let digits = m.Value |> Seq.filter Char.IsDigit |> Seq.map (fun c -> int c - int '0') |> Seq.toArray
        if digits.Length < 4 then m.Value else
        let plus = if m.Value.StartsWith "+" then "+" else ""
        match mode with
        | 0 -> plus + (digits |> Seq.map (fun d -> if d = 0 then "🄋" else string (char (0x2780 + d - 1))) |> String.concat "")
        | 1 -> plus + (digits |> Seq.map (fun d -> if d = 0 then "⓿" else string (char (0x2776 + d - 1))) |> String.concat "")
        | 2 -> plus + (digits |> Seq.map (fun d -> letterDigits.[d]) |> String.concat "")
        | 3 -> (digits |> Seq.map (fun d -> idDigits.[d]) |> String.concat " ")
        | _ -> plus + (digits |> Seq.map string |> String.concat " ")))

let mixedOf (f: string -> int -> string) (g: string -> int -> string) = fun text seed -> g (f text seed) (seed * 31 + 7)

let baseKinds : (string * string * (string -> int -> string)) list =
    [ "bidi", "each word stored reversed inside U+202E…U+202C (displays normally)", bidi
      "canadian", "fancy-text letters from Canadian Syllabics (ᔕᒪOT GᗩᑕOᖇ)", canadian
      "stroke", "barred/stroked precomposed letters (ꞩłøŧ ǥⱥȼøɍ)", stroke
      "emojiletter", "emoji/symbols shaped like letters (⭕ ℹ️ 💲 ❌ ✝️ © ® 〽️)", emojiletter
      "regional", "regional-indicator letters with ZWSP between (🇸​🇱​🇴​🇹)", regional
      "alay", "phonetic respelling c→k s→z ng→nk f↔ph au→o ai→e k→q th→d er→a u→oe", alay
      "swap", "two adjacent inner letters swapped (gacor→gcaor)", swap
      "letterspaced", "letters spaced, words by 3 spaces (S L O T   G A C O R)", letterspaced
      "joined", "spaces replaced by one decorative separator (slot•gacor)", joined
      "contact", "links/e-mails/phone numbers disguised (slot88 (dot) com, ➀➇...)", contact ]
let kinds =
    baseKinds @
    [ "mixed", "alay, then emojiletter on most words", mixedOf alay emojiletter
      "mixed3", "swap, then canadian, then contact", mixedOf (mixedOf swap canadian) contact ]

// ---------- examples (hand-written) ----------
let model = ModerationModel.Load (match Array.tryFindIndex ((=) "--model") fsi.CommandLineArgs with Some i -> fsi.CommandLineArgs.[i + 1] | None -> IO.Path.Combine("models", "moderation-model.zip"))
let thrS = model.Manifest.DecisionThreshold ModerationLabel.Spam
let thrA = model.Manifest.DecisionThreshold ModerationLabel.Abuse
let thrH = model.Manifest.DecisionThreshold ModerationLabel.Hate

let exGamble = "Situs slot gacor terpercaya hari ini pasti maxwin, deposit pulsa tanpa potongan, daftar di gacorjaya88.com atau chat WA 0812-3456-7890"
let exInsult = "Dasar goblok kamu, otak udang tidak berguna, mending diam saja bangsat"

let selected =
    let all = fsi.CommandLineArgs |> Array.skip 1
    let args = match Array.tryFindIndex ((=) "--model") all with Some i -> Array.append all.[.. i - 1] all.[i + 2 ..] | None -> all
    if args.Length = 0 then kinds else kinds |> List.filter (fun (k, _, _) -> Array.contains k args)

let fmtScores (t: string) =
    let s = model.Classify(t).Scores
    sprintf "spam %.3f abuse %.3f hate %.3f" s.Spam s.Abuse s.Hate
printfn "Decision thresholds: spam %.3f abuse %.3f hate %.3f" thrS thrA thrH
printfn "\n== Hand-written examples =="
printfn "[clean]\n  %s\n    (%s)\n  %s\n    (%s)" exGamble (fmtScores exGamble) exInsult (fmtScores exInsult)
for (k, desc, f) in selected do
    let g = f exGamble (fnv1a ("ex1|" + k))
    let i = f exInsult (fnv1a ("ex2|" + k))
    printfn "[%s] %s\n  %s\n    (%s)\n  %s\n    (%s)" k desc g (fmtScores g) i (fmtScores i)

// ---------- measurement ----------
let files = IO.Directory.GetFiles(IO.Path.Combine("..", "shared", "datasets"), "*.tsv") |> Array.sort
let rows = ModelEvaluator.InSplit(DatasetReader.Read files, DatasetSplit.Validation) |> Seq.toArray
let pairs =
    [ "judol_yt_id", ModerationLabel.Spam; "youtube_spam_uci", ModerationLabel.Spam
      "sms_spam_id", ModerationLabel.Spam; "sms_spam_uci", ModerationLabel.Spam
      "ibrohim2019", ModerationLabel.Abuse; "davidson2017", ModerationLabel.Abuse
      "ibrohim2019", ModerationLabel.Hate; "davidson2017", ModerationLabel.Hate ]

let labelOf (r: LabelledComment) l =
    match l with
    | ModerationLabel.Spam -> r.Spam
    | ModerationLabel.Abuse -> r.Abuse
    | _ -> r.Hate
let ordinary (r: LabelledComment) =
    let ls = [ r.Spam; r.Abuse; r.Hate ]
    (ls |> List.exists (fun x -> x.HasValue)) && (ls |> List.forall (fun x -> not x.HasValue || not x.Value))

let evaluate (f: string -> int -> string) kindName =
    let scored =
        rows |> Array.map (fun r ->
            let t = f r.Text (fnv1a (r.Id + "|" + kindName))
            r, model.Classify(t).Scores)
    let f1s =
        pairs |> List.map (fun (src, lab) ->
            let thr = model.Manifest.DecisionThreshold lab
            let mutable tp, fp, fn = 0, 0, 0
            for (r, s) in scored do
                let y = labelOf r lab
                if r.Source = src && y.HasValue then
                    let sc = match lab with ModerationLabel.Spam -> s.Spam | ModerationLabel.Abuse -> s.Abuse | _ -> s.Hate
                    let p = sc >= thr
                    if p && y.Value then tp <- tp + 1
                    elif p then fp <- fp + 1
                    elif y.Value then fn <- fn + 1
            (if tp = 0 then 0.0 else 2.0 * float tp / float (2 * tp + fp + fn)), (if tp + fn = 0 then 0.0 else float tp / float (tp + fn)))
    let ord = scored |> Array.filter (fun (r, _) -> ordinary r)
    let flagged = ord |> Array.filter (fun (_, s) -> s.Spam >= thrS) |> Array.length
    let changed = rows |> Array.filter (fun r -> f r.Text (fnv1a (r.Id + "|" + kindName)) <> r.Text) |> Array.length
    f1s |> List.map fst, 100.0 * float flagged / float ord.Length, 100.0 * float changed / float rows.Length, f1s |> List.map snd

printfn "\n== Validation rows: %d ==" rows.Length
let clean = evaluate (fun t _ -> t) "clean"
let results = ("clean", clean) :: (selected |> List.map (fun (k, _, f) -> k, evaluate f k))
let (cleanF1, cleanFlag, _, cleanRec) = clean
let hdr = pairs |> List.map (fun (s, l) -> sprintf "%s/%s" s ((string l).ToLowerInvariant()))
printfn "\nF1 at decision thresholds (Δ vs clean in points below each row)"
let shortNames = [ "judol/spam"; "ytuci/spam"; "smsid/spam"; "smsuci/spam"; "ibro/abuse"; "davi/abuse"; "ibro/hate"; "davi/hate" ]
printfn "%-13s %s | %8s %8s" "kind" (shortNames |> List.map (sprintf "%12s") |> String.concat " ") "ordSpam%" "changed%"
for (k, (f1s, flag, ch, _)) in results do
    printfn "%-13s %s | %7.2f%% %7.1f%%" k (f1s |> List.map (sprintf "%12.3f") |> String.concat " ") flag ch
    if k <> "clean" then
        printfn "%-13s %s | %+7.2f" "  Δ" (List.map2 (fun a b -> sprintf "%+12.1f" (100.0 * (a - b))) f1s cleanF1 |> String.concat " ") (flag - cleanFlag)
printfn "\nColumns: %s" (String.concat ", " hdr)
printfn "ordSpam%% = share of ordinary validation rows (every known label false) flagged as spam at %.3f; changed%% = rows whose text the kind altered" thrS

printfn "\nRecall of the positives at the same thresholds (evasion, separate from false alarms)"
printfn "%-13s %s" "kind" (shortNames |> List.map (sprintf "%12s") |> String.concat " ")
for (k, (_, _, _, recs)) in results do
    printfn "%-13s %s" k (recs |> List.map (sprintf "%12.3f") |> String.concat " ")
