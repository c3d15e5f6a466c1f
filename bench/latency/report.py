#!/usr/bin/env python3
"""Reads each run's event log from its baton.db and prints the dependency-to-dependent latency percentiles.

For step s(i), i >= 1, the gap is occurred_at(StepStarted of s(i)) - occurred_at(StepFinished of s(i-1)):
from the moment the engine applied the end of the dependency to the moment it applied the driver's report
that the dependent's process had started. Event times are stored to the microsecond.
"""
import json
import os
import sqlite3
import sys


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    if not sorted_values:
        return float("nan")
    rank = max(1, int(-(-p * len(sorted_values) // 100)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def gaps_of(run_dir_json, db_path):
    status = json.load(open(run_dir_json))["status"]
    if status["phase"] != "Succeeded":
        raise SystemExit(f"{run_dir_json}: run ended {status['phase']}")
    name_of = {node_id: node["displayName"] for node_id, node in status["nodes"].items()}
    started, finished = {}, {}
    with sqlite3.connect(db_path) as db:
        for kind, payload, at in db.execute(
                "SELECT type, payload_json, occurred_at FROM run_events WHERE type IN ('StepStarted', 'StepFinished')"):
            name = name_of[json.loads(payload)["nodeId"]]
            (started if kind == "StepStarted" else finished)[name] = int(at)
    n = len(started)
    gaps = [(started[f"s{i}"] - finished[f"s{i - 1}"]) / 1000.0 for i in range(1, n)]
    durations = [(finished[f"s{i}"] - started[f"s{i}"]) / 1000.0 for i in range(n)]
    return gaps, durations


def main():
    out, runs = sys.argv[1], int(sys.argv[2])
    all_gaps, all_durations, walls = [], [], []
    for i in range(1, runs + 1):
        gaps, durations = gaps_of(os.path.join(out, f"run-{i}.json"), os.path.join(out, f"home-{i}", "baton.db"))
        all_gaps += gaps
        all_durations += durations
        start, end = map(float, open(os.path.join(out, f"run-{i}.wall")).read().split())
        walls.append(end - start)
        with open(os.path.join(out, f"gaps-{i}.txt"), "w") as f:
            f.write("\n".join(f"{g:.3f}" for g in gaps) + "\n")
    all_gaps.sort()
    all_durations.sort()
    print(f"runs: {runs}, gaps measured: {len(all_gaps)}")
    print("| measure | p50 ms | p90 ms | p99 ms | max ms | mean ms |")
    print("|---|---|---|---|---|---|")
    for label, values in (("dependency finished → dependent started", all_gaps),
                          ("step started → step finished", all_durations)):
        mean = sum(values) / len(values)
        print(f"| {label} | {percentile(values, 50):.1f} | {percentile(values, 90):.1f} | "
              f"{percentile(values, 99):.1f} | {values[-1]:.1f} | {mean:.1f} |")
    walls.sort()
    print(f"wall time of `baton run` per run (s): median {walls[len(walls) // 2]:.2f}, "
          f"min {walls[0]:.2f}, max {walls[-1]:.2f}")


if __name__ == "__main__":
    main()
