#!/usr/bin/env bash
# Routing decision latency (JMH, sampled): InboundRouter.route over the plan of a tenant with 1,000
# DIDs, 200 ring groups, 50 schedules and 2,000 extensions, a random DID, caller and instant each time.
# Usage: bench/routing.sh [JMH options...]   e.g. bench/routing.sh -wi 5 -i 10 -prof gc
# Defaults come from the annotations on RoutingBenchmark (3 x 1 s warmup, 5 x 1 s measurement, 1 fork);
# the last line printed is the p50/p99/p99.9 in microseconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Compiles the test classes (the JMH annotation processor writes the benchmark list) and writes the
# app module's test classpath; nothing is installed.
./mvnw -q -pl app -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -DskipTests -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
  com.cloudpbx.app.bench.RoutingBenchmark "$@"
