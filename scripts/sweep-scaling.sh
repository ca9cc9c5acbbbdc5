#!/usr/bin/env bash
# Why a sweep's second thread does not double its throughput on a 2-core machine: the same local
# `scplan sweep` runs (one solver worker each, deterministic limit, so every configuration does the
# same solver work) in one JVM on 1 thread, in one JVM on 2 threads under three collectors, on 1
# and 2 threads with the C1 compiler only, and as two 1-thread JVMs side by side. For each it prints wall seconds per run (of the runs themselves,
# from summary.json, without the JVM's start) and CPU seconds per run (user + system, the whole
# JVM, its start included): CPU per run that grows with the 2nd thread is work the JVM adds
# (GC, JIT, contention); CPU per run that stays while wall time does not halve is cores the machine
# did not give. Not a test: it times things. Needs `./mvnw -B -ntp -DskipTests package`.
#   bash scripts/sweep-scaling.sh [RUNS] [DETERMINISTIC_LIMIT] [REPEATS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-40}"
limit="${2:-0.2}"
repeats="${3:-2}"
out="${OUT:-$(mktemp -d)}"
jar="$root/scplan-cli/target/scplan.jar"
mkdir -p "$out"

# One sweep: java [JVM flags] … --threads T; prints "job_wall_s cpu_s".
sweep() {
  local name="$1" threads="$2"
  shift 2
  /usr/bin/time -f "%e %U %S" -o "$out/$name.time" java "$@" -jar "$jar" sweep --runs "$runs" \
    --seed 1 --deterministic-limit "$limit" --time-limit 60s --noise-runs 0 --threads "$threads" \
    --quiet --out "$out/$name" > /dev/null
  local job
  job=$(sed -n 's/^  "wallTimeSeconds" : \([0-9.]*\),*$/\1/p' "$out/$name/summary.json")
  awk -v job="$job" '{ printf "%.2f %.2f", job, $2 + $3 }' "$out/$name.time"
}
report() {
  local label="$1" total_runs="$2" wall="$3" cpu="$4"
  awk -v l="$label" -v n="$total_runs" -v w="$wall" -v c="$cpu" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%-34s %8.3f %8.3f   (load %s)\n", l, w / n, c / n, load }'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs runs of the embedded theater at deterministic limit $limit, $repeats repeats"
printf '%-34s %8s %8s\n' configuration "wall/run" "cpu/run"
for repeat in $(seq "$repeats"); do
  read -r wall cpu <<< "$(sweep "one-$repeat" 1)"
  report "1 JVM, 1 thread (G1)" "$runs" "$wall" "$cpu"
  read -r wall cpu <<< "$(sweep "two-$repeat" 2)"
  report "1 JVM, 2 threads (G1)" "$runs" "$wall" "$cpu"
  read -r wall cpu <<< "$(sweep "two-gc1-$repeat" 2 -XX:ParallelGCThreads=1 -XX:ConcGCThreads=1)"
  report "1 JVM, 2 threads (G1, 1 GC thread)" "$runs" "$wall" "$cpu"
  read -r wall cpu <<< "$(sweep "two-serial-$repeat" 2 -XX:+UseSerialGC)"
  report "1 JVM, 2 threads (SerialGC)" "$runs" "$wall" "$cpu"
  # C1 only: the C2 compiler's work, more than half a run's CPU here, no longer competes.
  read -r wall cpu <<< "$(sweep "one-c1-$repeat" 1 -XX:TieredStopAtLevel=1)"
  report "1 JVM, 1 thread (C1 only)" "$runs" "$wall" "$cpu"
  read -r wall cpu <<< "$(sweep "two-c1-$repeat" 2 -XX:TieredStopAtLevel=1)"
  report "1 JVM, 2 threads (C1 only)" "$runs" "$wall" "$cpu"
  sweep "pair-a-$repeat" 1 > "$out/pair-a-$repeat.line" &
  sweep "pair-b-$repeat" 1 > "$out/pair-b-$repeat.line"
  wait
  # Both sweeps' runs done: the slower job's time, for twice the runs.
  read -r wall cpu <<< "$(cat "$out/pair-a-$repeat.line" "$out/pair-b-$repeat.line" \
    | awk '{ if ($1 > w) w = $1; c += $2 } END { printf "%.2f %.2f", w, c }')"
  report "2 JVMs side by side, 1 thread each" "$((2 * runs))" "$wall" "$cpu"
done
echo "results in $out"
