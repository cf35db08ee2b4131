#!/usr/bin/env python3
"""Offline check of a second stage (EXPERIMENTS.md step 12): scikit-learn's histogram gradient boosting over the
out-of-fold scores and dense signals that `moderation experiment --scores DIR` writes. Per label: rows where the label
is known (with --weak, for abuse and hate also the ordinary comments of the spam sources, as negatives), source
weights (mean size / size)^0.5 as in training, 5 folds by an MD5 of the row id; each source prints F1 / AUC at the
label's threshold with the best mean F1 over its sources (weak-negative sources print the share flagged).
--second=FILE adds a second run's abuse and hate logits as inputs. Needs numpy and scikit-learn
(Debian: apt-get install python3-sklearn; run with /usr/bin/python3).
Usage: stack.py RUN.scores.tsv [--weak] [--second=OTHER.scores.tsv]"""
import csv, hashlib, sys
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

SCORES = ('spam_score', 'abuse_score', 'hate_score')
path = sys.argv[1]
weak_negatives = '--weak' in sys.argv
second_path = next((a[len('--second='):] for a in sys.argv if a.startswith('--second=')), None)
with open(path) as f:
    rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
dense = [k for k in rows[0] if k not in ('id', 'source', 'spam', 'abuse', 'hate') + SCORES and not k.startswith('unused')]


def logit(p):
    p = min(max(float(p), 1e-6), 1 - 1e-6)
    return np.log(p / (1 - p))


X = np.array([[logit(r[s]) for s in SCORES] + [float(r[d]) for d in dense] for r in rows])
if second_path:
    with open(second_path) as f:
        second = {r['id']: r for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)}
    X = np.hstack([X, np.array([[logit(second[r['id']]['abuse_score']), logit(second[r['id']]['hate_score'])] for r in rows])])
source = np.array([r['source'] for r in rows])
fold = np.array([int(hashlib.md5(r['id'].encode()).hexdigest()[:8], 16) % 5 for r in rows])


def f1(y, p, t):
    pred = p >= t
    tp, fp, fn = (pred & y).sum(), (pred & ~y).sum(), (~pred & y).sum()
    return 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def best_mean_threshold(y, p, s):
    labelled = [k for k in np.unique(s) if y[s == k].any()]
    candidates = np.unique(np.quantile(p, np.linspace(0.001, 0.999, 1500)))
    return max(candidates, key=lambda t: np.mean([f1(y[s == k], p[s == k], t) for k in labelled]))


def report(name, y, p, s):
    t = best_mean_threshold(y, p, s)
    parts = []
    for k in np.unique(s):
        m = s == k
        parts.append(f"{k} {f1(y[m], p[m], t):.3f}/{roc_auc_score(y[m], p[m]):.3f}" if y[m].any() else f"{k} flagged {(p[m] >= t).mean() * 100:.2f} %")
    print(f"  {name:18s} " + "  ".join(parts))


for li, label in enumerate(['spam', 'abuse', 'hate']):
    weak = weak_negatives and label != 'spam'
    known = np.array([r[label] != '' or (weak and r['spam'] == '0' and r['abuse'] == '') for r in rows])
    y = np.array([r[label] == '1' for r in rows])[known]
    Xk, s, fk = X[known], source[known], fold[known]
    sizes = {k: (s == k).sum() for k in np.unique(s)}
    mean = np.mean(list(sizes.values()))
    w = np.array([(mean / sizes[k]) ** 0.5 for k in s])
    print(label)
    report('first stage', y, Xk[:, li], s)
    if second_path and li > 0:
        report('second run', y, Xk[:, -3 + li], s)
    p = np.zeros(len(y))
    for f in range(5):
        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40, random_state=1)
        model.fit(Xk[fk != f], y[fk != f], sample_weight=w[fk != f])
        p[fk == f] = model.predict_proba(Xk[fk == f])[:, 1]
    report('boosted trees', y, p, s)
