"""Known answers for DriftMeasuresTest, from scipy and Evidently (not from Cairn's code).

Run with a project-local venv (not the shared .tools/):
  python3 -m venv .tools-bench/drift
  .tools-bench/drift/bin/pip install scipy numpy "pandas<3" evidently==0.7.23
  .tools-bench/drift/bin/python plugins/data/src/test/resources/dev/cairn/plugin/data/drift/known_answers.py
(scripts/bench-drift creates the same venv.) Measured with scipy 1.17.1, numpy 2.4.6, pandas 2.3.3
and evidently 0.7.23; evidently 0.7.23 does not import with pandas 3.
The samples come from the same linear congruential generator as the test's Samples class.
"""
import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance
from evidently.legacy.calculations.stattests.ks_stattest import _ks_stat_test
from evidently.legacy.calculations.stattests.wasserstein_distance_norm import _wasserstein_distance_norm
from evidently.legacy.calculations.stattests.chisquare_stattest import _chi_stat_test
from evidently.legacy.calculations.stattests.z_stattest import _z_stat_test
from evidently.legacy.calculations.stattests.jensenshannon import _jensenshannon
from evidently.legacy.calculations.stattests.psi import _psi
from evidently.legacy.core import ColumnType

NUM, CAT = ColumnType.Numerical, ColumnType.Categorical


def lcg(seed):
    state = seed
    while True:
        state = (1103515245 * state + 12345) % 2147483648
        yield state / 2147483648


def normalish(n, seed, shift, scale):
    g = lcg(seed)
    return [((next(g) + next(g)) + next(g) + next(g) - 2.0) * scale + shift for _ in range(n)]


def integers(n, seed, bound):
    g = lcg(seed)
    return [float(int(next(g) * bound)) for _ in range(n)]


def show(name, value):
    print(f"{name} = {float(value)!r}")


ref200 = pd.Series(normalish(200, 1, 0.0, 1.0))
cur200 = pd.Series(normalish(200, 2, 0.3, 1.0))
cur300 = pd.Series(normalish(300, 3, 0.1, 1.2))
show("KS_EQUAL_SIZES_SHIFTED_P", _ks_stat_test(ref200, cur200, NUM, 0.05)[0])
show("KS_EQUAL_SIZES_D", stats.ks_2samp(ref200, cur200).statistic)
show("KS_UNEQUAL_SIZES_P", _ks_stat_test(ref200, cur300, NUM, 0.05)[0])
show("KS_UNEQUAL_SIZES_D", stats.ks_2samp(ref200, cur300).statistic)
ties_ref = pd.Series(integers(150, 4, 10))
ties_cur = pd.Series(integers(170, 5, 12))
show("KS_TIES_P", _ks_stat_test(ties_ref, ties_cur, NUM, 0.05)[0])
show("KS_SAME_SAMPLE_NEW_DRAW_P", _ks_stat_test(ref200, pd.Series(normalish(200, 6, 0.0, 1.0)), NUM, 0.05)[0])
show("WASSERSTEIN_NORMED_SHIFTED", _wasserstein_distance_norm(ref200, cur200, NUM, 0.1)[0])
show("WASSERSTEIN_NORMED_UNEQUAL", _wasserstein_distance_norm(ref200, cur300, NUM, 0.1)[0])

ref800 = pd.Series(normalish(800, 7, 10.0, 2.0))
cur900 = pd.Series(normalish(900, 8, 10.5, 2.5))
show("JS_NUMERIC_STURGES", _jensenshannon(ref800, cur900, NUM, 0.1)[0])
show("PSI_NUMERIC_STURGES", _psi(ref800, cur900, NUM, 0.1)[0])
small_ref = pd.Series(integers(300, 9, 6))
small_cur = pd.Series(integers(400, 10, 8))
show("JS_NUMERIC_VALUES", _jensenshannon(small_ref, small_cur, NUM, 0.1)[0])
show("PSI_NUMERIC_VALUES", _psi(small_ref, small_cur, NUM, 0.1)[0])

