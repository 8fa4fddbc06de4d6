#!/usr/bin/env bash
# Patrol benchmarks (not in CI): planning for 50 and 200 candidate stops, tour length against pgRouting's pgr_TSP on
# the same cost matrix, and a town-wide plan for 17 officers. See backend/bench/README.md.
#   PINGAN_BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/pingan_bench PINGAN_BENCH_DB_USER=pingan \
#   PINGAN_BENCH_DB_PASSWORD=pingan bash backend/bench/patrol-bench.sh
# The database needs `CREATE EXTENSION pgrouting` (Debian: postgresql-15-pgrouting), created by a superuser.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl backend -am -DskipTests test-compile install >/dev/null
./mvnw -B -q -pl backend dependency:build-classpath -Dmdep.outputFile=backend/target/bench-classpath.txt >/dev/null
java -cp "backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)" \
  cn.pingangrid.patrol.internal.PatrolBenchmark
