#!/bin/sh
# Baton's stand-in for Argo's argosay v2 test image (entry point /argosay), for hosts without it.
set -eu

# Go durations (1m30s, 500ms, 1.5h) become GNU sleep operands, which sleep adds up.
go_sleep() {
  rest=$1
  operands=
  case $rest in
    *[!0-9.]*) ;;
    *) sleep "$rest"; return ;;
  esac
  while [ -n "$rest" ]; do
    number=${rest%%[!0-9.]*}
    rest=${rest#"$number"}
    unit=${rest%%[0-9.]*}
    rest=${rest#"$unit"}
    case $unit in
      h|m|s) operands="$operands $number$unit" ;;
      ms) operands="$operands ${number}e-3" ;;
      us|µs) operands="$operands ${number}e-6" ;;
      ns) operands="$operands ${number}e-9" ;;
      *) echo "argosay: invalid duration $1" >&2; exit 1 ;;
    esac
    [ -n "$number" ] || { echo "argosay: invalid duration $1" >&2; exit 1; }
  done
  # shellcheck disable=SC2086
  sleep $operands
}

case ${1:-} in
  '')
    echo "hello argo"
    ;;
  echo)
    case $# in
      1) echo "hello argo" ;;
      2) echo "$2" ;;
      3)
        mkdir -p "$(dirname "$3")"
        echo "$2" > "$3"
        ;;
      # The original script's fallback pattern never matches, so more words do nothing and succeed.
    esac
    ;;
  cat)
    cat "$2"
    ;;
  assert_contains)
    grep -F "$3" "$2"
    ;;
  assert_equals)
    if [ "$2" != "$3" ]; then
      echo "expected '$2' to equal '$3'" >&2
      exit 1
    fi
    ;;
  exit)
    exit "${2:-0}"
    ;;
  sleep)
    go_sleep "$2"
    ;;
  sh)
    if command -v bash >/dev/null 2>&1; then bash "${2:-0}"; else sh "${2:-0}"; fi
    ;;
  *)
    exit 1
    ;;
esac
