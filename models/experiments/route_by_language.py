#!/usr/bin/env python3
"""Offline estimate of heads per language with a router like the service's (EXPERIMENTS.md step 15): each row of the
Indonesian sources goes to the Indonesian-only run's scores unless it has more English than Indonesian function words
(`LanguageHints`' two word lists, read from its source file; words are the lower-cased text's letter/digit runs, an
approximation of the normaliser's), else to the pooled run's scores. Each side keeps its own decision thresholds.
Reads the datasets' text to route; prints only counts and F1.

With --ties-to-pooled, only rows with more Indonesian than English function words go to the Indonesian heads (rows
with neither, or as many of each, go to the pooled heads, which then serve every English and mixed comment).

Usage: route_by_language.py POOLED.scores.tsv spam,abuse,hate INDONESIAN.scores.tsv spam,abuse,hate [--data DIR]
       [--ties-to-pooled]
       (both from `moderation experiment --scores DIR`; thresholds from each run's "decision thresholds" line)
"""
import csv, os, re, sys

LABELS = ('spam', 'abuse', 'hate')


def load(path):
    with open(path, encoding='utf-8') as f:
        return {row['id']: row for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)}


def f1(pairs):
    tp = sum(1 for predicted, actual in pairs if predicted and actual)
    return 2 * tp / max(1, sum(predicted for predicted, _ in pairs) + sum(actual for _, actual in pairs))


def function_words():
    source = open(os.path.join(os.path.dirname(__file__), '../../src/Moderation.Classifier/Normalization/LanguageHints.cs'), encoding='utf-8').read()
    lists = re.findall(r'FrozenSet<string> (\w+) = FrozenSet.Create\(StringComparer.Ordinal,\s*\[(.*?)\]\);', source, re.S)
    return {name: set(re.findall(r'"([^"]+)"', body)) for name, body in lists}


def main(argv):
    data = argv[argv.index('--data') + 1] if '--data' in argv else '../shared/datasets'
    words = function_words()
    pooled, pooled_t = load(argv[0]), dict(zip(LABELS, map(float, argv[1].split(','))))
    indonesian, indonesian_t = load(argv[2]), dict(zip(LABELS, map(float, argv[3].split(','))))
    for source in sorted({row['source'] for row in indonesian.values()}):
        rows = [i for i, row in indonesian.items() if row['source'] == source]
        with open(os.path.join(data, source + '.tsv'), encoding='utf-8') as f:
            reader = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
            next(reader)
            tokens = {r[0]: re.findall(r"[a-z0-9']+", r[3].lower()) for r in reader}
        def to_pooled(i):
            english_count = sum(t in words['English'] for t in tokens[i])
            indonesian_count = sum(t in words['Indonesian'] for t in tokens[i])
            return english_count >= indonesian_count if '--ties-to-pooled' in argv else english_count > indonesian_count

        english = [i for i in rows if to_pooled(i)]
        print(f'{source}: {len(rows)} rows, {len(english)} ({len(english) / len(rows):.1%}) routed to the pooled heads')
        for label in LABELS:
            known = [i for i in rows if indonesian[i][label] != '']
            if not known:
                continue
            english_set = set(english)

            def predicted(i, run, thresholds):
                return float(run[i][label + '_score']) >= thresholds[label]

            actual = {i: indonesian[i][label] == '1' for i in known}
            routed = [(predicted(i, pooled, pooled_t) if i in english_set else predicted(i, indonesian, indonesian_t), actual[i]) for i in known]
            alone = [(predicted(i, indonesian, indonesian_t), actual[i]) for i in known]
            everything = [(predicted(i, pooled, pooled_t), actual[i]) for i in known]
            print(f'  {label}: routed {f1(routed):.3f}, Indonesian heads for every row {f1(alone):.3f}, pooled heads for every row {f1(everything):.3f}')


if __name__ == '__main__':
    main(sys.argv[1:])
