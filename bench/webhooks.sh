#!/usr/bin/env bash
# Webhook delivery on the real server (fresh embedded database, a receiver in the same process):
#   mode=throughput: deliveries per second of a burst, event-to-receipt latency (p50, p99, max) at a paced
#                    rate below saturation, and the attempts' durations, beside the
#                    receiver's own ceiling (the same bodies posted straight to it);
#   mode=kill:       a server process taking sandbox calls is killed with kill -9 half-way; prints the
#                    deliveries stored, received by the receiver afterwards (from the node left) and lost.
# Usage: bench/webhooks.sh [mode=throughput|kill] [events=20000] [producers=4] [per-webhook=16] [rate=300] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl app -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -DskipTests -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx1g -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
  com.cloudpbx.app.bench.WebhookBenchmark "$@"