cat_ref = pd.Series(["a"] * 50 + ["b"] * 30 + ["c"] * 20)
cat_cur = pd.Series(["a"] * 45 + ["b"] * 35 + ["c"] * 20 + ["a"] * 20)
cat_new = pd.Series(["a"] * 40 + ["b"] * 30 + ["c"] * 25 + ["d"] * 5)
show("CHI_SQUARED_P", _chi_stat_test(cat_ref, cat_cur, CAT, 0.05)[0])
show("CHI_SQUARED_NEW_CATEGORY_P", _chi_stat_test(cat_ref, cat_new, CAT, 0.05)[0])
show("JS_CATEGORIES", _jensenshannon(cat_ref, cat_new, CAT, 0.1)[0])
show("PSI_CATEGORIES", _psi(cat_ref, cat_new, CAT, 0.1)[0])
show("PSI_CATEGORIES_NO_NEW", _psi(cat_ref, cat_cur, CAT, 0.1)[0])
two_ref = pd.Series(["x"] * 60 + ["y"] * 40)
two_cur = pd.Series(["x"] * 45 + ["y"] * 55)
show("Z_TEST_P", _z_stat_test(two_ref, two_cur, CAT, 0.05)[0])
show("Z_TEST_ONE_SIDE_ONLY_P", _z_stat_test(pd.Series(["x"] * 30), pd.Series(["x"] * 25 + ["y"] * 5), CAT, 0.05)[0])
# scipy's own Jensen-Shannon on plain shares, as a cross-check of the categorical path:
show("JS_SCIPY_PLAIN", distance.jensenshannon([0.5, 0.3, 0.2, 0.0], [0.4, 0.3, 0.25, 0.05]))


# TFDV's approximate Jensen-Shannon divergence and L-infinity distance. TFDV itself needs
# TensorFlow (not installed here); this is a NumPy transcription of anomalies/metrics.cc
# (AlignHistograms, RebucketHistogram, JensenShannonDivergence) over the standard histogram that
# basic_stats_generator builds (10 equal-width buckets from the column's min to its max).
def tfdv_histogram(values):
    values = np.asarray(values)
    lo, hi = values.min(), values.max()
    if lo == hi:
        return [(lo, hi, float(len(values)))]
    edges = np.linspace(lo, hi, 11)
    counts = np.histogram(values, edges)[0]
    return [(edges[i], edges[i + 1], float(counts[i])) for i in range(10)]


def tfdv_align(h1, h2):
    points = {}
    ranges = [[], []]
    for side, h in enumerate((h1, h2)):
        for lo, hi, c in h:
            if lo == hi:
                points.setdefault(lo, [0.0, 0.0])[side] += c
            else:
                ranges[side].append((lo, hi, c))
    bounds = sorted({b for r in ranges for lo, hi, _ in r for b in (lo, hi)})
    out = [[], []]
    for side in (0, 1):
        for a, b in zip(bounds[:-1], bounds[1:]):
            total = 0.0
            for lo, hi, c in ranges[side]:
                if a >= lo and b <= hi:
                    total += c * (b - a) / (hi - lo)
            out[side].append(total)
    for key in sorted(points):
        out[0].append(points[key][0])
        out[1].append(points[key][1])
    return np.array(out[0]), np.array(out[1])


def tfdv_jsd(p, q):
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2
    kl = lambda a: sum(a[i] * np.log2(a[i] / m[i]) for i in range(len(a)) if a[i] > 0)
    return min((kl(p) + kl(q)) / 2, 1.0)


show("TFDV_JSD_NUMERIC", tfdv_jsd(*tfdv_align(tfdv_histogram(ref800), tfdv_histogram(cur900))))
show("TFDV_JSD_POINT_AND_RANGE", tfdv_jsd(*tfdv_align(tfdv_histogram([3.0] * 50), tfdv_histogram(ref200))))
show("TFDV_JSD_CATEGORIES", tfdv_jsd(np.array([50.0, 30, 20, 0]), np.array([40.0, 30, 25, 5])))
# L-infinity, by hand: shares a 0.5/0.4, b 0.3/0.3, c 0.2/0.25, d 0/0.05 -> 0.1 at 'a'.

