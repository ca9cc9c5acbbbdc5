#!/usr/bin/env bash
# Ctrl-C during a solve must stop cleanly: exit 130 and no output file (issue 20, item 2; issue 19
# for the comparison commands).
# Starts `scplan COMMAND` on the embedded notional theater, waits for its first line on standard
# error (`solve`: its first progress line; the search is then running; at most 120 s), then
# SLEEP_SECONDS more, sends SIGINT, and checks the exit code and that --out was not written (nor a
# temporary file beside it), TRIES times.
# Usage: bash scripts/sigint-check.sh [TRIES] [SLEEP_SECONDS] [COMMAND]
#   (defaults: 20 tries, 1 s, solve; COMMAND is one of solve, whatif, curve, sweep, explain)
# SCPLAN_JAR may name another jar (e.g. an older build, to see the failure this prevents).
# Needs the jar: ./mvnw -B -ntp -DskipTests package
set -u
# Job control: without it, bash starts background jobs with SIGINT ignored, and the JVM keeps it so.
set -m
cd "$(dirname "$0")/.."
tries="${1:-20}"
pause="${2:-1}"
command="${3:-solve}"
case "$command" in
  solve) args=(solve --time-limit 30s --workers 2) ready='^ +[0-9.]+s ' ;;
  whatif) args=(whatif - examples/delta-cut-333.json) ready='.' ;;
  curve) args=(curve --from 0.5 --to 1.5 --step 0.25) ready='.' ;;
  sweep) args=(sweep --runs 20 --threads 2) ready='.' ;;
  explain) args=(explain) ready='.' ;;
  *) echo "unknown command $command: solve, whatif, curve, sweep or explain" >&2; exit 2 ;;
esac
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
  ${reset[@]+"${reset[@]}"} java -jar "$jar" "${args[@]}" --out "$out" \
    >"$work/out-$i.txt" 2>"$work/err-$i.txt" &
  pid=$!
  for ((wait = 0; wait < 1200; wait++)); do
    grep -Eqs "$ready" "$work/err-$i.txt" && break
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
