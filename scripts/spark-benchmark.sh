#!/usr/bin/env bash
# Throughput of the Spark sweep job in local[1] and local[2] against the local `scplan sweep` on
# one and two threads, on the same runs, and a run-by-run check that all four agree (status, risk
# reduced to 6 decimals, funded options). Not a test: it times things. Needs the built jars:
#   ./mvnw -B -ntp -DskipTests package
#   bash scripts/spark-benchmark.sh [RUNS] [DETERMINISTIC_LIMIT] [SCENARIO.json|embedded]
# Prints one line per configuration and the ratios; results stay in $OUT (default a temp dir).
# JAVA_FLAGS (e.g. -XX:TieredStopAtLevel=1) go to every JVM: the local sweeps' and Spark's driver.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-200}"
limit="${2:-0.2}"
scenario="${3:-embedded}"
out="${OUT:-$(mktemp -d)}"
# Both without the noise floor's solves, so the timings compare the same runs; both start every run
# from the base plan, solved once first (in the timings: it is part of each sweep).
common=(--runs "$runs" --seed 1 --deterministic-limit "$limit" --noise-runs 0)
local_scenario=()
[ "$scenario" != embedded ] && local_scenario=("$scenario")

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# The job's own time (first run started to last run done), from summary.json.
job_seconds() { sed -n 's/^  "wallTimeSeconds" : \([0-9.]*\),*$/\1/p' "$1/summary.json" | awk '{ printf "%.1f", $1 }'; }
# run,status,risk reduced (6 decimals),funded options, from the local runs.csv or Spark's CSV.
digest() { awk -F, '/^[0-9]+,[A-Z_]+,/ { printf "%s,%s,%.6f,%s\n", $1, $2, $3, $6 }' "$@" | sort -t, -k1,1n; }

echo "JVM flags: ${JAVA_FLAGS:-none}; machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs of $scenario at deterministic limit $limit"
declare -A total job
for threads in 1 2; do
  start=$(now)
  java ${JAVA_FLAGS:-} -jar "$root/scplan-cli/target/scplan.jar" sweep "${local_scenario[@]}" "${common[@]}" \
    --time-limit 60s --threads "$threads" --quiet --out "$out/local-$threads" > /dev/null
  total[local-$threads]=$(seconds "$start" "$(now)")
  job[local-$threads]=$(job_seconds "$out/local-$threads")
done
for cores in 1 2; do
  start=$(now)
  SPARK_DRIVER_JAVA_OPTIONS="${JAVA_FLAGS:-} ${SPARK_DRIVER_JAVA_OPTIONS:-}" \
    bash "$root/scripts/spark-submit.sh" --master "local[$cores]" --conf spark.ui.enabled=false \
    "$root/scplan-spark/target/scplan-spark.jar" sweep "$scenario" "${common[@]}" \
    --time-limit 60 --format csv --out "$out/spark-$cores" > "$out/spark-$cores.log" 2>&1
  total[spark-$cores]=$(seconds "$start" "$(now)")
  job[spark-$cores]=$(job_seconds "$out/spark-$cores")
done

digest "$out/local-1/runs.csv" > "$out/local-1.digest"
for other in local-2 spark-1 spark-2; do
  if [ "${other%%-*}" = spark ]; then
    digest "$out/$other"/runs/part-*.csv > "$out/$other.digest"
  else
    digest "$out/$other/runs.csv" > "$out/$other.digest"
  fi
  if cmp -s "$out/local-1.digest" "$out/$other.digest"; then
    echo "$other: all $runs runs equal to local-1"
  else
    echo "$other: DIFFERS from local-1 (diff $out/local-1.digest $out/$other.digest)"
  fi
done

printf '%-8s %12s %10s %12s\n' config "command s" "job s" "job s/run"
for c in local-1 local-2 spark-1 spark-2; do
  printf '%-8s %12s %10s %12s\n' "$c" "${total[$c]}" "${job[$c]}" \
    "$(awk -v s="${job[$c]}" -v n="$runs" 'BEGIN { printf "%.3f", s / n }')"
done
awk -v l1="${job[local-1]}" -v l2="${job[local-2]}" -v s1="${job[spark-1]}" -v s2="${job[spark-2]}" \
  -v t1="${total[local-1]}" -v ts1="${total[spark-1]}" -v n="$runs" 'BEGIN {
  printf "speed-up local[2] over local[1]: %.2fx (local sweep 2 threads over 1: %.2fx)\n", s1 / s2, l1 / l2
  printf "Spark per run over the local sweep per run: local[1] %.3f, local[2] %.3f\n", s1 / l1, s2 / l2
  printf "Spark overhead per run (local[1] job - local 1 thread, over runs): %.3f s; whole commands: %.3f s\n", (s1 - l1) / n, (ts1 - t1) / n
}'
echo "results in $out"
