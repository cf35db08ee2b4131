// What the default policy does to the hand-written fixtures when they are disguised (EXPERIMENTS.md step 20).
// From the repository root, after `dotnet build -c Release src/Moderation.Cli -o .tmp/cli-exp`:
//   dotnet fsi models/experiments/disguised_fixtures.fsx models/moderation-model.zip [other-model.zip ...]
// The rewrites use the eval seed (7) and a seed per fixture line; nothing is written.
#r "../../.tmp/cli-exp/Moderation.Classifier.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.Core.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.Data.dll"
#r "../../.tmp/cli-exp/Microsoft.ML.DataView.dll"
open System.IO
open Moderation.Classifier
open Moderation.Classifier.Evaluation
let read f = File.ReadAllLines("tests/Moderation.Classifier.Tests/Fixtures/" + f) |> Array.filter (fun l -> l.Trim() <> "" && not (l.StartsWith "#"))
for path in fsi.CommandLineArgs |> Array.skip 1 do
  let model = ModerationModel.Load(path)
  printfn "== %s %s" path model.Version
  for f in ["ordinary-comments.txt"; "gambling-promotions.txt"; "abusive-comments.txt"] do
    let rows = read f
    let line =
      [None; Some ObfuscationKind.Mixed; Some ObfuscationKind.Unseen; Some ObfuscationKind.SymbolLeet]
      |> List.map (fun kind ->
        let approved =
          rows |> Array.mapi (fun i t ->
            let text = match kind with None -> t | Some k -> ObfuscationRewriter.Rewrite(t, k, ObfuscationRewriter.SeedFor(sprintf "%s-%d" f i, 7))
            DefaultPolicy.StatusOf(model.Classify(text).Scores, model.Thresholds) = ModerationVerdict.Approved)
          |> Array.filter id |> Array.length
        sprintf "%s %d/%d" (match kind with None -> "clean" | Some k -> string k) approved rows.Length)
      |> String.concat ", "
    printfn "  %s approved: %s" f line
