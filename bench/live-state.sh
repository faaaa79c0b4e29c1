#!/usr/bin/env bash
# The same mix of live-state operations (put, find, list of a tenant, park claim and release, trail
# save and find, removal) against the in-memory adapters and the Redis adapters in one run: ops/s
# and latency percentiles per adapter set and per operation.
# Usage: bench/live-state.sh [seconds=10] [warmup-seconds=3] [threads=1] [tenants=20] [live=400]
# Redis: VOIP_TEST_REDIS_URL, else 127.0.0.1:6379, else a redis-server started for the run (as the tests find it).
# JVM options go in BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."

# Compiles the test classes and writes the adapters-storage module's test classpath (core resolves
# to its target/ directory because it is built in the same reactor run; nothing is installed).
./mvnw -q -pl adapters-storage -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -DskipTests -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086
exec "$JAVA" -Xms512m -Xmx512m ${BENCH_JAVA_OPTS:-} \
  -cp "adapters-storage/target/test-classes:adapters-storage/target/classes:$(cat adapters-storage/target/bench-classpath.txt)" \
  com.cloudpbx.storage.bench.LiveStateBenchmark "$@"
