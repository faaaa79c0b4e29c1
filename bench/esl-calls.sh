#!/usr/bin/env bash
# End-to-end call throughput: a fake FreeSWITCH plays complete calls over the Event Socket into live
# state and call records in PostgreSQL; reports the sustained rate, the hangup-to-commit lag and
# whether every call has exactly one record.
# Usage: bench/esl-calls.sh [rate=2000] [seconds=30] [dial-ms=20] [answer-ms=200] [hold-ms=1000] [drain-seconds=30]
# JVM options (a flight recording, for instance) go in BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

# Compiles the test classes and writes the app module's test classpath (sibling modules resolve to
# their target/ directories because they are built in the same reactor run; nothing is installed).
./mvnw -q -pl app -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -DskipTests -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086
exec "$JAVA" -Xms2g -Xmx2g ${BENCH_JAVA_OPTS:-} \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
  com.cloudpbx.app.bench.EslCallsBenchmark "$@"
