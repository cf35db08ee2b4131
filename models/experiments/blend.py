#!/usr/bin/env python3
"""Blends the held-out scores of two `moderation experiment --scores DIR` runs: for each weight w, the logits are
mixed (1-w)*first + w*second, each label gets the threshold with the best mean F1 over its sources, and every
source/label prints F1 (AUC). Needs numpy (Debian: apt-get install python3-numpy; run with /usr/bin/python3).
Usage: blend.py FIRST.scores.tsv SECOND.scores.tsv"""
import csv,sys
import numpy as np
def load(p):
    d={}
    with open(p) as f:
        r=csv.DictReader(f,delimiter='\t')
        for x in r: d[x['id']]=x
    return d
a=load(sys.argv[1]); b=load(sys.argv[2])
ids=[i for i in a if i in b]
order=["judol_yt_id/spam","youtube_spam_uci/spam","sms_spam_id/spam","sms_spam_uci/spam","ibrohim2019/abuse","davidson2017/abuse","ibrohim2019/hate","davidson2017/hate"]
def f1(y,s,t):
    p=s>=t; tp=np.sum(p&y); fp=np.sum(p&~y); fn=np.sum(~p&y)
    return 0 if tp==0 else 2*tp/(2*tp+fp+fn)
def auc(y,s):
    o=np.argsort(s); r=np.empty(len(s)); r[o]=np.arange(1,len(s)+1)
    npos=y.sum(); nneg=len(y)-npos
    return (r[y].sum()-npos*(npos+1)/2)/(npos*nneg)
def logit(p): p=np.clip(p,1e-6,1-1e-6); return np.log(p/(1-p))
for w in [0,0.25,0.5,0.75,1.0]:
    row={}
    for lab in ['spam','abuse','hate']:
        sel=[i for i in ids if a[i][lab]!='']
        y=np.array([a[i][lab]=='1' for i in sel]); src=np.array([a[i]['source'] for i in sel])
        sa=np.array([float(a[i][lab+'_score']) for i in sel]); sb=np.array([float(b[i][lab+'_score']) for i in sel])
        s=1/(1+np.exp(-((1-w)*logit(sa)+w*logit(sb))))
        best=(-1,0.5)
        for t in np.arange(0.001,1.0,0.001):
            m=np.mean([f1(y[src==k],s[src==k],t) for k in np.unique(src)])
            if m>best[0]: best=(m,t)
        for k in np.unique(src):
            row[f"{k}/{lab}"]=(f1(y[src==k],s[src==k],best[1]),auc(y[src==k],s[src==k]))
        row[lab+"_thr"]=best[1]
    print(f"w={w:.2f} "+" ".join(f"{row[k][0]:.3f}({row[k][1]:.3f})" for k in order)+f"  thr {row['spam_thr']:.3f}/{row['abuse_thr']:.3f}/{row['hate_thr']:.3f}")
