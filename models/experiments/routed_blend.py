#!/usr/bin/env python3
"""Offline check of routed heads under ONE threshold per label (EXPERIMENTS.md step 28): the pooled run's and a routed
run's out-of-fold scores (`moderation experiment --scores`), rows routed where the two runs' abuse or hate scores differ.
Prints, per variant, the Review thresholds chosen the validation way (ThresholdChooser: in order spam, abuse, hate,
each missing at most 1 % of its positives; the Reject cap is left out), the share of ordinary comments of the
spam-only sources held, and abuse/hate F1 per source at the best mean-F1 threshold. Variants: the pooled scores, the
routed ones, each label routed alone, and with a third argument the routed margins shifted and blended with the
pooled ones in logit space. Reads only the score files; prints only counts.

Usage: routed_blend.py POOLED.scores.tsv ROUTED.scores.tsv [grid]
"""
import csv, math, sys
def load(p):
    with open(p, encoding='utf-8') as f:
        return {r['id']: r for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE)}
L=('spam','abuse','hate')
def choose(rows, scores):
    # reject: precision threshold ignored here (review <= reject rarely binds); review in order
    best=[math.inf]*3
    for k,l in enumerate(L):
        pos=[s for r,s in zip(rows,scores) if r[l]=='1']
        allowed=int(math.floor(0.01*len(pos)))
        unc=sorted(s[k] for s in pos if not any(s[j]>=best[j] for j in range(3)))
        best[k]=math.floor(unc[allowed]*1e4)/1e4 if len(unc)>allowed else math.inf
    return best
def best_mean_f1(rows, scores, k):
    l=L[k]; steps=1000
    known=[(s[k], r[l]=='1', r['source']) for r,s in zip(rows,scores) if r[l]!='']
    srcs=sorted({x[2] for x in known})
    pos={s:[0]*(steps+1) for s in srcs}; neg={s:[0]*(steps+1) for s in srcs}; tot={s:0 for s in srcs}
    for sc,y,s in known:
        i=min(max(int(math.floor(sc*steps)),0),steps); (pos if y else neg)[s][i]+=1; tot[s]+=y
    tp={s:0 for s in srcs}; fp={s:0 for s in srcs}; bm=-1; bf=None
    for i in range(steps,0,-1):
        f={}
        for s in srcs:
            tp[s]+=pos[s][i]; fp[s]+=neg[s][i]; f[s]=0 if tp[s]==0 else 2*tp[s]/(tp[s]+fp[s]+tot[s])
        m=sum(f.values())/len(f)
        if m>bm: bm,bf,bt=m,f,i/steps
    return bt,bf
def report(name, rows, scores):
    th=choose(rows, scores)
    ordinary=[s for r,s in zip(rows,scores) if r['spam']=='0' and r['abuse']=='']
    held=sum(any(s[j]>=th[j] for j in range(3)) for s in ordinary)/len(ordinary)
    by=[sum(s[j]>=th[j] for s in ordinary)/len(ordinary) for j in range(3)]
    f1a=best_mean_f1(rows,scores,1)[1]; f1h=best_mean_f1(rows,scores,2)[1]
    print(f"{name:40s} review {th[0]:.3f}/{th[1]:.3f}/{th[2]:.3f} held {held:.1%} (spam {by[0]:.1%} abuse {by[1]:.1%} hate {by[2]:.1%}) ib abuse {f1a['ibrohim2019']:.3f} dav abuse {f1a['davidson2017']:.3f} ib hate {f1h['ibrohim2019']:.3f} dav hate {f1h['davidson2017']:.3f}")
P=load(sys.argv[1]); R=load(sys.argv[2])
ids=list(P); rows=[P[i] for i in ids]
def sc(d,i,l): return float(d[i][l+'_score'])
def lg(p): p=min(max(p,1e-7),1-1e-7); return math.log(p/(1-p))
def sg(x): return 1/(1+math.exp(-x))
variants={
 'pooled': lambda i:(sc(P,i,'spam'),sc(P,i,'abuse'),sc(P,i,'hate')),
 'routed': lambda i:(sc(R,i,'spam'),sc(R,i,'abuse'),sc(R,i,'hate')),
 'routed abuse only': lambda i:(sc(P,i,'spam'),sc(R,i,'abuse'),sc(P,i,'hate')),
 'routed hate only': lambda i:(sc(P,i,'spam'),sc(P,i,'abuse'),sc(R,i,'hate')),
 'blend 0.5 logits': lambda i:(sc(P,i,'spam'),sg((lg(sc(P,i,'abuse'))+lg(sc(R,i,'abuse')))/2),sg((lg(sc(P,i,'hate'))+lg(sc(R,i,'hate')))/2)),
}
for n,f in variants.items():
    report(n, rows, [f(i) for i in ids])

if len(sys.argv) > 3:
    routed={i: sc(R,i,'abuse')!=sc(P,i,'abuse') or sc(R,i,'hate')!=sc(P,i,'hate') for i in ids}
    print('routed share', sum(routed.values())/len(ids))
    for da in (-1,-0.5,0,0.5,1):
        for dh in (-1,-0.5,0,0.5,1):
            f=lambda i:(sc(P,i,'spam'), sg(lg(sc(R,i,'abuse'))+da) if routed[i] else sc(P,i,'abuse'), sg(lg(sc(R,i,'hate'))+dh) if routed[i] else sc(P,i,'hate'))
            report(f'shift abuse {da} hate {dh}', rows, [f(i) for i in ids])
    for w in (0.25, 0.5, 0.75):
        for da, dh in ((0,0),(0.5,0),(0.5,0.5),(1,0.5)):
            f=lambda i:(sc(P,i,'spam'), sg((1-w)*lg(sc(P,i,'abuse'))+w*(lg(sc(R,i,'abuse'))+da)) if routed[i] else sc(P,i,'abuse'), sg((1-w)*lg(sc(P,i,'hate'))+w*(lg(sc(R,i,'hate'))+dh)) if routed[i] else sc(P,i,'hate'))
            report(f'blend w {w} shift {da} {dh}', rows, [f(i) for i in ids])
