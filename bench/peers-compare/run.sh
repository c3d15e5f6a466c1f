#!/bin/bash
# Baton side by side with peer DAG engines, on identical workloads, in one run.
#
# Usage: bench/peers-compare/run.sh [ENGINE_REGEX] [WORKLOAD_REGEX]
# Env:   REPS   runs per engine and workload, the median is reported (default 3)
#        QUICK=1  one run each, only Baton, make, ninja, doit and dask-threaded (development)
#        J      parallelism of every engine that runs steps in parallel (default 2 = cores)
#        TMO    per-run timeout in seconds (default 600); SLOW_S: a first run slower than this
#               gets no repeats (default 30)
#        KEEP=1 keep results.tsv and append to it (default: start a fresh one)
#        CAP_S  skip wide5000 for a peer whose fan500 median x 10 exceeds it (default 120)
#        SPAWN_N  processes in the spawn-floor loops (default 1000)
#        BATON_BEFORE=DIR  also time another Baton build (DIR holds baton-cli.jar and lib/)
#
# Writes bench/peers-compare/results.tsv (one line per run), and through report.py
# results.md (tables), chart.svg; per-run logs go to work/<workload>/logs/.
# Every step writes out/<id> into work/<workload>/out, outside /tmp: Baton's host steps
# get a private /tmp, the rest of the host file system is shared.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$HERE"
W=$HERE/work
QUICK=${QUICK:-0}
REPS=${REPS:-$([ "$QUICK" = 1 ] && echo 1 || echo 3)}
J=${J:-2}; TMO=${TMO:-600}; SLOW_S=${SLOW_S:-30}
ENG_RE=${1:-$([ "$QUICK" = 1 ] && echo '^(baton.*|make|ninja|doit|dask-threaded)$' || echo .)}
WL_RE=${2:-.}
PY=/usr/bin/python3            # Debian's python3: where python3-dask/toil/cwltool live
RES=$HERE/results.tsv
WORKLOADS="chain100 chain200 layered10x10 fan500 data200mb wide5000"

need() { command -v "$1" >/dev/null || echo "  $1 (Debian package $2)"; }
missing=$(need make make; need ninja ninja-build; need makeflow coop-computing-tools; need doit python3-doit
  need snakemake snakemake; need cwltool cwltool; need toil toil; need mvn maven; [ -x /usr/bin/time ] || echo "  /usr/bin/time (time)")
if [ -n "$missing" ]; then
  echo "missing peers (engines without their tool are skipped):"; echo "$missing"
  echo "install: apt-get install -y --no-install-recommends make ninja-build time python3-dask \\"
  echo "  python3-distributed python3-doit coop-computing-tools openmpi-bin snakemake cwltool toil maven"
fi

# ---- Baton: build if needed, then run from a private copy so a rebuild during the run changes nothing
JAVA=${JAVA:-}
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
  [ -n "$JAVA" ] && break
  [ -x "$j" ] && "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA=$j
done
[ -n "$JAVA" ] || { echo "no Java 21+ found; set JAVA_HOME" >&2; exit 2; }
if [ ! -f "$ROOT/baton-cli/target/baton-cli.jar" ]; then
  echo "building Baton (baton-cli and what it needs, no tests)"
  (cd "$ROOT" && JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -B -ntp -q install -DskipTests -pl baton-cli -am) || exit 2
