#!/usr/bin/env python3
"""95 % intervals of each source/label F1 in `moderation eval --json` output (MODEL_CARD.md, "How exact these figures
are"): the validation rows are resampled through their confusion counts at the pair's fixed decision threshold
(multinomial bootstrap; F1 depends only on those counts), 20,000 draws, seed 7. Also prints how often a draw reaches
the issue's bar. Needs numpy (Debian: python3-numpy; run with /usr/bin/python3).
Usage: moderation eval --json > eval.json && f1_intervals.py eval.json"""
import json, sys
import numpy as np

BARS = {('judol_yt_id', 'spam'): .976, ('youtube_spam_uci', 'spam'): .963, ('sms_spam_id', 'spam'): .965,
        ('sms_spam_uci', 'spam'): .964, ('ibrohim2019', 'abuse'): .895, ('davidson2017', 'abuse'): .975,
        ('ibrohim2019', 'hate'): .837, ('davidson2017', 'hate'): .44}
with open(sys.argv[1]) as f:
    report = json.load(f)
rng = np.random.default_rng(7)
for (source, label), bar in BARS.items():
    m = report['sources'][source][label]
    n, positives = m['n'], m['positives']
    tp = round(m['recall'] * positives)
    fn = positives - tp
    fp = round(tp / m['precision'] - tp) if m['precision'] > 0 else 0
    draws = rng.multinomial(n, [tp / n, fp / n, fn / n, (n - tp - fn - fp) / n], size=20000)
    f1 = 2 * draws[:, 0] / np.maximum(1, 2 * draws[:, 0] + draws[:, 1] + draws[:, 2])
    low, high = np.percentile(f1, [2.5, 97.5])
    print(f"{source}/{label}: F1 {m['f1']:.3f}, 95 % [{low:.3f}, {high:.3f}], bar {bar}, draws at or above the bar {np.mean(f1 >= bar):.3f}")
