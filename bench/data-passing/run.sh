#!/usr/bin/env bash
# Passes data of growing size from one step to the next with bin/baton, and reports for each run the wall
# time, the engine's peak memory (the JVM's VmHWM), and what the run left in baton.db and the artifact store.
#
#   bench/data-passing/run.sh                      # files of 1 MiB, 10 MiB, 1 GiB; values of 1 MiB, 10 MiB, 100 MiB
#   FILE_SIZES="1M" VALUE_SIZES="1M 10M" bench/data-passing/run.sh
#
# Sizes are in head(1) units (K, M, G = KiB, MiB, GiB). Results: results.tsv and results.md beside this script.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
FILE_SIZES="${FILE_SIZES:-1M 10M 1G}"
VALUE_SIZES="${VALUE_SIZES:-1M 10M 100M}"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/baton-data-passing.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

if [[ ! -f "$root/baton-cli/target/baton-cli.jar" ]]; then
  (cd "$root" && ./mvnw -B -ntp -q -pl baton-cli -am package -DskipTests)
fi

bytes() { numfmt --from=iec "$1"; }

file_workflow() { # size
  cat <<YAML
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: pass-file-}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: produce, template: produce}
    - - name: consume
        template: consume
        arguments:
          artifacts: [{name: data, from: "{{steps.produce.outputs.artifacts.data}}"}]
          parameters: [{name: sum, value: "{{steps.produce.outputs.parameters.sum}}"}]
  - name: produce
    script:
      image: bash
      command: [bash]
      source: |
        head -c $1 /dev/urandom > /tmp/data.bin
        sha256sum /tmp/data.bin | cut -d' ' -f1 > /tmp/sum
    outputs:
      artifacts: [{name: data, path: /tmp/data.bin, archive: {none: {}}}]
      parameters: [{name: sum, valueFrom: {path: /tmp/sum}}]
  - name: consume
    inputs:
      artifacts: [{name: data, path: /tmp/in/data.bin}]
      parameters: [{name: sum}]
    script:
      image: bash
      command: [bash]
      source: |
        test "\$(stat -c %s /tmp/in/data.bin)" = "$(bytes "$1")"
        test "\$(sha256sum /tmp/in/data.bin | cut -d' ' -f1)" = "{{inputs.parameters.sum}}"
        echo ok
YAML
}

value_workflow() { # size
  cat <<YAML
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: pass-value-}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: produce, template: produce}
    - - name: consume
        template: consume
        arguments:
          parameters:
          - {name: value, value: "{{steps.produce.outputs.parameters.value}}"}
          - {name: sum, value: "{{steps.produce.outputs.parameters.sum}}"}
  - name: produce
    script:
      image: bash
      command: [bash]
      source: |
        head -c $(( $(bytes "$1") * 3 / 4 )) /dev/urandom | base64 -w0 > /tmp/value
        sha256sum /tmp/value | cut -d' ' -f1 > /tmp/sum
    outputs:
      parameters:
      - {name: value, valueFrom: {path: /tmp/value}}
      - {name: sum, valueFrom: {path: /tmp/sum}}
  - name: consume
    inputs:
      parameters: [{name: value}, {name: sum}]
    script:
      image: python:3
      command: [python]
      source: |
        import hashlib, os
        inline = """{{inputs.parameters.value}}"""
        with open(os.environ["BATON_INPUT_PARAMETERS"] + "/value", "rb") as f:
            from_file = hashlib.sha256(f.read()).hexdigest()
        assert hashlib.sha256(inline.encode()).hexdigest() == from_file == "{{inputs.parameters.sum}}"
        print("ok", len(inline))
YAML
}

# Runs one workflow in a fresh BATON_HOME; prints: wall s, consumer s (whole seconds), engine peak RSS MiB,
# baton.db MiB, artifacts MiB, phase.
measure() { # workflow-file
  local home="$scratch/home" hwm=0 kb start end
  rm -rf "$home"
  mkdir -p "$home"
  start=$(date +%s.%N)
  BATON_HOME="$home" "$root/bin/baton" run "$1" -o json > "$scratch/out.json" 2> "$scratch/err.txt" &
  local pid=$!
  # bin/baton execs the JVM, so $pid is the engine; its VmHWM is the peak resident set so far.
  while kill -0 "$pid" 2>/dev/null; do
    kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$kb" && "$kb" -gt "$hwm" ]] && hwm=$kb
    sleep 0.1
  done
  wait "$pid" || true
  end=$(date +%s.%N)
  local phase
  phase=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"]["phase"])' "$scratch/out.json" \
    2>/dev/null || echo "no-output")
  if [[ "$phase" != Succeeded ]]; then
    tail -5 "$scratch/err.txt" >&2
  fi
  local consumer
  consumer=$(python3 - "$scratch/out.json" <<'PY' 2>/dev/null || echo "-"
import json, sys
from datetime import datetime
nodes = json.load(open(sys.argv[1]))["status"]["nodes"].values()
n = next(n for n in nodes if n["displayName"] == "consume")
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
print(int((t(n["finishedAt"]) - t(n["startedAt"])).total_seconds()))
PY
)
  printf '%.1f\t%s\t%d\t%.1f\t%.1f\t%s\n' "$(echo "$end - $start" | bc)" "$consumer" $((hwm / 1024)) \
    "$(echo "$(stat -c %s "$home/baton.db") / 1048576" | bc -l)" \
    "$(echo "$(du -sb "$home/artifacts" | cut -f1) / 1048576" | bc -l)" "$phase"
}

results="$here/results.tsv"
printf 'workload\tsize\twall_s\tconsumer_s\tengine_peak_rss_mib\tbaton_db_mib\tartifacts_mib\tphase\n' > "$results"
for size in $FILE_SIZES; do
  file_workflow "$size" > "$scratch/wf.yaml"
  printf 'file artifact\t%s\t%s\n' "$size" "$(measure "$scratch/wf.yaml")" | tee -a "$results"
done
for size in $VALUE_SIZES; do
  value_workflow "$size" > "$scratch/wf.yaml"
  printf 'output parameter\t%s\t%s\n' "$size" "$(measure "$scratch/wf.yaml")" | tee -a "$results"
done

{
  echo "| workload | size | wall s | consumer step s | engine peak RSS MiB | baton.db MiB | artifacts MiB | phase |"
  echo "|---|---|---|---|---|---|---|---|"
  tail -n +2 "$results" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}'
} > "$here/results.md"
cat "$here/results.md"
