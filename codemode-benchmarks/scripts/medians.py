#!/usr/bin/env python3
"""Prints the median, p10 and p90 of every benchmark in JMH JSON result files (-rf json -rff FILE).

JMH's own summary is a mean with an error bar; on a shared, noisy machine the median of the raw
iteration scores is the steadier figure. For sample-time benchmarks (-bm sample) the figures are
those of every sample taken. Usage: medians.py RESULT.json [RESULT.json ...]
"""
import json
import statistics
import sys


def quantile(values, q):
    values = sorted(values)
    index = q * (len(values) - 1)
    low = int(index)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (index - low)


for path in sys.argv[1:]:
    with open(path) as handle:
        results = json.load(handle)
    for result in results:
        metric = result["primaryMetric"]
        if "rawDataHistogram" in metric:
            raw = [value for fork in metric["rawDataHistogram"] for iteration in fork
                   for value, count in iteration for _ in range(int(count))]
        else:
            raw = [score for fork in metric["rawData"] for score in fork]
        params = ",".join(f"{k}={v}" for k, v in (result.get("params") or {}).items())
        name = result["benchmark"].rsplit(".", 2)[-2:]
        print(f"{path}\t{'.'.join(name)}({params})\tmedian {statistics.median(raw):.3f}"
              f"\tp10 {quantile(raw, 0.1):.3f}\tp90 {quantile(raw, 0.9):.3f}"
              f"\t{result['primaryMetric']['scoreUnit']}\tn={len(raw)}\tjdk {result['jdkVersion']}")
