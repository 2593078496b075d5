#!/usr/bin/env python3
"""Prints the criterion results under target/criterion as a Markdown table:
per benchmark, the median time per iteration and the fastest and slowest
sample, plus time per element where the benchmark declares a throughput.

Usage: cargo bench && python3 scripts/bench-table.py
"""
import json
import pathlib
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    rows = []
    for bench in sorted(ROOT.glob("*/*/new/benchmark.json")):
        info = json.loads(bench.read_text())
        sample = json.loads((bench.parent / "sample.json").read_text())
        per_iter = [t / n for t, n in zip(sample["times"], sample["iters"])]
        median = statistics.median(per_iter)
        elements = (info.get("throughput") or {}).get("Elements")
        per_element = fmt(median / elements) if elements else ""
        rows.append((info["full_id"], fmt(median), f"{fmt(min(per_iter))}–{fmt(max(per_iter))}", per_element))
    if not rows:
        sys.exit("no results under target/criterion: run `cargo bench` first")
    print("| Benchmark | Median | Min–max (per sample) | Per element |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
