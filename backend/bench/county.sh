#!/usr/bin/env bash
# County scale on PostGIS: loads (or reuses) the benchmark county, then measures the p95 latency of a z14 tile and
# of the dispute layer with 50 concurrent signed-in sessions, on one instance and on two behind nginx.
# See README.md beside this file.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
DB=${DB:-pingan_county}
SIZE=${SIZE:-taojiang}            # taojiang (15 towns, 1,000,000 disputes) or small (2 towns, 5,000)
DURATION=${DURATION:-20}          # seconds per run
RUNS=${RUNS:-3}                   # runs per request kind; the median p95 is reported
SESSIONS=${SESSIONS:-50}          # concurrent connections, each request with one of as many signed-in sessions
THINK_MS=${THINK_MS:-"0 1000"}    # each session's pause between requests (ms, ±50 %); 0: back to back (saturation)
PORT_LOAD=${PORT_LOAD:-18180}
PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18182}
PORT_LB=${PORT_LB:-18183}
TWO=${TWO:-true}                  # false: one instance only
BUILD=${BUILD:-true}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}     # each instance's heap: 50 map requests in flight hold 5,000 entities each
ADMIN_PASSWORD=Bench@County-2026
USER_PASSWORD=Bench@County-2026
BENCH_USER=bench-county
JAR=$root/backend/target/backend-0.1.0-SNAPSHOT.jar
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export PINGAN_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB PINGAN_DB_USER=pingan PINGAN_DB_PASSWORD=pingan
export PINGAN_ADMIN_PASSWORD=$ADMIN_PASSWORD
psql_db() { PGPASSWORD=pingan psql -h 127.0.0.1 -U pingan -d "$DB" -Atq "$@"; }

# --- the database: made if missing (PostGIS needs a superuser once), loaded unless the county is there --------------
su postgres -c "psql -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pingan') THEN CREATE ROLE pingan LOGIN PASSWORD 'pingan'; END IF;
END \$\$;
SQL
if ! su postgres -c "psql -lqt" | cut -d'|' -f1 | grep -qw "$DB"; then
  su postgres -c "psql -q -c 'CREATE DATABASE $DB OWNER pingan'"
  su postgres -c "psql -q -d $DB -c 'CREATE EXTENSION postgis'"
fi
if [ "$BUILD" = true ]; then ./mvnw -B -q -o -DskipTests package; fi

loaded=$(psql_db -c "SELECT summary FROM geography_import WHERE dataset = 'county'" 2>/dev/null || true)
if [ -z "$loaded" ]; then
  echo "loading the county ($SIZE) into $DB ..."
  start=$(date +%s)
  java -jar "$JAR" --server.port="$PORT_LOAD" --pingan.geography.dataset=county --pingan.county.load=true \
    --pingan.county.size="$SIZE" --pingan.county.exit-after-load=true > "$work/load.log" 2>&1 \
    || { grep -E "ERROR|Exception|CountyLoad" "$work/load.log" | tail -20; exit 1; }
  grep "CountyLoad" "$work/load.log" | sed 's/.*CountyLoad *: //'
  echo "load command: $(( $(date +%s) - start )) s (including the application's start)"
else
  echo "reusing the county in $DB: $loaded"
fi

# --- instances ---------------------------------------------------------------------------------------------------
start_instance() { # port
  java $JAVA_OPTS -jar "$JAR" --server.port="$1" --pingan.geography.dataset=county > "$work/app-$1.log" 2>&1 &
  pids+=($!)
}
wait_ready() { # port
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$1/api/csrf" && return 0; sleep 1; done
  echo "instance on $1 did not start:"; tail -30 "$work/app-$1.log"; exit 1
}
sign_in() { # port user password -> prints the session cookie value
  local jar="$work/jar-$RANDOM$RANDOM"
  curl -s -c "$jar" -o /dev/null "http://127.0.0.1:$1/api/csrf"
  local token; token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
  curl -s -b "$jar" -c "$jar" -H "X-XSRF-TOKEN: $token" -o /dev/null \
    --data-urlencode "username=$2" --data-urlencode "password=$3" "http://127.0.0.1:$1/api/login"
  awk '$6 == "JSESSIONID" || $6 == "SESSION" {print $6 "=" $7}' "$jar"
  rm -f "$jar"
}
admin_post() { # port path json
  local jar="$work/admin-jar"
  curl -s -c "$jar" -o /dev/null "http://127.0.0.1:$1/api/csrf"
  local token; token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
  curl -s -b "$jar" -c "$jar" -H "X-XSRF-TOKEN: $token" -o /dev/null \
    --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" "http://127.0.0.1:$1/api/login"
  token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
  curl -s -b "$jar" -H "X-XSRF-TOKEN: $token" -H 'Content-Type: application/json' -o "$work/admin-answer" \
    -w '%{http_code}' --data "$3" "http://127.0.0.1:$1$2"
}

