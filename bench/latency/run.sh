#!/usr/bin/env bash
# Latency from a dependency finishing to its dependent step starting, on a chain of trivial steps run by
# `baton run` with the embedded SQLite store and the host driver. Usage: bench/latency/run.sh [STEPS] [RUNS]
# Needs `./mvnw package -DskipTests` first (bin/baton uses baton-cli/target). Prints a table; keeps the raw
# per-gap figures in bench/latency/out/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
steps="${1:-200}"
runs="${2:-5}"
out="$here/out"
rm -rf "$out"
mkdir -p "$out"

python3 "$here/gen.py" "$steps" > "$out/chain.yaml"
echo "machine: $(nproc) CPUs, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/machine.txt"

for i in $(seq 1 "$runs"); do
  home="$out/home-$i"
  mkdir -p "$home"
  start=$(date +%s.%N)
  BATON_HOME="$home" "$root/bin/baton" run "$out/chain.yaml" -o json > "$out/run-$i.json" 2> "$out/run-$i.err"
  end=$(date +%s.%N)
  echo "$start $end" > "$out/run-$i.wall"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"

python3 "$here/report.py" "$out" "$runs"
