#!/usr/bin/env bash
# Vector tiles, GeoJSON and locate on loopback, in one go (see README.md beside this file):
#   - the API on PostGIS against the raw PostGIS query doing the same work (pgbench, prepared statements);
#   - the API against MapServer 8 serving the same tables (WFS GetFeature GeoJSON, WMS GetMap MVT; FastCGI + nginx);
#   - the API on the embedded H2GIS against the API on PostGIS, for the same requests;
#   - bulk geo-tagging of 1,000,000 points to grids (JMH, GridTaggingBenchmarks).
# Each measurement is taken RUNS times, interleaved; the median and the spread (min–max) are printed.
# Needs: wrk, pgbench, nginx, spawn-fcgi, mapserver-bin + cgi-mapserver (Debian), a PostgreSQL 15 + PostGIS on
# 127.0.0.1:5432 with a role pingan/pingan (created if missing; the script runs as root, as .ci/run does).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
RUNS=${RUNS:-3}
PORT=${PORT:-18080}         # the application on PostGIS
H2_PORT=${H2_PORT:-18081}   # the application on H2GIS
MADE_PORT=${MADE_PORT:-18083} # the application on PostGIS keeping no tiles (each made per request)
MS_PORT=${MS_PORT:-18082}   # MapServer behind nginx
BENCH_USER=${BENCH_USER:-zongzhiban}
DB=${BENCH_DB:-pingan_bench}
H2_DATA=${H2_DATA:-}        # a folder to keep the embedded database in between runs (default: a fresh one)
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -f "$work/fcgi.pid" ] && kill -9 $(cat "$work/fcgi.pid") 2>/dev/null || true  # one pid per line; mapserv ignores TERM
  rm -rf "$work"
}
trap cleanup EXIT

su postgres -c "psql -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pingan') THEN CREATE ROLE pingan LOGIN PASSWORD 'pingan'; END IF;
END \$\$;
SQL
if ! su postgres -c "psql -lqt" | cut -d'|' -f1 | grep -qw "$DB"; then
  su postgres -c "psql -q -c 'CREATE DATABASE $DB OWNER pingan'"
  su postgres -c "psql -q -d $DB -c 'CREATE EXTENSION postgis'"
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -o -DskipTests install
fi
PINGAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB PINGAN_DB_USER=pingan PINGAN_DB_PASSWORD=pingan \
  java -jar backend/target/backend-0.1.0-SNAPSHOT.jar --server.port="$PORT" --spring.profiles.active=demo \
  > "$work/app-postgis.log" 2>&1 &
pids+=($!)
for port in "$PORT"; do  # the first instance migrates and imports; the second on PostGIS starts after it
  for _ in $(seq 1 1200); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/csrf" && break; sleep 1; done
done
PINGAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB PINGAN_DB_USER=pingan PINGAN_DB_PASSWORD=pingan \
  java -jar backend/target/backend-0.1.0-SNAPSHOT.jar --server.port="$MADE_PORT" --spring.profiles.active=demo \
  --pingan.tiles.kept-megabytes=0 > "$work/app-made.log" 2>&1 &
pids+=($!)
java -jar backend/target/backend-0.1.0-SNAPSHOT.jar --server.port="$H2_PORT" --spring.profiles.active=demo \
  --spring.datasource.url="jdbc:h2:file:${H2_DATA:-$work/h2}/pingan-grid" > "$work/app-h2gis.log" 2>&1 &
pids+=($!)

# MapServer 8: a config file naming the mapfile, mapserv under spawn-fcgi, nginx in front
sed -e "s/@DB@/$DB/" -e "s/@PORT@/$MS_PORT/" backend/bench/mapserver/pingan.map.in > "$work/pingan.map"
cat > "$work/mapserver.conf" <<CONF
CONFIG
  MAPS
    PINGAN "$work/pingan.map"
  END
