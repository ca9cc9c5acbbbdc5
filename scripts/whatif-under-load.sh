#!/usr/bin/env bash
# Runs `scplan whatif - DELTA ARGS...` N times with `stress-ng --cpu 2` beside it and tallies the
# sign of the printed change and the verdict (issue 19: the 20 % cut of Section 333 must show a
# decrease in every run, however loaded the machine).
#   bash scripts/whatif-under-load.sh 10 examples/delta-cut-333.json --time-limit 5s
# Needs the CLI jar (./mvnw -B -ntp -DskipTests package) and stress-ng (apt-get install stress-ng).
set -euo pipefail
runs=${1:?runs}
delta=${2:?delta file}
shift 2
jar=${JAR:-scplan-cli/target/scplan.jar}
out=$(mktemp -d)
stress-ng --cpu 2 --quiet &
stress=$!
trap 'kill $stress 2>/dev/null || true; rm -rf "$out"' EXIT
for i in $(seq 1 "$runs"); do
  java -jar "$jar" whatif - "$delta" "$@" --json-out "$out/run-$i.json" > "$out/run-$i.txt" 2>&1 || true
  python3 - "$out/run-$i.json" "$i" "$(uptime | sed 's/.*load average: //')" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
d = r["difference"]
f = lambda x: "?" if x is None else "%.2f" % x
print("run %s: %s -> %s, change %s, interval [%s, %s], %s; moved %s, off changed money %s;"
      " load %s" % (sys.argv[2], f(d["base"]), f(d["changed"]), f(d["change"]), f(d["lower"]),
                     f(d["upper"]), d["words"], r["movedOrReprogrammed"],
                     r["movesOffChangedMoney"], sys.argv[3]))
PY
done
