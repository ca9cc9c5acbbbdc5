#!/usr/bin/env bash
# Where a solve's memory goes (issue 24): the resident set, the Java heap and the JVM's own native
# memory (Native Memory Tracking) after each stage of the allocator, then the resident set over a
# whole allocation sampled every 100 ms, its peak and the time of the first plan reported.
# Usage: bash scripts/memory-profile.sh [PRESET] [SEED] [SECONDS] [WORKERS] [JVM options...]
#   (defaults: global 1 60 2; no JVM options = the JVM's default heap, governed toward 384 MiB
#   as `java -jar scplan.jar` runs; HEAP_GOVERNOR=no leaves it to G1 alone)
# e.g. bash scripts/memory-profile.sh global 1 60 2 -Xmx1g
#      HEAP_GOVERNOR=no bash scripts/memory-profile.sh global 1 60 2
# Needs the jar: ./mvnw -B -ntp -DskipTests package. Prints `uptime` first: the figures are the
# machine's under that load.
set -eu
cd "$(dirname "$0")/.."
preset="${1:-global}"
seed="${2:-1}"
seconds="${3:-60}"
workers="${4:-2}"
shift $(($# < 4 ? $# : 4))
uptime
exec java -XX:NativeMemoryTracking=summary "$@" \
  -cp scplan-benchmarks/target/scplan-benchmarks.jar org.scplan.benchmarks.MemoryProfile \
  --preset "$preset" --seed "$seed" --time-limit "$seconds" --workers "$workers" \
  "--$([ "${HEAP_GOVERNOR:-yes}" = no ] && echo no- || true)heap-governor"
