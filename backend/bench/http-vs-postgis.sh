#!/usr/bin/env bash
# The API against the raw PostGIS query doing the same work, on loopback (see README.md beside this file).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-18080}
# who signs in: the town office sees the whole town (no scope condition); a village cadre (cunganbu) measures
# the cost of the area scope in every query
BENCH_USER=${BENCH_USER:-zongzhiban}
DB=pingan_bench
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

su postgres -c "psql -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pingan') THEN CREATE ROLE pingan LOGIN PASSWORD 'pingan'; END IF;
END \$\$;
SQL
if ! su postgres -c "psql -lqt" | cut -d'|' -f1 | grep -qw "$DB"; then
  su postgres -c "psql -q -c 'CREATE DATABASE $DB OWNER pingan'"
  su postgres -c "psql -q -d $DB -c 'CREATE EXTENSION postgis'"
fi

./mvnw -B -q -o -DskipTests package
PINGAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB PINGAN_DB_USER=pingan PINGAN_DB_PASSWORD=pingan \
  java -jar backend/target/backend-0.1.0-SNAPSHOT.jar --server.port="$PORT" --spring.profiles.active=demo \
  > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/csrf" && break; sleep 1; done

# sign in, as the page does; requests then carry both cookies, as a browser's do
curl -s -c "$work/jar" -o /dev/null "http://127.0.0.1:$PORT/api/csrf"
token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$work/jar")
curl -s -b "$work/jar" -c "$work/jar" -H "X-XSRF-TOKEN: $token" -o /dev/null \
  --data "username=$BENCH_USER&password=Demo@2026" "http://127.0.0.1:$PORT/api/login"
cookies="JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$work/jar"); XSRF-TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$work/jar")"

# the same random points and boxes on both sides: the middle of the town, where most points hit a grid
cat > "$work/locate.lua" <<LUA
math.randomseed(1)
request = function()
  local lng = 111.80 + math.random() * 0.10
  local lat = 28.42 + math.random() * 0.06
  return wrk.format("GET", string.format("/api/locate?lng=%.6f&lat=%.6f", lng, lat))
end
LUA
cat > "$work/buildings.lua" <<LUA
math.randomseed(1)
request = function()
  local lng = 111.80 + math.random() * 0.09
  local lat = 28.42 + math.random() * 0.05
  return wrk.format("GET", string.format("/api/buildings?bbox=%.6f,%.6f,%.6f,%.6f", lng, lat, lng + 0.01, lat + 0.01))
end
LUA
cat > "$work/locate.sql" <<'SQL'
\set x random(0, 100000)
\set y random(0, 60000)
SELECT g.code, g.name, v.code, v.name, v.kind,
       (SELECT b.code FROM building b WHERE ST_Intersects(b.footprint, p.pt) ORDER BY b.code LIMIT 1)
FROM (SELECT ST_SetSRID(ST_MakePoint(111.80 + :x / 1000000.0, 28.42 + :y / 1000000.0), 4326) AS pt) p
JOIN grid g ON ST_Intersects(g.boundary, p.pt)
JOIN village v ON v.code = g.village_code
ORDER BY g.code LIMIT 1;
SQL
cat > "$work/buildings.sql" <<'SQL'
\set x random(0, 90000)
\set y random(0, 50000)
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f), '[]'::json))
FROM (SELECT json_build_object('type', 'Feature', 'id', b.code, 'geometry', ST_AsGeoJSON(b.footprint, 7)::json,
             'properties', json_build_object('code', b.code, 'gridCode', b.grid_code, 'use', b.building_use,
                                             'floors', b.floors)) AS f
      FROM building b
      WHERE ST_Intersects(b.footprint, ST_MakeEnvelope(111.80 + :x / 1000000.0, 28.42 + :y / 1000000.0,
                                                       111.81 + :x / 1000000.0, 28.43 + :y / 1000000.0, 4326))
      ORDER BY b.code LIMIT 2001) AS rows;
SQL

rate_http() {
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Cookie: $cookies" -s "$work/$1.lua" \
    "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {print $2}'
}
rate_sql() {
  PGPASSWORD=pingan pgbench -n -M prepared -h 127.0.0.1 -U pingan -c"$CONNECTIONS" -j2 -T"$DURATION" \
    -f "$work/$1.sql" "$DB" 2>/dev/null | awk '/^tps/ {print $3}'
}

printf '%-10s %14s %16s %8s\n' benchmark "HTTP req/s" "PostGIS tps" ratio
for name in locate buildings; do
  rate_http "$name" > /dev/null   # warm-up: JIT and connection pool
  http=$(rate_http "$name")
  sql=$(rate_sql "$name")
  printf '%-10s %14s %16s %8.2f\n' "$name" "$http" "$sql" "$(echo "$http / $sql" | bc -l)"
done
