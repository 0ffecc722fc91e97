#!/usr/bin/env python3
"""How many samples does each photo need for a stable top 5? (needs numpy)

Reads the neighbourhoods NeighbourhoodDump writes for one model
(out/studies/neighbourhoods/MODEL/PHOTO-orthogonal-SEED.csv) and, per photo, pools every seed's
samples into one fit: the best estimate of the explanation that any number of samples converges to.
From the sandwich covariance of that fit it predicts the top-5 agreement (mean pairwise Jaccard) that
runs of n samples would show, for two designs:

  orthogonal   fold-over pairs as the sampling units (the design the samples were drawn with)
  independent  single rows as the units, the reference's design, with the variance factor
               n / (n - p - 1) that chance correlations between independent columns add

The prediction is the one the stopping rule makes (SamplingNoise), here from all the pooled samples
instead of one run's, so its own noise is small. Beside it, as a check, the agreement measured across
the seeds at fixed sample counts (orthogonal, first n samples of each seed).

It prints, per photo, the samples needed for agreement 0.8 with each design, the reference's own
agreement at 1000 independent samples, and the samples the orthogonal design needs to match it
(or 0.8, whichever is lower): the samples "for the same trust".

Run: python3 benchmarks/analysis/sample_requirements.py [DIR]   (default: out/studies/neighbourhoods/nsfw_mobilenet_v2)
"""
import os
import sys

import numpy as np

from stopping_rules import PHOTOS, agreement, load, ridge, sandwich_noise, top5

THRESHOLD = 0.8
REFERENCE_SAMPLES = 1000
GRID = [100, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800, 1000, 1200, 1500, 2000, 3000, 4000, 8000]
DRAWS = 2000


def pooled(runs):
    """Row 0 (the original) once, then each seed's fold-over pairs (an odd last row is dropped)."""
    z = [runs[0][0][:1]]
    y = [runs[0][1][:1]]
    for zs, ys in runs:
        body = 2 * ((len(zs) - 1) // 2)
        z.append(zs[1:1 + body])
        y.append(ys[1:1 + body])
    return np.vstack(z), np.concatenate(y)


def predicted(coef, noise, pooled_samples, n, chance_correlation_features=0):
    scale = pooled_samples / n
    p = chance_correlation_features
    if p:
        scale *= n / (n - p - 1)
    return agreement([top5(c) for c in coef + noise * np.sqrt(scale)])


def first_reaching(curve, target):
    return next((n for n in GRID if curve[n] >= target), None)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else 'out/studies/neighbourhoods/nsfw_mobilenet_v2'
    print(f'{folder}: top-5 agreement predicted from all seeds pooled (measured across seeds at fixed n in brackets)')
    needs_orthogonal, needs_independent, needs_same_trust = [], [], []
    for photo in PHOTOS:
        seeds = [s for s in range(1000, 1100) if os.path.exists(f'{folder}/{photo}-orthogonal-{s}.csv')]
        if not seeds:
            continue
        runs = [load(folder, photo, 'orthogonal', s) for s in seeds]
        z, y = pooled(runs)
        samples, features = len(z) - 1, z.shape[1]
        coef, noise = sandwich_noise(z, y, True, np.random.default_rng(1), DRAWS)
        coef_i, noise_i = sandwich_noise(z, y, False, np.random.default_rng(2), DRAWS)
        orthogonal = {n: predicted(coef, noise, samples, n) for n in GRID}
        independent = {n: predicted(coef_i, noise_i, samples, n, features) for n in GRID}
        shortest = min(len(zs) for zs, _ in runs)
        measured = {n: agreement([top5(ridge(zs[:n], ys[:n])[0]) for zs, ys in runs])
                    for n in GRID if n <= shortest and len(runs) > 1}
        reference = independent[REFERENCE_SAMPLES]
        same_trust = first_reaching(orthogonal, min(THRESHOLD, reference))
        n_orthogonal, n_independent = first_reaching(orthogonal, THRESHOLD), first_reaching(independent, THRESHOLD)
        weights = np.sort(np.abs(coef))[::-1]
        print(f'\n{photo} ({features} segments, {len(seeds)} seeds, {samples} pooled samples; '
              f'|weights| 4th to 7th {", ".join(f"{v:.4f}" for v in weights[3:7])})')
        print('  n            ' + ' '.join(f'{n:>5d}' for n in GRID))
        print('  orthogonal   ' + ' '.join(f'{orthogonal[n]:5.2f}' for n in GRID))
        print('  independent  ' + ' '.join(f'{independent[n]:5.2f}' for n in GRID))
        print('  measured     ' + ' '.join(f'({measured[n]:.2f})' if n in measured else '     ' for n in GRID))
        print(f'  for {THRESHOLD}: orthogonal {n_orthogonal or "> 8000"}, independent {n_independent or "> 8000"}; '
              f'reference at {REFERENCE_SAMPLES}: {reference:.2f}, matched by orthogonal at {same_trust or "> 8000"}')
        needs_orthogonal.append(n_orthogonal or np.inf)
        needs_independent.append(n_independent or np.inf)
        needs_same_trust.append(same_trust or np.inf)
    print(f'\nmedian over photos: for {THRESHOLD}, orthogonal {np.median(needs_orthogonal):.0f}, '
          f'independent {np.median(needs_independent):.0f}; for the reference\'s trust at {REFERENCE_SAMPLES}, '
          f'orthogonal {np.median(needs_same_trust):.0f} ({REFERENCE_SAMPLES / np.median(needs_same_trust):.1f}x fewer)')


if __name__ == '__main__':
    main()
