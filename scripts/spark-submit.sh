#!/usr/bin/env bash
# spark-submit without a Spark installation: runs Spark's own SparkSubmit from the Maven Central
# artifacts of the Spark scplan is built with (scplan-spark/spark-local/pom.xml), with the JDK 17
# flags that Spark's launcher would add. Takes spark-submit's arguments, e.g.
#   bash scripts/spark-submit.sh --master 'local[2]' scplan-spark/target/scplan-spark.jar \
#     sweep embedded --runs 200 --out /tmp/sweep
# Where Spark is installed (a cluster, a Spark distribution), use its spark-submit instead.
# Extra Maven arguments for fetching the jars (e.g. -Dmaven.repo.local=...) go in SCPLAN_MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jars="$root/scplan-spark/target/spark-local/jars"
if [ ! -d "$jars" ]; then
  # shellcheck disable=SC2086
  "$root/mvnw" -B -ntp ${SCPLAN_MAVEN_ARGS:-} -f "$root/scplan-spark/spark-local/pom.xml" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$jars" >&2
fi
# The flags of Spark's JavaModuleOptions, kept once in scplan-spark/pom.xml (spark.jdk17.options).
flags="$(sed -n 's:.*<spark.jdk17.options>\(.*\)</spark.jdk17.options>.*:\1:p' "$root/scplan-spark/pom.xml")"
# shellcheck disable=SC2086
exec java $flags ${SPARK_DRIVER_JAVA_OPTIONS:-} -cp "$jars/*" org.apache.spark.deploy.SparkSubmit "$@"