start_instance "$PORT_A"
wait_ready "$PORT_A"
# the county's office (TOWN_OFFICE: the whole deployment) and, to show a town-bound account, the villages of one town
status=$(admin_post "$PORT_A" /api/admin/users "{\"username\":\"$BENCH_USER\",\"displayName\":\"县综治中心（基准）\",
  \"password\":\"$USER_PASSWORD\",\"unit\":\"县综治中心\",\"roles\":[\"TOWN_OFFICE\"],\"areas\":[]}")
echo "benchmark user $BENCH_USER: HTTP $status (201 made, 409 there already)"
if [ "$status" = 401 ]; then
  echo "admin cannot sign in with PINGAN_ADMIN_PASSWORD: the database's admin was made by an earlier start without it;"
  echo "use a database this script made, or delete the admin user so that the next start makes it again"; exit 1
fi
town=$(psql_db -c "SELECT min(code) FROM town")
villages=$(psql_db -c "SELECT string_agg('\"' || code || '\"', ',' ORDER BY code) FROM village WHERE town_code = '$town'")
admin_post "$PORT_A" /api/admin/users "{\"username\":\"bench-town\",\"displayName\":\"一个镇的村干部（基准）\",
  \"password\":\"$USER_PASSWORD\",\"unit\":\"$town\",\"roles\":[\"VILLAGE_CADRE\"],\"areas\":[$villages]}" > /dev/null
town_cookie=$(sign_in "$PORT_A" bench-town "$USER_PASSWORD")
seen=$(curl -s -H "Cookie: $town_cookie" "http://127.0.0.1:$PORT_A/api/villages" | { grep -o '"code":"[0-9]*"' || true; } \
  | sort -u | wc -l)
echo "an account holding the villages of town $town sees $seen villages (the town has $(psql_db -c \
  "SELECT count(*) FROM village WHERE town_code = '$town'"), the county $(psql_db -c "SELECT count(*) FROM village"))"

# --- what is asked: z14 tiles and dispute bboxes around 2,000 random buildings (where people look) ----------------
psql_db -c "SELECT round(ST_X(c)::numeric, 6) || ' ' || round(ST_Y(c)::numeric, 6) FROM (SELECT ST_Centroid(footprint) c
  FROM building TABLESAMPLE SYSTEM (2) REPEATABLE (1) LIMIT 2000) s" > "$work/points.txt"