END
CONF
MAPSERVER_CONFIG_FILE="$work/mapserver.conf" spawn-fcgi -s "$work/mapserv.sock" -M 0666 -F 2 -P "$work/fcgi.pid" \
  -- /usr/lib/cgi-bin/mapserv > /dev/null
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body;
  fastcgi_temp_path $work/nginx-fastcgi;
  server {
    listen 127.0.0.1:$MS_PORT;
    location /ms {
      include /etc/nginx/fastcgi_params;
      fastcgi_pass unix:$work/mapserv.sock;
    }
  }
}
CONF
nginx -c "$work/nginx.conf"

for port in "$PORT" "$H2_PORT" "$MADE_PORT"; do  # a first start imports the town (and demo data): minutes on a loaded machine
  for _ in $(seq 1 1200); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/csrf" && break; sleep 1; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/api/csrf" || { tail -20 "$work"/app-*.log >&2; exit 1; }
done

# sign in, as the page does; requests then carry both cookies, as a browser's do
sign_in() {
  local port=$1 jar="$work/jar-$1"
  curl -s -c "$jar" -o /dev/null "http://127.0.0.1:$port/api/csrf"
  local token
  token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
  curl -s -b "$jar" -c "$jar" -H "X-XSRF-TOKEN: $token" -o /dev/null \
    --data "username=$BENCH_USER&password=Demo@2026" "http://127.0.0.1:$port/api/login"
  echo "JSESSIONID=$(awk '$6 == "JSESSIONID" {print $7}' "$jar"); XSRF-TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")"
}
session_pg=$(sign_in "$PORT")
session_h2=$(sign_in "$H2_PORT")
session_made=$(sign_in "$MADE_PORT")

# the middle of the town: tile ranges at z16 (buildings) and z14 (roads) over lng 111.80–111.89, lat 28.42–28.47
tile_x() { awk -v lng="$1" -v z="$2" 'BEGIN { printf "%d", int((lng + 180) / 360 * 2^z) }'; }
tile_y() { awk -v lat="$1" -v z="$2" 'BEGIN { r = lat * 3.141592653589793 / 180;
  printf "%d", int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * 2^z) }'; }
bx0=$(tile_x 111.80 16); bx1=$(tile_x 111.89 16); by0=$(tile_y 28.47 16); by1=$(tile_y 28.42 16)
rx0=$(tile_x 111.80 14); rx1=$(tile_x 111.89 14); ry0=$(tile_y 28.47 14); ry1=$(tile_y 28.42 14)

lua_tile() { # name layer z x0 x1 y0 y1 format(api|ms)
  cat > "$work/$1.lua" <<LUA
math.randomseed(1)
local H = 20037508.342789244
request = function()
  local x = math.random($4, $5)
  local y = math.random($6, $7)
  if "$8" == "api" then
    return wrk.format("GET", string.format("/tiles/$2/$3/%d/%d.mvt", x, y))
  end
  local size = 2 * H / 2^$3
  local minx, maxy = -H + x * size, H - y * size
  return wrk.format("GET", string.format("/ms?map=PINGAN&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=$2"
    .. "&STYLES=&CRS=EPSG:3857&BBOX=%.3f,%.3f,%.3f,%.3f&WIDTH=256&HEIGHT=256"
    .. "&FORMAT=application/vnd.mapbox-vector-tile", minx, maxy - size, minx + size, maxy))
end
LUA
}
lua_tile tile_buildings buildings 16 "$bx0" "$bx1" "$by0" "$by1" api
lua_tile tile_roads roads 14 "$rx0" "$rx1" "$ry0" "$ry1" api
lua_tile ms_mvt_buildings buildings 16 "$bx0" "$bx1" "$by0" "$by1" ms
cat > "$work/buildings.lua" <<LUA
math.randomseed(1)
request = function()
  local lng = 111.80 + math.random() * 0.09
  local lat = 28.42 + math.random() * 0.05
  return wrk.format("GET", string.format("/api/buildings?bbox=%.6f,%.6f,%.6f,%.6f", lng, lat, lng + 0.01, lat + 0.01))
