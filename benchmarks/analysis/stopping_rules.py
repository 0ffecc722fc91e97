#!/usr/bin/env python3
"""Offline study of adaptive-sampling stopping rules on real neighbourhoods (needs numpy).

Reads the neighbourhoods NeighbourhoodDump writes (out/studies/neighbourhoods/MODEL/PHOTO-DESIGN-SEED.csv:
first line the label, then one line per sample: the 0/1 cells, then the model's probabilities) and,
for each photo, replays three stopping rules on every seed's samples, as the Java explainer would:

  bootstrap/100  the previous rule: 20 refits on resamples (fold-over pairs kept together), rounds of 100
  sandwich/100   SamplingNoise's rule: sandwich covariance, 100 simulated re-draws, rounds of 100
  sandwich/50    the same with rounds of 50 (the default)

all stopping at agreement 0.8 or at the dumped samples. It prints where each stops (per seed), the
top-5 agreement across seeds of what it stops with, and the medians over photos; then, at 257
samples, the agreement of 8 independent half-runs (two per seed) beside what each seed's rule
predicts at 250. It re-implements the fit (weighted ridge, alpha 1, kernel width 0.25, cosine
distance) to stay independent of the Java code it checks.

Run: python3 benchmarks/analysis/stopping_rules.py [DESIGN] [DIR]   (default: orthogonal out/studies/neighbourhoods/nsfw_mobilenet_v2)
"""
import itertools
import os
import sys

import numpy as np

PHOTOS = ['astronaut', 'cat_mouse', 'coffee', 'dogs', 'goldenretriever', 'rocket']
THRESHOLD = 0.8


def load(folder, photo, design, seed):
    path = f'{folder}/{photo}-{design}-{seed}.csv'
    with open(path) as f:
        label = int(f.readline())
    rows = np.loadtxt(path, delimiter=',', skiprows=1)
    probabilities = rows[:, -5:]
    return rows[:, :-5], probabilities[:, label]


def kernel_weights(z, width=0.25):
    shown = z.sum(1)
    distance = np.where(shown > 0, 1 - np.sqrt(shown / z.shape[1]), 1.0)
    return np.sqrt(np.exp(-distance ** 2 / width ** 2))


def ridge(z, y, alpha=1.0):
    w = kernel_weights(z)
    xm = w @ z / w.sum()
    ym = w @ y / w.sum()
    xc, yc = z - xm, y - ym
    gram = (xc * w[:, None]).T @ xc
    inverse = np.linalg.inv(gram + alpha * np.eye(z.shape[1]))
    coef = inverse @ ((xc * w[:, None]).T @ yc)
    return coef, xc, yc, w, gram, inverse


def top5(coef):
    return frozenset(np.argsort(-np.abs(coef), kind='stable')[:5])


def agreement(sets):
    return float(np.mean([len(a & b) / len(a | b) for a, b in itertools.combinations(sets, 2)]))


def sandwich_noise(z, y, paired, rng, draws=100):
    """The ridge weights and `draws` simulated re-draws of their noise (Gaussian multipliers on the
    sandwich scores; row 0 its own unit, then fold-over pairs if paired), or None if not estimable."""
    coef, xc, yc, w, gram, inverse = ridge(z, y)
    scores = xc * (w * (yc - xc @ coef))[:, None]
    if paired:
        body = scores[1:]
        pairs = len(body) // 2
        scores = np.vstack([scores[:1], body[:2 * pairs].reshape(pairs, 2, -1).sum(1), body[2 * pairs:]])
    units, p = scores.shape
    dof = np.trace(inverse @ gram)
    if units <= max(dof, p) + 1:
        return coef, None
    scores = scores * np.sqrt(units / (units - dof))
    return coef, (rng.standard_normal((draws, units)) @ scores) @ inverse.T


def sandwich_agreement(z, y, paired, rng, draws=100):
    coef, noise = sandwich_noise(z, y, paired, rng, draws)
    if noise is None:
        return 0.0, coef
    return agreement([top5(c) for c in coef + noise]), coef


def bootstrap_agreement(z, y, paired, rng, refits=20):
    n = len(z)
    pairs = (n - 1) // 2
    tops = []
    for _ in range(refits):
        rows = [0]
        while len(rows) < n:
            if paired and len(rows) + 1 < n:
                first = 1 + 2 * rng.integers(pairs)
                rows += [first, first + 1]
            else:
                rows.append(1 + rng.integers(n - 1))
        rows = np.array(rows[:n])
        tops.append(top5(ridge(z[rows], y[rows])[0]))
    return agreement(tops), ridge(z, y)[0]


def main():
    design = sys.argv[1] if len(sys.argv) > 1 else 'orthogonal'
    folder = sys.argv[2] if len(sys.argv) > 2 else 'out/studies/neighbourhoods/nsfw_mobilenet_v2'
    paired = design != 'independent'
    seeds = {p: [s for s in range(1000, 1100) if os.path.exists(f'{folder}/{p}-{design}-{s}.csv')] for p in PHOTOS}
    data = {p: [load(folder, p, design, s) for s in seeds[p]] for p in PHOTOS if seeds[p]}
    rules = [('bootstrap', 100, bootstrap_agreement), ('sandwich', 100, sandwich_agreement),
             ('sandwich', 50, sandwich_agreement)]
    for name, round_size, rule in rules:
        medians, agreements = [], []
        for photo, runs in data.items():
            stops, tops = [], []
            for index, (z, y) in enumerate(runs):
                rng = np.random.default_rng(index)
                budget = len(z)
                stop, chosen = budget, None
                for n in range(2 * round_size, budget + 1, round_size):
                    predicted, coef = rule(z[:n], y[:n], paired, rng)
                    if predicted >= THRESHOLD:
                        stop, chosen = n, top5(coef)
                        break
                stops.append(stop)
                tops.append(chosen if chosen is not None else top5(ridge(z, y)[0]))
            medians.append(float(np.median(stops)))
            agreements.append(agreement(tops))
            print(f'{name}/{round_size:<4d} {photo:16s} stops {stops} agreement {agreements[-1]:.3f}')
        print(f'==> {name}/{round_size}: median samples {np.median(medians):.1f}, '
              f'median agreement {np.median(agreements):.3f}\n')
    print('agreement of 8 half-runs of 257 samples against each seed\'s prediction at 250')
    for photo, runs in data.items():
        halves = []
        for z, y in runs:
            for h in range(2):
                zh = np.vstack([z[:1], z[1 + 256 * h:1 + 256 * (h + 1)]])
                yh = np.concatenate([y[:1], y[1 + 256 * h:1 + 256 * (h + 1)]])
                halves.append(top5(ridge(zh, yh)[0]))
        predicted = [sandwich_agreement(z[:250], y[:250], paired, np.random.default_rng(i))[0]
                     for i, (z, y) in enumerate(runs)]
        print(f'{photo:16s} half-runs {agreement(halves):.3f}, predicted {min(predicted):.2f} to {max(predicted):.2f}')


if __name__ == '__main__':
    main()