# The largest exact sizes (1,000 values each side, and 1,000 against 999).
ref1000 = pd.Series(normalish(1000, 11, 0.0, 1.0))
show("KS_1000_1000_P", _ks_stat_test(ref1000, pd.Series(normalish(1000, 12, 0.08, 1.0)), NUM, 0.05)[0])
show("KS_1000_999_P", _ks_stat_test(ref1000, pd.Series(normalish(999, 13, 0.05, 1.0)), NUM, 0.05)[0])

# Edge cases (DriftEdgeCasesTest).
ref100 = pd.Series(normalish(100, 14, 0.0, 1.0))
far100 = pd.Series(normalish(100, 15, 50.0, 1.0))
show("KS_DISJOINT_P", _ks_stat_test(ref100, far100, NUM, 0.05)[0])
show("WASSERSTEIN_DISJOINT", _wasserstein_distance_norm(ref100, far100, NUM, 0.1)[0])
show("JS_DISJOINT_CATEGORIES", _jensenshannon(pd.Series(["a"] * 10), pd.Series(["b"] * 10), CAT, 0.1)[0])
show("Z_SINGLE_DIFFERENT_VALUES_P", _z_stat_test(pd.Series([5.0] * 50), pd.Series([6.0] * 40), CAT, 0.05)[0])
show("WASSERSTEIN_CONSTANT_REFERENCE", _wasserstein_distance_norm(pd.Series([5.0] * 50), pd.Series([6.0] * 40), NUM, 0.1)[0])
show("KS_IDENTICAL_P", _ks_stat_test(ref100, ref100, NUM, 0.05)[0])

# Large columns, which Cairn compares through their KLL sketches (SketchBasisTest): Evidently on
# the exact values, the answer the sketch-based figures approximate.
big_ref = pd.Series(normalish(20000, 21, 0.0, 1.0))
big_cur = pd.Series(normalish(20000, 22, 0.2, 1.1))
big_same = pd.Series(normalish(20000, 23, 0.0, 1.0))
big_nudge = pd.Series(normalish(20000, 24, 0.05, 1.0))
show("BIG_WASSERSTEIN_SHIFTED", _wasserstein_distance_norm(big_ref, big_cur, NUM, 0.1)[0])
show("BIG_WASSERSTEIN_SAME", _wasserstein_distance_norm(big_ref, big_same, NUM, 0.1)[0])
show("BIG_JS_SHIFTED", _jensenshannon(big_ref, big_cur, NUM, 0.1)[0])
show("BIG_PSI_SHIFTED", _psi(big_ref, big_cur, NUM, 0.1)[0])
show("BIG_KS_NUDGE_P", _ks_stat_test(big_ref, big_nudge, NUM, 0.05)[0])
show("BIG_KS_NUDGE_D", stats.ks_2samp(big_ref, big_nudge).statistic)
show("BIG_KS_SHIFTED_P", _ks_stat_test(big_ref, big_cur, NUM, 0.05)[0])

# The asymptotic p-value (KolmogorovSmirnovAsymptoticTest).
show("KSTWO_SF_1E5_10000", stats.kstwo.sf(1e-5, 10000))
show("KSTWO_SF_2E4_10000", stats.kstwo.sf(2e-4, 10000))
show("KSTWO_SF_5E5_500000", stats.kstwo.sf(5e-5, 500000))
show("KSTWO_SF_1E3_500000", stats.kstwo.sf(1e-3, 500000))
show("KSTWO_SF_002_10000", stats.kstwo.sf(0.02, 10000))
show("KSTWO_SF_0005_10000", stats.kstwo.sf(0.005, 10000))
