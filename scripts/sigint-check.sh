#!/usr/bin/env bash
# Ctrl-C during a solve must stop cleanly: exit 130 and no plan file (issue 20, item 2).
# Starts `scplan solve` on the embedded notional theater, waits for its first progress line (the
# search is then running; at most 120 s), then SLEEP_SECONDS more, sends SIGINT, and checks the
# exit code and that --out was not written (nor a temporary file beside it), TRIES times.
# Usage: bash scripts/sigint-check.sh [TRIES] [SLEEP_SECONDS]   (defaults: 20 tries, 1 s)
# SCPLAN_JAR may name another jar (e.g. an older build, to see the failure this prevents).
# Needs the jar: ./mvnw -B -ntp -DskipTests package
set -u
# Job control: without it, bash starts background jobs with SIGINT ignored, and the JVM keeps it so.
set -m
cd "$(dirname "$0")/.."
tries="${1:-20}"
pause="${2:-1}"
jar="${SCPLAN_JAR:-scplan-cli/target/scplan.jar}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
reset=()
if command -v python3 >/dev/null 2>&1; then
  reset=(python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])')
fi
passed=0
for ((i = 1; i <= tries; i++)); do
  out="$work/plan-$i.json"
  # A shell started in the background hands its children SIGINT ignored, and the JVM then keeps
  # it so; python3 (if present) gives the JVM the default disposition back.
  ${reset[@]+"${reset[@]}"} java -jar "$jar" solve --time-limit 30s --workers 2 --out "$out" \
    >"$work/out-$i.txt" 2>"$work/err-$i.txt" &
  pid=$!
  for ((wait = 0; wait < 1200; wait++)); do
    grep -Eqs '^ +[0-9.]+s ' "$work/err-$i.txt" && break
    sleep 0.1
  done
  sleep "$pause"
  kill -INT "$pid"
  wait "$pid"
  code=$?
  if [[ "$code" == 130 && ! -e "$out" ]] && ! ls -A "$work" | grep -q '\.tmp$'; then
    passed=$((passed + 1))
    echo "try $i: exit $code, no file"
  else
    echo "try $i: FAILED: exit $code, file $([[ -e "$out" ]] && echo present || echo absent)"
    sed 's/^/  stderr: /' "$work/err-$i.txt" | head -5
  fi
done
echo "$passed of $tries tries exited 130 with no file left behind"
[[ "$passed" == "$tries" ]]