fi
rm -rf "$W/baton-dist"; mkdir -p "$W/baton-dist"
cp -r "$ROOT/baton-cli/target/baton-cli.jar" "$ROOT/baton-cli/target/lib" "$W/baton-dist/"
# the JVM flags of bin/baton; BATON_ISOLATED is Baton as shipped (isolation auto: a mount namespace
# per step where the host allows it), BATON_NONE the same with isolation=none
JVM="$JAVA -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto --enable-native-access=ALL-UNNAMED"
CP="-cp '$W/baton-dist/baton-cli.jar:$W/baton-dist/lib/*' dev.baton.cli.Baton run"
BATON_ISOLATED="$JVM $CP"
BATON_NONE="$JVM -Dbaton.host.isolation=none $CP"
# BATON_BEFORE=DIR (copy of an older baton-cli.jar and lib/): also times that build, as baton-before
BATON_BEFORE=${BATON_BEFORE:+$JVM -cp \'$BATON_BEFORE/baton-cli.jar:$BATON_BEFORE/lib/*\' dev.baton.cli.Baton run}

$PY gen.py gen "$W" "$J" >/dev/null

# ---- the two embedded BPMN engines, built once with Maven Central
CP_FL=; CP_CA=
if [[ flowable =~ $ENG_RE || camunda =~ $ENG_RE ]] && command -v mvn >/dev/null; then
  for v in flowable camunda; do
    [ -f java/$v/cp.txt ] || (cd java/$v && mvn -q -B package dependency:build-classpath -Dmdep.outputFile=cp.txt >build.log 2>&1)
  done
  CP_FL="$HERE/java/flowable/target/classes:$(cat java/flowable/cp.txt 2>/dev/null)"
  CP_CA="$HERE/java/camunda/target/classes:$(cat java/camunda/cp.txt 2>/dev/null)"
fi

clean() {
  rm -rf out .snakemake .doit.db* Makeflow.makeflowlog .ninja_log .ninja_deps cwlout cwltmp js baton-home
  # Baton run as root runs its steps as nobody, which must be able to write here too
  mkdir -p out cwltmp logs; chmod 1777 out; sync
}

# measure ENGINE WORKLOAD STEPS CMD
measure() {
  local eng=$1 wl=$2 steps=$3 cmd=$4 reps=$REPS r
  [[ $eng =~ $ENG_RE && $wl =~ $WL_RE ]] || return 0
  cd "$W/$wl"
  for ((r = 1; r <= reps; r++)); do
    clean
    local log=logs/$eng.$r.log tf=logs/$eng.$r.time
    timeout "$TMO" /usr/bin/time -f "%e %M %U %S" -o "$tf" bash -c "$cmd" >"$log" 2>&1
    local rc=$? wall rss usr sys inner
    read -r wall rss usr sys < <(tail -1 "$tf")
    inner=$(grep -o 'INNER.*run=[0-9.]*' "$log" | grep -o 'run=[0-9.]*' | cut -d= -f2)
    # correctness: every node's output must exist (cwltool keeps outputs in its own dirs)
    if [ $rc -eq 0 ] && [[ $eng != cwltool && $eng != spawn-* ]]; then
      local want; want=$($PY -c 'import json;print(" ".join(json.load(open("graph.json"))["nodes"]))')
      [ "$wl" = data200mb ] && want=B   # toil / dask-mem keep A in their own stores
      for n in $want; do [ -e "out/$n" ] || { rc=99; echo "missing out/$n" >>"$log"; break; }; done
    fi
    local cpu; cpu=$(awk -v u="${usr:-0}" -v s="${sys:-0}" 'BEGIN{printf "%.2f", u+s}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$eng" "$wl" "$steps" "$r" "${wall:-0}" "${rss:-0}" "$rc" \
      "${inner:--}" "$cpu" | tee -a "$RES"
    [ $rc -ne 0 ] && break
    [ $r -eq 1 ] && awk -v w="${wall:-0}" -v s="$SLOW_S" 'BEGIN{exit !(w>s)}' && reps=1
  done
  cd "$HERE"
}

# median wall of an engine/workload in the results so far (for caps)
median_of() { awk -F'\t' -v e="$1" -v w="$2" '$1==e&&$2==w&&$7==0{print $5}' "$RES" | sort -n | awk '{a[NR]=$1}END{print (NR?a[int((NR+1)/2)]:0)}'; }
has() { command -v "$1" >/dev/null; }

[ "${KEEP:-0}" = 1 ] && [ -f "$RES" ] || printf '#engine\tworkload\tsteps\trun\twall_s\tmaxrss_kb\trc\tinner_s\tcpu_s\n' >"$RES"
{ echo "# $(date -u +%FT%TZ) $(uname -r) $(nproc) cores; J=$J REPS=$REPS; load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } >>"$RES"

# ---- spawn floors: SPAWN_N processes one after another from bash (default 1000)
N=${SPAWN_N:-1000}
measure spawn-direct wide5000 $N "for i in \$(seq $N); do touch out/\$i; done"
measure spawn-sh     wide5000 $N "for i in \$(seq $N); do sh -c \"touch out/\$i\"; done"

# wide5000 is skipped for a peer whose fan500 median, times 10, exceeds CAP_S (snakemake, cwltool and
# toil grow faster than linearly there: minutes to tens of minutes); Baton is never skipped.
CAP_S=${CAP_S:-120}
capped() {
  [ "$2" = wide5000 ] && [[ $1 != baton* ]] || return 1
  local m; m=$(median_of "$1" fan500)
  awk -v m="$m" -v c="$CAP_S" 'BEGIN{exit !(m*10>c || m==0)}' || return 1
  [[ $1 =~ $ENG_RE && $2 =~ $WL_RE ]] && printf '%s\twide5000\t5002\t0\t0\t0\tSKIP\t-\t0\n' "$1" | tee -a "$RES"
  return 0
}
run() { capped "$1" "$2" || measure "$@"; }

for wl in $WORKLOADS; do
  S=$(cat "$W/$wl/steps")
  measure baton      $wl $S "BATON_HOME=\$PWD/baton-home $BATON_ISOLATED -p out=\$PWD/out workflow.yaml"
  measure baton-none $wl $S "BATON_HOME=\$PWD/baton-home $BATON_NONE -p out=\$PWD/out workflow.yaml"
  [ -n "$BATON_BEFORE" ] && measure baton-before $wl $S "BATON_HOME=\$PWD/baton-home $BATON_BEFORE -p out=\$PWD/out workflow.yaml"
  measure bash-seq    $wl $S "bash baseline_seq.sh"
  has make     && run make      $wl $S "make -j$J -s"
  has ninja    && run ninja     $wl $S "ninja -j$J"
  has makeflow && run makeflow  $wl $S "makeflow -T local -j $J Makeflow"
  has doit     && run doit      $wl $S "doit -n $J -P thread"
  has snakemake && run snakemake $wl $S "snakemake --cores $J -q"
  if $PY -c 'import dask' 2>/dev/null; then
    run dask-threaded    $wl $S "$PY $HERE/drivers/dask_run.py threaded"
    run dask-distributed $wl $S "$PY $HERE/drivers/dask_run.py distributed"
  fi
  [ -n "$CP_FL" ] && run flowable $wl $S "$JAVA -cp '$CP_FL' bench.Run flowable.bpmn20.xml"
  [ -n "$CP_CA" ] && run camunda  $wl $S "$JAVA -cp '$CP_CA' bench.Run camunda.bpmn"
  has toil    && run toil $wl $S "$PY $HERE/drivers/toil_run.py file:\$PWD/js"
  has cwltool && run cwltool $wl $S "cwltool --quiet --no-container --parallel --outdir cwlout --tmpdir-prefix cwltmp/ --tmp-outdir-prefix cwltmp/ wf.cwl"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RES"

$PY report.py "$RES" "$HERE/results.md" "$HERE/chart.svg"
echo "wrote $RES, $HERE/results.md, $HERE/chart.svg"
