"""Expected percentiles (NumPy's default, method="linear") for Percentile.linear.

Writes Tests/Fixtures/expected/percentiles/linear.json:
  numpy        NumPy's version
  percents     the percentiles asked for (5 and 95 are what the uncertainty summaries report)
  cases        [{"name", "values": [...], "percentiles": [numpy.percentile(values, p) for p in percents]}]
Values are written twice: as decimals (Python's repr, for people) and as C99 hexadecimal floats
(`values_hex`, `percentiles_hex`, for the test, which parses them exactly and compares bit for bit). The cases: tiny samples (1, 2, 3 values), ties, integers (ranks and counts, as the summaries see
them), N = 20, 100 and 1000 seeded uniform, normal and heavy-tailed doubles, negative values, and values
whose interpolation weight is exactly 0.5 or close to it (where NumPy switches between its two lerp forms).
Run: python3 Tests/Fixtures/reference_percentiles.py
"""
import json, os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PERCENTS = [0, 0.1, 5, 12.5, 25, 37.5, 50, 62.5, 95, 99.9, 100]


def cases():
    rng = np.random.default_rng(20261210)
    yield "one", [3.25]
    yield "two", [1.0, 2.0]
    yield "three", [0.1, 0.2, 0.7]
    yield "ties", [5.0] * 7 + [6.0] * 3
    yield "constant", [0.0934751] * 50
    yield "ranks", [float(x) for x in rng.integers(1, 40, 1000)]
    yield "counts", [float(x) for x in rng.binomial(200, 0.3, 100)]
    yield "half weight", [float(x) for x in range(11)]            # (n-1)*q hits .5 exactly for q=0.05 etc.
    yield "uniform 20", rng.random(20).tolist()
    yield "normal 100", rng.normal(0.0, 1.0, 100).tolist()
    yield "lognormal 1000", rng.lognormal(-3.0, 1.5, 1000).tolist()
    yield "negative 37", (-rng.random(37) * 1e6).tolist()
    yield "tiny 999", (rng.random(999) * 1e-300).tolist()


def main():
    out = {"numpy": np.__version__, "percents": PERCENTS, "cases": []}
    for name, values in cases():
        a = np.array(sorted(values), dtype=np.float64)
        out["cases"].append({
            "name": name,
            "values": [float(x) for x in a],
            "percentiles": [float(np.percentile(a, p)) for p in PERCENTS],
        })
        case = out["cases"][-1]
        case["values_hex"] = [x.hex() for x in case["values"]]
        case["percentiles_hex"] = [x.hex() for x in case["percentiles"]]
    path = os.path.join(HERE, "expected", "percentiles", "linear.json")
    with open(path + ".tmp", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