month_start=$(date +%Y-%m-01)
cat > "$work/bench.lua" <<LUA
-- one of the signed-in sessions per request, round robin; z14 tile of a random building; p95 in done()
local kind = os.getenv("KIND")
local sessions, points = {}, {}
for line in io.lines(os.getenv("SESSIONS_FILE")) do sessions[#sessions + 1] = line end
for line in io.lines("$work/points.txt") do
  local lng, lat = line:match("([%d.]+) ([%d.]+)")
  points[#points + 1] = { tonumber(lng), tonumber(lat) }
end
math.randomseed(1)
local n = 0
-- a session's pause before its next request, like a user looking at the map; 0: none (the machine saturated)
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end
end
local function tile(lng, lat, z)
  local scale = 2 ^ z
  local x = math.floor((lng + 180) / 360 * scale)
  local r = math.rad(lat)
  local y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * scale)
  return x, y
end
local function bounds(x, y, z)
  local scale = 2 ^ z
  local function lat(ty) return math.deg(math.atan(math.sinh(math.pi * (1 - 2 * ty / scale)))) end
  return x / scale * 360 - 180, lat(y + 1), (x + 1) / scale * 360 - 180, lat(y)
end
request = function()
  n = n + 1
  local p = points[math.random(#points)]
  local x, y = tile(p[1], p[2], 14)
  local path
  if kind == "disputes-map" then
    -- what webmap/js/layers/disputes.js asked for the whole county before it drew counts: up to 5,000 points
    path = "/api/disputes?from=$month_start&withOpen=true&limit=5000"
  elseif kind == "disputes-counts" then
    -- what it asks now with the whole county in view: this month plus every open case, counted per village
    path = "/api/disputes/clusters?from=$month_start&withOpen=true&zoom=10"
  elseif kind == "disputes-bbox" then
    local w, s, e, nn = bounds(x, y, 14)
    path = string.format("/api/disputes?from=$month_start&withOpen=true&limit=5000&bbox=%.6f,%.6f,%.6f,%.6f", w, s, e, nn)
  else
    path = string.format("/tiles/%s/14/%d/%d.mvt", kind:sub(6), x, y)
  end
  return wrk.format("GET", path, { Cookie = sessions[(n % #sessions) + 1] })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    e.status + e.connect + e.read + e.write + e.timeout, summary.requests))
end
LUA

sessions_for() { # file port...: SESSIONS sign-ins spread over the given ports (each cookie line may carry a route)
  local file=$1; shift
  : > "$file"
  local ports=("$@") i
  for i in $(seq 0 $((SESSIONS - 1))); do
    local port=${ports[$((i % ${#ports[@]}))]}
    local cookie; cookie=$(sign_in "$port" "$BENCH_USER" "$USER_PASSWORD")
    [ -n "$cookie" ] || { echo "sign-in $i on $port failed"; exit 1; }
    if [ "${STICKY:-false}" = true ]; then cookie="$cookie; route=$port"; fi
    echo "$cookie" >> "$file"
  done
}

measure() { # label port sessions-file kind [connections]
  local label=$1 port=$2 file=$3 kind=$4 conns=${5:-$SESSIONS} p95s=() line rest
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $(head -1 "$file")" \
    "http://127.0.0.1:$port$(KIND=$kind probe_path)")
  if [ "$code" != 200 ] && [ "$code" != 204 ]; then
    printf '%-32s %-16s not measured: %s answers %s\n' "$label" "$kind" "$(KIND=$kind probe_path)" "$code"; return
  fi
  THINK_MS=${THINK:-0} KIND=$kind SESSIONS_FILE=$file wrk -t"$(( conns < 2 ? 1 : 2 ))" -c"$conns" -d5s -s "$work/bench.lua" "http://127.0.0.1:$port" > /dev/null
  local cpu_before; cpu_before=$(jvm_cpu_ticks "$port") completed=0
  for _ in $(seq 1 "$RUNS"); do
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(THINK_MS=${THINK:-0} KIND=$kind SESSIONS_FILE=$file wrk -t"$(( conns < 2 ? 1 : 2 ))" -c"$conns" -d"${DURATION}s" --timeout "${DURATION}s" -s "$work/bench.lua" \
      "http://127.0.0.1:$port" | grep '^RESULT')
    read -r _ p50 p95 p99 rps errors done <<< "$line"
    if [ "$done" -le "$errors" ]; then  # e.g. all timed out: an empty histogram would read as 0 ms
      printf '%-32s %-16s no p95: as many errors as answers within %s s (%s errors)  (load average %s)\n' "$label" "$kind" \
        "$DURATION" "$errors" "$load"
      p95s+=("$((DURATION * 1000))"); continue  # at least the run's length
    fi
    printf '%-32s %-16s p50 %8s ms  p95 %8s ms  p99 %8s ms  %8s req/s  errors %s  (load average %s)\n' \
      "$label" "$kind" "$p50" "$p95" "$p99" "$rps" "$errors" "$load"
    p95s+=("$p95")
    completed=$((completed + done))
  done
  if [ "$port" != "$PORT_LB" ] && [ "$completed" -ge 20 ]; then  # the application's own CPU, whatever the load
    printf '%-32s %-16s JVM CPU %s ms per request (%s requests)\n' "$label" "$kind" \
      "$(echo "($(jvm_cpu_ticks "$port") - $cpu_before) * 1000 / $(getconf CLK_TCK) / $completed" | bc -l | xargs printf '%.1f')" \
      "$completed"
  fi
  printf '%-32s %-16s median p95 %s ms over %s runs\n' "$label" "$kind" \
    "$(printf '%s\n' "${p95s[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$RUNS"
}
jvm_cpu_ticks() { # port -> user + system CPU ticks of the instance listening there
  local pid; pid=$(ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  awk '{print $14 + $15}' "/proc/$pid/stat"
}
probe_path() {
  case $KIND in
    disputes-map) echo "/api/disputes?from=$month_start&withOpen=true&limit=5000" ;;
    disputes-counts) echo "/api/disputes/clusters?from=$month_start&withOpen=true&zoom=10" ;;
    disputes-bbox) echo "/api/disputes?from=$month_start&withOpen=true&limit=5000&bbox=111.9,28.4,111.92,28.42" ;;
    *) echo "/tiles/${KIND#tile-}/14/13478/6835.mvt" ;;
  esac
}
KINDS=${KINDS:-"tile-buildings tile-disputes disputes-map disputes-counts disputes-bbox"}
think_label() { [ "$1" = 0 ] && echo "" || echo ", think ${1}ms"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
sessions_for "$work/sessions-a" "$PORT_A"
if [ "${SERIAL:-true}" = true ]; then   # the service time without queueing: one connection
  for kind in $KINDS; do measure "one instance, 1 conn" "$PORT_A" "$work/sessions-a" "$kind" 1; done
fi
for think in $THINK_MS; do
  for kind in $KINDS; do THINK=$think measure "one instance$(think_label "$think")" "$PORT_A" "$work/sessions-a" "$kind"; done
done

if [ "$TWO" = true ]; then
  kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
  if [ -f ops/two-instances.sh ]; then
    # the stateless setup's own script: two instances against one PostGIS, nginx round robin, sessions in the database
    two() { PORT_PROXY=$PORT_LB PORT_A=$PORT_A PORT_B=$PORT_B JAR=$JAR WORK_DIR=$work/two JAVA_OPTS="$JAVA_OPTS" \
      APP_PROFILE=default APP_ARGS="--pingan.geography.dataset=county" bash ops/two-instances.sh "$1"; }
    trap 'two down > /dev/null 2>&1 || true; cleanup' EXIT
    two up
    sessions_for "$work/sessions-ab" "$PORT_LB"
  else
    # an older checkout without it: our own nginx in front of two instances; a session sticks to the instance it
    # signed in on (an nginx map on a route cookie) unless the instances share sessions
    start_instance "$PORT_A"; wait_ready "$PORT_A"
    start_instance "$PORT_B"; wait_ready "$PORT_B"
    probe=$(sign_in "$PORT_A" "$BENCH_USER" "$USER_PASSWORD")
    shared=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $probe" "http://127.0.0.1:$PORT_B/api/me")
    if [ "$shared" = 200 ]; then
      STICKY=false; upstream="upstream county { server 127.0.0.1:$PORT_A; server 127.0.0.1:$PORT_B; keepalive 64; }"
      target="http://county"
    else
      STICKY=true; upstream="map \$cookie_route \$county { default 127.0.0.1:$PORT_A; $PORT_B 127.0.0.1:$PORT_B; }"
      target="http://\$county"; echo "sessions are per instance: each session sticks to the instance it signed in on"
    fi
    cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  $upstream
  server {
    listen 127.0.0.1:$PORT_LB;
    location / { proxy_pass $target; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
  }
}
NGINX
    nginx -c "$work/nginx.conf" -p "$work"
    sessions_for "$work/sessions-ab" "$PORT_A" "$PORT_B"
  fi
  for think in $THINK_MS; do
    for kind in $KINDS; do THINK=$think measure "two behind nginx$(think_label "$think")" "$PORT_LB" "$work/sessions-ab" "$kind"; done
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