end
LUA
cat > "$work/ms_wfs_buildings.lua" <<LUA
math.randomseed(1)
request = function()
  local lng = 111.80 + math.random() * 0.09
  local lat = 28.42 + math.random() * 0.05
  return wrk.format("GET", string.format("/ms?map=PINGAN&SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature"
    .. "&TYPENAME=buildings&OUTPUTFORMAT=geojson&MAXFEATURES=2001&BBOX=%.6f,%.6f,%.6f,%.6f",
    lng, lat, lng + 0.01, lat + 0.01))
end
LUA
cat > "$work/locate.lua" <<LUA
math.randomseed(1)
request = function()
  local lng = 111.80 + math.random() * 0.10
  local lat = 28.42 + math.random() * 0.06
  return wrk.format("GET", string.format("/api/locate?lng=%.6f&lat=%.6f", lng, lat))
end
LUA

# the floor of any signed-in request: the session read from the database and a few bytes of JSON, no query
cat > "$work/me.lua" <<'LUA'
request = function() return wrk.format("GET", "/api/me") end
LUA

# the raw PostGIS statements doing the same work
cat > "$work/tile_buildings.sql" <<SQL
\set x random($bx0, $bx1)
\set y random($by0, $by1)
SELECT ST_AsMVT(t, 'buildings', 4096, 'mvt_geom') FROM (
  SELECT ST_AsMVTGeom(ST_Transform(b.footprint, 3857), ST_TileEnvelope(16, :x, :y), 4096, 64, true) AS mvt_geom,
         b.code, b.building_use AS use, b.floors
  FROM building b
  WHERE b.footprint && ST_Transform(ST_TileEnvelope(16, :x, :y, margin => 64.0 / 4096), 4326)) t;
SQL
cat > "$work/tile_roads.sql" <<SQL
\set x random($rx0, $rx1)
\set y random($ry0, $ry1)
SELECT ST_AsMVT(t, 'roads', 4096, 'mvt_geom', 'mvt_id') FROM (
  SELECT ST_AsMVTGeom(ST_Transform(r.geom, 3857), ST_TileEnvelope(14, :x, :y), 4096, 64, true) AS mvt_geom,
         r.id AS mvt_id, r.road_class AS "roadClass", r.name, r.ref
  FROM road r
  WHERE r.geom && ST_Transform(ST_TileEnvelope(14, :x, :y, margin => 64.0 / 4096), 4326)) t;
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

# one measurement: requests (or transactions) per second
http_rate() { # port session script
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Cookie: $2" -s "$work/$3.lua" "http://127.0.0.1:$1" \
    | awk '/Requests\/sec/ {print $2}'
}
sql_rate() {
  PGPASSWORD=pingan pgbench -n -M prepared -h 127.0.0.1 -U pingan -c"$CONNECTIONS" -j2 -T"$DURATION" \
    -f "$work/$1.sql" "$DB" 2>/dev/null | awk '/^tps/ {print $3}'
}
ms_rate() {
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$work/$1.lua" "http://127.0.0.1:$MS_PORT" \
    | awk '/Requests\/sec/ {print $2}'
}
# the pairs: name, what the API does, what it is compared with
declare -A results
measure() { # key command...
  local key=$1
  shift
  results[$key]="${results[$key]:-} $("$@")"
}
check() { # a request must answer 200 before it is measured
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  [ "$code" = 200 ] || { echo "not 200 ($code): $*" >&2; exit 1; }
}
check -H "Cookie: $session_pg" "http://127.0.0.1:$PORT/tiles/buildings/16/$bx0/$by0.mvt"
check "http://127.0.0.1:$MS_PORT/ms?map=PINGAN&SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature&TYPENAME=buildings&OUTPUTFORMAT=geojson&MAXFEATURES=1&BBOX=111.8,28.42,111.81,28.43"

DURATION=3 http_rate "$PORT" "$session_pg" me > /dev/null
for name in tile_buildings tile_roads buildings locate; do  # warm-up: JIT, pools, caches
  DURATION=3 http_rate "$PORT" "$session_pg" "$name" > /dev/null
  DURATION=3 http_rate "$H2_PORT" "$session_h2" "$name" > /dev/null
