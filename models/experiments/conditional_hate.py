#!/usr/bin/env python3
"""Offline check of a hate head conditioned on abuse (EXPERIMENTS.md step 17): P(hate) = P(abuse) x P(hate | abuse),
the second factor trained only on abusive rows, where the weak negatives play no part.

Reads G2's out-of-fold scores (`moderation experiment --scores DIR` on step13-reliable-negatives.json's G2 options,
or step14-per-source-nb.json's reference) and the two abuse/hate sources; trains scikit-learn TF-IDF (word 1-2 +
char 2-5, sublinear) logistic regressions fold by fold with the runner's folds (the same FNV hash of the row id);
never reads the validation split. Prints ibrohim/davidson hate F1 at one threshold (best mean F1) and at each
source's own threshold. Needs python3-sklearn (run with /usr/bin/python3).
Usage: conditional_hate.py G2.scores.tsv [--data ../shared/datasets] [--c 4]
"""
import csv, sys
import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_curve

MASK = (1 << 64) - 1


def fnv(text, salt):
    """DatasetSplits.Hash: FNV-1a 64 over UTF-16 code units (the ids are ASCII) and a final mix."""
    x = 14695981039346656037 ^ salt
    for ch in text:
        x = ((x ^ ord(ch)) * 1099511628211) & MASK
    x ^= x >> 29
    x = (x * 0xBF58476D1CE4E5B9) & MASK
    return x ^ (x >> 32)


def is_validation(row_id):
    return fnv(row_id, 0) % 100 >= 80


def fold_of(row_id, folds=4):
    return fnv(row_id, 0x5F3759DF) % folds


def main(argv):
    data = argv[argv.index('--data') + 1] if '--data' in argv else '../shared/datasets'
    c = float(argv[argv.index('--c') + 1]) if '--c' in argv else 4.0
    with open(argv[0], encoding='utf-8') as f:
        g2 = {r['id']: r for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)}
    rows = []
    for source in ('ibrohim2019', 'davidson2017'):
        with open(f'{data}/{source}.tsv', encoding='utf-8') as f:
            reader = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
            next(reader)
            rows += [(r[0], source, r[3], int(r[5]), int(r[6])) for r in reader if not is_validation(r[0])]
    ids = [r[0] for r in rows]
    sources = np.array([r[1] for r in rows])
    texts = np.array([r[2] for r in rows])
    abuse = np.array([r[3] for r in rows])
    hate = np.array([r[4] for r in rows])
    folds = np.array([fold_of(i) for i in ids])
    g2_abuse = np.array([float(g2[i]['abuse_score']) for i in ids])
    g2_hate = np.array([float(g2[i]['hate_score']) for i in ids])
    conditional, unconditional = np.zeros(len(rows)), np.zeros(len(rows))
    for k in range(4):
        train, test = np.where(folds != k)[0], np.where(folds == k)[0]
        words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        chars = TfidfVectorizer(analyzer='char', ngram_range=(2, 5), sublinear_tf=True)
        x = hstack([words.fit_transform(texts[train]), chars.fit_transform(texts[train])]).tocsr()
        x_test = hstack([words.transform(texts[test]), chars.transform(texts[test])]).tocsr()
        abusive = abuse[train] == 1
        conditional[test] = LogisticRegression(C=c, max_iter=3000).fit(x[abusive], hate[train][abusive]).predict_proba(x_test)[:, 1]
        unconditional[test] = LogisticRegression(C=c, max_iter=3000).fit(x, hate[train]).predict_proba(x_test)[:, 1]

    names = ('ibrohim2019', 'davidson2017')

    def f1_at(scores, t):
        result = []
        for name in names:
            m = sources == name
            predicted = scores[m] >= t
            result.append(2 * (predicted & (hate[m] == 1)).sum() / (predicted.sum() + hate[m].sum()))
        return result

    def own(scores):
        result = []
        for name in names:
            m = sources == name
            p, r, _ = precision_recall_curve(hate[m], scores[m])
            result.append((2 * p * r / np.maximum(p + r, 1e-9)).max())
        return result

    for label, scores in (('G2 hate head', g2_hate), ('sklearn hate head, no weak negatives', unconditional),
                          ('G2 abuse x sklearn P(hate | abuse)', g2_abuse * conditional)):
        candidates = np.unique(np.quantile(scores, np.linspace(0.3, 0.999, 700)))
        t = max(candidates, key=lambda t: np.mean(f1_at(scores, t)))
        one, mine = f1_at(scores, t), own(scores)
        print(f'{label:38s} one threshold {t:.3f}: ibrohim {one[0]:.3f} davidson {one[1]:.3f} | '
              f'own thresholds: ibrohim {mine[0]:.3f} davidson {mine[1]:.3f}')


if __name__ == '__main__':
    main(sys.argv[1:])
