#!/usr/bin/env python3
"""Prints criterion's latest results as a Markdown table: for each benchmark,
the median time per iteration over its samples, the spread (fastest and
slowest sample, per iteration), and the throughput at the median.

Usage: python3 benches/summary.py [CRITERION_DIR] [FILTER]
CRITERION_DIR defaults to $CARGO_TARGET_DIR/criterion or target/criterion;
FILTER keeps benchmarks whose id contains it.
"""

import json
import os
import statistics
import sys
from pathlib import Path


def fmt_time(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if ns / scale < 100 else f"{ns / scale:.0f} {unit}"
    return f"{ns:.0f} ns"


def main() -> None:
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(target) / "criterion"
    wanted = sys.argv[2] if len(sys.argv) > 2 else ""
    rows = []
    for bench in sorted(root.glob("**/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        if wanted not in meta["full_id"]:
            continue
        sample = json.loads((bench.parent / "sample.json").read_text())
        per_iter = [t / n for t, n in zip(sample["times"], sample["iters"])]
        median = statistics.median(per_iter)
        thrpt = ""
        tp = meta.get("throughput") or {}
        if "Bytes" in tp:
            thrpt = f"{tp['Bytes'] / (median / 1e9) / 1e6:.2f} MB/s"
        elif "Elements" in tp:
            thrpt = f"{tp['Elements'] / (median / 1e9):.0f} /s"
        rows.append(
            (
                meta["full_id"],
                fmt_time(median),
                f"{fmt_time(min(per_iter))} – {fmt_time(max(per_iter))}",
                len(per_iter),
                thrpt,
            )
        )
    print("| benchmark | median | spread (min – max of samples) | samples | throughput |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        print("| `{}` | {} | {} | {} | {} |".format(*r))


if __name__ == "__main__":
    main()
