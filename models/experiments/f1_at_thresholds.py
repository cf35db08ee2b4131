#!/usr/bin/env python3
"""F1 per source of one label at given thresholds, from a `moderation experiment --scores DIR` file (out-of-fold
scores, no text). MODEL_CARD.md uses it for what the raised spam threshold costs in cross-validation.

Usage: f1_at_thresholds.py SCORES.tsv LABEL THRESHOLD [THRESHOLD...]
       e.g. f1_at_thresholds.py "G2 committed recipe (reference).scores.tsv" spam 0.216 0.261
"""
import csv, sys


def main(path, label, *thresholds):
    with open(path, encoding='utf-8') as f:
        rows = [r for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE) if r[label] != '']
    for source in sorted({r['source'] for r in rows}):
        mine = [r for r in rows if r['source'] == source]
        actual = [r[label] == '1' for r in mine]
        figures = []
        for t in map(float, thresholds):
            predicted = [float(r[label + '_score']) >= t for r in mine]
            tp = sum(p and a for p, a in zip(predicted, actual))
            figures.append(f'{t:g}: {2 * tp / max(1, sum(predicted) + sum(actual)):.4f}')
        print(f'{source} {label} F1 at ' + ', '.join(figures))


if __name__ == '__main__':
    main(*sys.argv[1:])
