"""pandas' side of scripts/bench-profile: read_csv + describe + value_counts + histograms.

Prints one line of JSON: the seconds the work took (after the imports), and per column what the
script compares with Cairn's profile (rows, count, mean). Everything pandas does by default:
read_csv with its C parser and inferred dtypes, describe(include="all") (count, unique, top,
freq, mean, std, min, quartiles, max), value_counts of every non-numeric column, and a 20-bin
numpy histogram of every numeric column.
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def main(path):
    start = time.perf_counter()
    frame = pd.read_csv(path)
    described = frame.describe(include="all")
    numeric = frame.select_dtypes(include="number").columns
    others = [c for c in frame.columns if c not in numeric]
    counts = {c: frame[c].value_counts() for c in others}
    histograms = {c: np.histogram(frame[c].dropna(), bins=20) for c in numeric}
    seconds = time.perf_counter() - start
    columns = {}
    for c in frame.columns:
        entry = {"dtype": str(frame[c].dtype), "count": int(described.loc["count", c])}
        if c in numeric:
            entry["mean"] = float(described.loc["mean", c])
            entry["std"] = float(described.loc["std", c])
        else:
            entry["distinct"] = int(len(counts[c]))
        columns[c] = entry
    print(json.dumps({"seconds": round(seconds, 3), "rows": len(frame), "pandas": pd.__version__,
                      "numpy": np.__version__, "histograms": len(histograms), "columns": columns}))


if __name__ == "__main__":
    main(sys.argv[1])
