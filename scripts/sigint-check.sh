#!/usr/bin/env bash
# Ctrl-C during a solve must stop cleanly: exit 130 and no plan file (issue 20, item 2).
# Starts `scplan solve` on the embedded notional theater, sends SIGINT after a few seconds (the
# search is then running), and checks the exit code and that --out was not written, TRIES times.
# Usage: bash scripts/sigint-check.sh [TRIES] [SLEEP_SECONDS]   (defaults: 20 tries, 3 s)
# Needs the jar: ./mvnw -B -ntp -DskipTests package
set -u
cd "$(dirname "$0")/.."
tries="${1:-20}"
pause="${2:-3}"
jar=scplan-cli/target/scplan.jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
for ((i = 1; i <= tries; i++)); do
  out="$work/plan-$i.json"
  java -jar "$jar" solve --time-limit 30s --workers 2 --quiet --out "$out" \
    >"$work/out-$i.txt" 2>"$work/err-$i.txt" &
  pid=$!
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
