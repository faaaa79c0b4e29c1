#!/usr/bin/env bash
# Call throughput and events-socket latency of the real server on the simulated switch.
# Usage: bench/calls.sh [rate=20] [seconds=20] [extensions=40] [clients=100] [hold-ms=300] [answer-ms=20] [nodes=1] [redis=0]
set -euo pipefail
cd "$(dirname "$0")/.."

# Compiles the test classes and writes the app module's test classpath (sibling modules resolve to
# their target/ directories because they are built in the same reactor run; nothing is installed).
# The dependency plugin is named in full so that offline builds need no plugin-prefix metadata.
./mvnw -q -pl app -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -DskipTests -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx1g -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
  com.cloudpbx.app.bench.CallThroughputBenchmark "$@"
