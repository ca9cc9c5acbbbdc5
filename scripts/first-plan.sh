#!/usr/bin/env bash
# When the first checked plan reaches the progress listener, in seconds after Allocator.allocate is
# called (issue 24): in-process (MemoryProfile, OR-Tools' natives loaded before the call, the
# scenario generated before it), on `global` seeds 1-3 and the embedded theater, RUNS times each,
# with the one-minute load average before each run and the CPU time the process had used by the first
# plan (all threads, JIT compilers included). Wall-clock figures: on a loaded machine they are
# upper bounds, so read them beside the load.
# Usage: bash scripts/first-plan.sh [RUNS] [SECONDS]   (defaults: 3 runs, 10-s solves)
# CP overrides the class path (default: scplan-benchmarks/target/scplan-benchmarks.jar, from
# ./mvnw -B -ntp -DskipTests package).
set -eu
cd "$(dirname "$0")/.."
runs="${1:-3}"
seconds="${2:-10}"
cp="${CP:-scplan-benchmarks/target/scplan-benchmarks.jar}"
for scenario in "global 1" "global 2" "global 3" "embedded 0"; do
  read -r preset seed <<<"$scenario"
  for ((run = 1; run <= runs; run++)); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(java -cp "$cp" org.scplan.benchmarks.MemoryProfile --preset "$preset" --seed "$seed" \
      --time-limit "$seconds" --workers 2 --no-stages | grep '^first plan' || echo 'no plan reported')
    echo "$preset seed $seed run $run, load $load: $line"
  done
done
