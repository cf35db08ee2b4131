#!/usr/bin/env python3
"""Which ordinary comments two experiment runs hold differently (EXPERIMENTS.md step 14).

Reads two `moderation experiment --scores DIR` files (out-of-fold scores, no text) and each run's Review thresholds
(the "dev review/reject" line of its output), takes the ordinary comments of the spam-only sources (spam 0, abuse and
hate unknown) and counts those held by one run and not the other, by source and by the label that holds them. With
--show N it prints N random ones of each side with their text, read from the shared datasets: for reading on the
terminal only, never to be copied into the repository.

Usage: held_diff.py A.scores.tsv spam,abuse,hate B.scores.tsv spam,abuse,hate [--show N --data ../shared/datasets]
       e.g. held_diff.py G2.scores.tsv 0.050,0.127,0.058 N5.scores.tsv 0.055,0.157,0.063
"""
import collections, csv, os, random, sys

LABELS = ('spam', 'abuse', 'hate')


def load(path):
    with open(path, encoding='utf-8') as f:
        return {row['id']: row for row in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)}


def held_by(row, thresholds):
    return [label for label, t in zip(LABELS, thresholds) if float(row[label + '_score']) >= t]


def main(argv):
    a, ta, b, tb = load(argv[0]), [float(x) for x in argv[1].split(',')], load(argv[2]), [float(x) for x in argv[3].split(',')]
    show = int(argv[argv.index('--show') + 1]) if '--show' in argv else 0
    data = argv[argv.index('--data') + 1] if '--data' in argv else '../shared/datasets'
    ordinary = [i for i, row in a.items() if row['spam'] == '0' and row['abuse'] == '' and i in b]
    held_a = {i for i in ordinary if held_by(a[i], ta)}
    held_b = {i for i in ordinary if held_by(b[i], tb)}
    print(f'ordinary comments {len(ordinary)}: held by A {len(held_a)} ({len(held_a) / len(ordinary):.1%}), '
          f'by B {len(held_b)} ({len(held_b) / len(ordinary):.1%}); only A {len(held_a - held_b)}, only B {len(held_b - held_a)}')
    for name, only, row_of, thresholds in (('only B', held_b - held_a, b, tb), ('only A', held_a - held_b, a, ta)):
        print(f'{name} by source:', dict(collections.Counter(row_of[i]['source'] for i in only).most_common()))
        print(f'{name} held by:', dict(collections.Counter('+'.join(held_by(row_of[i], thresholds)) for i in only).most_common()))
    if show:
        texts = {}
        for source in {a[i]['source'] for i in ordinary}:
            with open(os.path.join(data, source + '.tsv'), encoding='utf-8') as f:
                reader = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
                next(reader)
                texts.update((row[0], row[3]) for row in reader)
        rng = random.Random(1)
        for name, only in (('only B', sorted(held_b - held_a)), ('only A', sorted(held_a - held_b))):
            print('==', name, '(source, abuse score A/B, text)')
            for i in rng.sample(only, min(show, len(only))):
                print(f"  {a[i]['source'][:8]:8} {float(a[i]['abuse_score']):.2f}/{float(b[i]['abuse_score']):.2f} {texts[i][:110]}")


if __name__ == '__main__':
    main(sys.argv[1:])
