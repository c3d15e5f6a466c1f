#!/usr/bin/env bash
# S3Proxy 2.7.0 on loopback for the S3 artifact store's integration tests (baton-artifact-s3, *IT).
#
#   source .ci/s3proxy.sh          # from .ci/run: starts it, exports BATON_S3_*, stops it when the shell exits
#   .ci/s3proxy.sh start           # by hand: starts it and prints the export lines (eval "$(.ci/s3proxy.sh start)")
#   .ci/s3proxy.sh stop            # stops the instance started from this checkout's state directory
#
# Uses the project's ./mvnw and the JAVA_HOME already chosen (.ci/run picks it); falls back to java on PATH.
# Idempotent: a previous instance recorded in the PID file is stopped first, and its data is wiped.
# Overridable: BATON_S3PROXY_PORT (18080), BATON_S3PROXY_DIR (${TMPDIR:-/tmp}/baton-s3proxy).

BATON_S3PROXY_VERSION=2.7.0
BATON_S3PROXY_PORT="${BATON_S3PROXY_PORT:-18080}"
BATON_S3PROXY_DIR="${BATON_S3PROXY_DIR:-${TMPDIR:-/tmp}/baton-s3proxy}"
BATON_S3PROXY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

s3proxy_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java
  fi
}

s3proxy_log() {
  echo "s3proxy: $*" >&2
}

# Stops the instance whose PID is recorded, if it is still running; waits up to 10 s for it to go.
s3proxy_stop() {
  local pid_file="$BATON_S3PROXY_DIR/s3proxy.pid" pid i
  [ -f "$pid_file" ] || return 0
  pid="$(cat "$pid_file")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    s3proxy_log "stopped PID $pid"
  fi
  rm -f "$pid_file"
}

s3proxy_fetch() {
  local jar="$BATON_S3PROXY_DIR/s3proxy-$BATON_S3PROXY_VERSION-jar-with-dependencies.jar"
  if [ ! -s "$jar" ]; then
    s3proxy_log "fetching org.gaul:s3proxy:$BATON_S3PROXY_VERSION (jar-with-dependencies) through ./mvnw"
    # -N: the root pom only, not once per module of the reactor.
    (cd "$BATON_S3PROXY_ROOT" && ./mvnw -B -ntp -q -N dependency:copy \
      -Dartifact="org.gaul:s3proxy:$BATON_S3PROXY_VERSION:jar:jar-with-dependencies" \
      -DoutputDirectory="$BATON_S3PROXY_DIR") >&2 || return 1
  fi
  echo "$jar"
}

s3proxy_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$BATON_S3PROXY_PORT") 2>/dev/null
}

s3proxy_start() {
  local java jar major pid i
  mkdir -p "$BATON_S3PROXY_DIR" || return 1
  s3proxy_stop
  if s3proxy_port_open; then
    s3proxy_log "port $BATON_S3PROXY_PORT on 127.0.0.1 is taken by another process; set BATON_S3PROXY_PORT"
    return 1
  fi
  java="$(s3proxy_java)" || { s3proxy_log "no java found (set JAVA_HOME)"; return 1; }
  jar="$(s3proxy_fetch)" || { s3proxy_log "cannot fetch S3Proxy $BATON_S3PROXY_VERSION"; return 1; }

  rm -rf "$BATON_S3PROXY_DIR/data"
  mkdir -p "$BATON_S3PROXY_DIR/data"
  cat > "$BATON_S3PROXY_DIR/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$BATON_S3PROXY_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=baton-ci
s3proxy.credential=baton-ci-secret
jclouds.provider=filesystem-nio2
jclouds.identity=baton-ci
jclouds.credential=baton-ci-secret
jclouds.filesystem.basedir=$BATON_S3PROXY_DIR/data
EOF

  local java_opts=()
  major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)"
  if [ "${major%%.*}" -ge 23 ] 2>/dev/null; then
    java_opts+=(--sun-misc-unsafe-memory-access=allow)   # guice inside S3Proxy warns about sun.misc.Unsafe otherwise
  fi
  nohup "$java" "${java_opts[@]}" -Xmx256m -jar "$jar" --properties "$BATON_S3PROXY_DIR/s3proxy.conf" \
    > "$BATON_S3PROXY_DIR/s3proxy.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$BATON_S3PROXY_DIR/s3proxy.pid"

  for i in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
      s3proxy_log "exited during start-up; its log ($BATON_S3PROXY_DIR/s3proxy.log) ends with:"
      tail -n 20 "$BATON_S3PROXY_DIR/s3proxy.log" >&2
      rm -f "$BATON_S3PROXY_DIR/s3proxy.pid"
      return 1
    fi
    if s3proxy_port_open; then
      s3proxy_log "S3Proxy $BATON_S3PROXY_VERSION (PID $pid) answers on http://127.0.0.1:$BATON_S3PROXY_PORT, data in $BATON_S3PROXY_DIR/data"
      export BATON_S3_ENDPOINT="http://127.0.0.1:$BATON_S3PROXY_PORT"
      export BATON_S3_REGION=us-east-1
      export BATON_S3_BUCKET=baton-ci
      export BATON_S3_ACCESS_KEY=baton-ci
      export BATON_S3_SECRET_KEY=baton-ci-secret
      return 0
    fi
    sleep 0.2
  done
  s3proxy_log "did not answer on port $BATON_S3PROXY_PORT within 30 s; see $BATON_S3PROXY_DIR/s3proxy.log"
  s3proxy_stop
  return 1
}

s3proxy_print_env() {
  local name
  for name in BATON_S3_ENDPOINT BATON_S3_REGION BATON_S3_BUCKET BATON_S3_ACCESS_KEY BATON_S3_SECRET_KEY; do
    printf 'export %s=%q\n' "$name" "${!name}"
  done
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: start now and stop when the sourcing shell exits, unless it already has an EXIT trap of its own.
  s3proxy_start || return 1
  if [ -z "$(trap -p EXIT)" ]; then
    trap s3proxy_stop EXIT
  else
    s3proxy_log "the shell already has an EXIT trap; call s3proxy_stop from it"
  fi
else
  set -euo pipefail
  case "${1:-start}" in
    start) s3proxy_start && s3proxy_print_env ;;
    stop) s3proxy_stop ;;
    *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
  esac
fi
