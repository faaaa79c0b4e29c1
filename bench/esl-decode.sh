#!/usr/bin/env bash
# Event Socket decode throughput (events/s, one thread) and allocation per event (-prof gc) of a
# realistic CHANNEL_HANGUP_COMPLETE, plain and JSON, through EslFrameDecoder and EslEvent.
# Usage: bench/esl-decode.sh [JMH options...]   e.g. bench/esl-decode.sh -wi 2 -i 3 -r 2s -w 2s
# Defaults come from the annotations on EslDecodeBenchmark (2 x 2 s warmup, 3 x 2 s measurement, 1 fork).
set -euo pipefail
cd "$(dirname "$0")/.."

# Compiles the test classes (the JMH annotation processor writes the benchmark list) and writes the
# module's test classpath; nothing is installed.
./mvnw -q -pl adapters-freeswitch -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -DskipTests -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -cp "adapters-freeswitch/target/test-classes:adapters-freeswitch/target/classes:$(cat adapters-freeswitch/target/bench-classpath.txt)" \
  org.openjdk.jmh.Main 'com.cloudpbx.freeswitch.esl.codec.EslDecodeBenchmark' -prof gc "$@"