done
for name in tile_buildings tile_roads; do
  DURATION=3 http_rate "$MADE_PORT" "$session_made" "$name" > /dev/null
done
DURATION=3 ms_rate ms_mvt_buildings > /dev/null
for run in $(seq 1 "$RUNS"); do
  echo "run $run of $RUNS…" >&2
  for name in tile_buildings tile_roads buildings locate; do
    measure "api_$name" http_rate "$PORT" "$session_pg" "$name"
    measure "h2_$name" http_rate "$H2_PORT" "$session_h2" "$name"
    measure "sql_$name" sql_rate "$name"
  done
  for name in tile_buildings tile_roads; do
    measure "made_$name" http_rate "$MADE_PORT" "$session_made" "$name"
  done
  measure api_me http_rate "$PORT" "$session_pg" me
  measure ms_wfs_buildings ms_rate ms_wfs_buildings
  measure ms_mvt_buildings ms_rate ms_mvt_buildings
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
spread() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f–%.0f", lo, hi }'; }
row() { # label ours theirs goal
  local a b
  a=$(echo "${results[$2]}" | median)
  b=$(echo "${results[$3]}" | median)
  printf '| %s | %.0f (%s) | %.0f (%s) | %.2f (≥ %s) |\n' "$1" "$a" "$(echo "${results[$2]}" | spread)" "$b" \
    "$(echo "${results[$3]}" | spread)" "$(echo "$a / $b" | bc -l)" "$4"
}
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ${RUNS} runs of ${DURATION} s, ${CONNECTIONS} connections; median (min–max)"
echo
echo '| benchmark | ours, req/s | compared with, req/s (tps) | ratio (goal) |'
echo '|---|---|---|---|'
row 'buildings tile z16 (kept) vs raw ST_AsMVT' api_tile_buildings sql_tile_buildings 0.8
row 'roads tile z14 (kept) vs raw ST_AsMVT' api_tile_roads sql_tile_roads 0.8
row 'buildings tile z16 made per request vs raw ST_AsMVT' made_tile_buildings sql_tile_buildings 0.8
row 'roads tile z14 made per request vs raw ST_AsMVT' made_tile_roads sql_tile_roads 0.8
row 'buildings in a 0.01° box, GeoJSON, vs raw SQL' api_buildings sql_buildings 0.8
row 'locate vs raw SQL' api_locate sql_locate 0.5
row 'the floor, a signed-in GET /api/me, vs raw ST_AsMVT z16' api_me sql_tile_buildings 0.8
row 'the floor, a signed-in GET /api/me, vs raw locate SQL' api_me sql_locate 0.5
row 'the floor, a signed-in GET /api/me, vs MapServer WMS MVT' api_me ms_mvt_buildings 8
row 'buildings tile z16 (kept) vs MapServer WMS MVT' api_tile_buildings ms_mvt_buildings 8
row 'buildings tile z16 made per request vs MapServer WMS MVT' made_tile_buildings ms_mvt_buildings 8
row 'buildings GeoJSON vs MapServer WFS GetFeature' api_buildings ms_wfs_buildings 8
row 'H2GIS vs PostGIS: buildings tile z16' h2_tile_buildings api_tile_buildings 0.33
row 'H2GIS vs PostGIS: roads tile z14' h2_tile_roads api_tile_roads 0.33
row 'H2GIS vs PostGIS: buildings GeoJSON' h2_buildings api_buildings 0.33
row 'H2GIS vs PostGIS: locate' h2_locate api_locate 0.33

if [ "${SKIP_JMH:-0}" != 1 ]; then
  echo
  ./mvnw -B -q -o -pl backend test-compile
  ./mvnw -B -q -o -pl backend dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/backend/target/bench.cp"
  java -cp "backend/target/test-classes:backend/target/classes:$(cat backend/target/bench.cp)" \
    cn.pingangrid.area.GridTaggingBenchmarks 2>&1 | grep -E '^(Benchmark|GridTagging)'
fi
