#!/usr/bin/env bash
# FreeSWITCH's dialplan lookups (POST /freeswitch/dialplan) for random DIDs of a tenant with 1,000
# DIDs, 200 ring groups and 50 schedules, from 200 concurrent clients: requests/s, latency
# percentiles and the database work done per lookup.
# Usage: bench/dialplan.sh [clients=200] [seconds=20] [warmup-seconds=10] [idle-seconds=5] [dids=1000]
#        [groups=200] [members=10] [schedules=50] [extensions=2000]
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
exec "$JAVA" -Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
  com.cloudpbx.app.bench.DialplanBenchmark "$@"
