#!/usr/bin/env python3
"""Times the reference `lime` package's LimeTextExplainer on the text benchmark's input, so that
TextExplainerTimings can print the reference beside Limelight from a measurement, not a constant.

The input is the benchmark's 214-word text (write it with
`benchmarks/run dev.limelight.benchmarks.text.TextExplainerTimings --print-text > TEXT`) and the same
trivial classifier: p(class 1) = 0.9 if the text contains "excellent", else 0.2. Two settings, as the
Java benchmark: auto selection with K = 10 and forward selection with K = 6, 5000 samples each; the
median wall time of RUNS runs after 2 warm-up runs.

Needs the reference package importable (lime 0.2.0.1: `pip install lime==0.2.0.1`, or PYTHONPATH
pointing at a checkout of marcotcr/lime) with numpy, scipy and scikit-learn.

Run: python3 benchmarks/analysis/reference_text_timings.py TEXT [RUNS] > reference-text-timings.json
"""
import datetime
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import scipy
import sklearn
from lime.lime_text import LimeTextExplainer


def trivial(texts):
    q = np.array([0.9 if 'excellent' in t else 0.2 for t in texts])
    return np.column_stack([1 - q, q])


def cpu_model():
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    return line.split(':', 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main():
    text = open(sys.argv[1], encoding='utf-8').read().strip()
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    settings = []
    for mode, k in (('auto', 10), ('forward_selection', 6)):
        explainer = LimeTextExplainer(feature_selection=mode, random_state=1)
        times = []
        for i in range(2 + runs):
            start = time.perf_counter()
            explainer.explain_instance(text, trivial, num_features=k, num_samples=5000)
            if i >= 2:
                times.append((time.perf_counter() - start) * 1000)
        settings.append({'featureSelection': mode, 'k': k, 'samples': 5000, 'runs': runs,
                         'medianMillis': statistics.median(times), 'minMillis': min(times), 'maxMillis': max(times)})
        print(f'{mode} K={k}: median {statistics.median(times):.0f} ms over {runs} runs', file=sys.stderr)
    import lime
    json.dump({'reference': 'lime ' + getattr(lime, '__version__', '0.2.0.1'),
               'python': platform.python_version(), 'numpy': np.__version__, 'scipy': scipy.__version__,
               'scikitLearn': sklearn.__version__, 'cpu': cpu_model(), 'cores': os.cpu_count(),
               'date': datetime.date.today().isoformat(), 'words': len(set(text.replace('.', ' ').replace(',', ' ').split())),
               'settings': settings}, sys.stdout, indent=1)
    print()


if __name__ == '__main__':
    main()
