#!/usr/bin/env bash
# JMH: the hotspot kernels (KDE, Gi* on hexagons) against binning the same points in PostGIS, in one run.
# PostGIS side: PINGAN_BENCH_DB_URL / _USER / _PASSWORD (a database with the postgis extension; a scratch table
# hotspot_bench_points is created and dropped). Without them the PostGIS benchmarks measure nothing (0).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl backend -am -DskipTests -Dmaven.test.skip=false test-compile
./mvnw -B -q -pl backend dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/backend/target/bench.cp"
java -cp "backend/target/test-classes:backend/target/classes:$(cat backend/target/bench.cp)" \
  cn.pingangrid.hotspot.internal.HotspotBenchmarks "$@"
