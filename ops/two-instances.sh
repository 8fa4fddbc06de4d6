#!/usr/bin/env bash
# Two instances of Pingan Grid behind nginx (round robin) on loopback, against one PostGIS database.
#
#   ops/two-instances.sh check   start everything, demonstrate, stop; prints a PASS/FAIL summary (the default)
#   ops/two-instances.sh up      start both instances and nginx, print the URLs, leave them running
#   ops/two-instances.sh down    stop them: the instances by TERM (KILL after 30 s), nginx by quit
#
# What `check` demonstrates (docs/decisions/two-instances.md):
#   1. a sensitive report registered on instance A reaches town-office event streams (curl as the browser's
#      EventSource) connected to instance B directly and through nginx;
#   2. registrations with an Idempotency-Key sent through nginx by LOAD_WORKERS clients for LOAD_SECONDS, with
#      instance A killed (kill -9) a third of the way in: every acknowledged registration is in the database, none
#      twice (a client resends a failed request with the same key, as the map's offline queue does);
#   3. the session signed in before the kill still works on the surviving instance, directly and through nginx.
#
# Settings (environment variables; the defaults in brackets):
#   PINGAN_DB_URL [jdbc:postgresql://127.0.0.1:5432/pingan_two]  made, with PostGIS, if missing and run as root
#   PINGAN_DB_USER [pingan]  PINGAN_DB_PASSWORD [pingan]
#   PORT_PROXY [18200]  PORT_A [18201]  PORT_B [18202]
#   JAR [backend/target/backend-0.1.0-SNAPSHOT.jar]   built once (./mvnw -DskipTests package) if missing;
#                                                     REBUILD=1 builds it again
#   WORK_DIR [/tmp/pingan-two-instances-$PORT_PROXY]  nginx's generated config, logs, pid files
#   JAVA_OPTS [-Xmx768m]  APP_PROFILE [demo: the documented accounts]
#   APP_ARGS [--pingan.demo.disputes=false --pingan.demo.sites=false]: --name=value arguments for both instances
#   LOAD_SECONDS [30]  LOAD_WORKERS [8]  STARTUP_SECONDS [300]
# Needs: java 17, curl, nginx (Debian), psql. A first start on an empty database imports the town (about a
# minute); instance B is started after A is up, so only one instance ever migrates and imports.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PINGAN_DB_URL="${PINGAN_DB_URL:-jdbc:postgresql://127.0.0.1:5432/pingan_two}"
PINGAN_DB_USER="${PINGAN_DB_USER:-pingan}"
PINGAN_DB_PASSWORD="${PINGAN_DB_PASSWORD:-pingan}"
PORT_PROXY="${PORT_PROXY:-18200}"
PORT_A="${PORT_A:-18201}"
PORT_B="${PORT_B:-18202}"
JAR="${JAR:-$ROOT/backend/target/backend-0.1.0-SNAPSHOT.jar}"
WORK_DIR="${WORK_DIR:-/tmp/pingan-two-instances-$PORT_PROXY}"
JAVA_OPTS="${JAVA_OPTS:--Xmx768m}"
APP_PROFILE="${APP_PROFILE:-demo}"
APP_ARGS="${APP_ARGS:---pingan.demo.disputes=false --pingan.demo.sites=false}"
LOAD_SECONDS="${LOAD_SECONDS:-30}"
LOAD_WORKERS="${LOAD_WORKERS:-8}"
STARTUP_SECONDS="${STARTUP_SECONDS:-300}"
export PINGAN_DB_URL PINGAN_DB_USER PINGAN_DB_PASSWORD

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# host, port and database of the JDBC URL, for psql
db_part() {
  local rest="${PINGAN_DB_URL#jdbc:postgresql://}"
  rest="${rest%%\?*}"
  local hostport="${rest%%/*}"
  case "$1" in
    host) echo "${hostport%%:*}" ;;
    port) [[ "$hostport" == *:* ]] && echo "${hostport##*:}" || echo 5432 ;;
    name) echo "${rest#*/}" ;;
  esac
}
sql() {
  PGPASSWORD="$PINGAN_DB_PASSWORD" psql -X -q -At -v ON_ERROR_STOP=1 -h "$(db_part host)" -p "$(db_part port)" \
    -U "$PINGAN_DB_USER" -d "$(db_part name)" -c "$1"
}

ensure_database() {
  if sql 'select 1' >/dev/null 2>&1; then
    return
  fi
  [ "$(id -u)" = 0 ] || die "cannot reach $PINGAN_DB_URL as $PINGAN_DB_USER (make the database with PostGIS, or run as root)"
  local db; db="$(db_part name)"
  log "making database $db with PostGIS"
  su postgres -c "psql -X -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PINGAN_DB_USER') THEN
    CREATE ROLE "$PINGAN_DB_USER" LOGIN PASSWORD '$PINGAN_DB_PASSWORD';
  END IF;
END \$\$;
CREATE DATABASE "$db" OWNER "$PINGAN_DB_USER";
\c "$db"
CREATE EXTENSION postgis;
SQL
}

build_jar() {
  if [ -f "$JAR" ] && [ "${REBUILD:-0}" != 1 ]; then
    return
  fi
  log "building the jar (once): ./mvnw -B -q -DskipTests package"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  [ -f "$JAR" ] || die "no jar at $JAR after the build"
}

start_instance() { # name port
  local name="$1" port="$2"
  # shellcheck disable=SC2086
  nohup java $JAVA_OPTS -jar "$JAR" --server.port="$port" --spring.profiles.active="$APP_PROFILE" $APP_ARGS \
    >"$WORK_DIR/$name.log" 2>&1 &
  echo $! >"$WORK_DIR/$name.pid"
  log "instance $name: pid $(cat "$WORK_DIR/$name.pid"), port $port, log $WORK_DIR/$name.log"
}

await_health() { # name port
  local name="$1" port="$2" pid; pid="$(cat "$WORK_DIR/$name.pid")"
  for _ in $(seq 1 "$STARTUP_SECONDS"); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
      log "instance $name is up"
      return
    fi
    kill -0 "$pid" 2>/dev/null || die "instance $name exited during start-up (see $WORK_DIR/$name.log)"
    sleep 1
  done
  die "instance $name not up within $STARTUP_SECONDS s (see $WORK_DIR/$name.log)"
}

write_nginx_conf() {
  mkdir -p "$WORK_DIR/nginx-temp"
  cat >"$WORK_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $WORK_DIR/nginx.pid;
error_log $WORK_DIR/nginx-error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $WORK_DIR/nginx-temp/body;
  proxy_temp_path $WORK_DIR/nginx-temp/proxy;
  fastcgi_temp_path $WORK_DIR/nginx-temp/fastcgi;
  uwsgi_temp_path $WORK_DIR/nginx-temp/uwsgi;
  scgi_temp_path $WORK_DIR/nginx-temp/scgi;
  client_max_body_size 12m;

  upstream pingan {
    # round robin; an instance that refuses connections is left out for 10 s
    server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=10s;
    keepalive 32;
  }

  server {
    listen 127.0.0.1:$PORT_PROXY;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_connect_timeout 2s;
    # the default: a request is passed to the other instance only if it could not be sent (POSTs included);
    # one cut off mid-way is answered 502, and the client resends it (with its Idempotency-Key)
    proxy_next_upstream error timeout;

    location / {
      proxy_pass http://pingan;
    }

    # the town office's live reports: server-sent events, passed through as they come, kept open
    location = /api/disputes/events {
      proxy_pass http://pingan;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
    }
  }
}
CONF
}

up() {
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || die "nginx is not installed (apt-get install nginx)"
  mkdir -p "$WORK_DIR"
  ensure_database
  build_jar
  for name in a b; do
    if [ -f "$WORK_DIR/$name.pid" ] && kill -0 "$(cat "$WORK_DIR/$name.pid")" 2>/dev/null; then
      die "instance $name already runs (pid $(cat "$WORK_DIR/$name.pid")): $0 down first"
    fi
  done
  start_instance a "$PORT_A"
  await_health a "$PORT_A"
  start_instance b "$PORT_B"
  await_health b "$PORT_B"
  write_nginx_conf
  "$(command -v nginx || echo /usr/sbin/nginx)" -p "$WORK_DIR" -c "$WORK_DIR/nginx.conf"
  curl -fs "http://127.0.0.1:$PORT_PROXY/actuator/health" >/dev/null || die "nginx does not answer on $PORT_PROXY"
  log "up: http://127.0.0.1:$PORT_PROXY (nginx) -> A http://127.0.0.1:$PORT_A, B http://127.0.0.1:$PORT_B"
}

down() {
  if [ -f "$WORK_DIR/nginx.pid" ] && kill -0 "$(cat "$WORK_DIR/nginx.pid")" 2>/dev/null; then
    "$(command -v nginx || echo /usr/sbin/nginx)" -p "$WORK_DIR" -c "$WORK_DIR/nginx.conf" -s quit || true
  fi
  for name in a b; do
    local file="$WORK_DIR/$name.pid"
    [ -f "$file" ] || continue
    local pid; pid="$(cat "$file")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && { log "instance $name ignored TERM: KILL"; kill -KILL "$pid"; }
    fi
    rm -f "$file"
  done
  log "down"
}

# --- check -------------------------------------------------------------------------------------------------------

RESULTS=()
record() { # PASS|FAIL text
  RESULTS+=("$1  $2")
  log "$1  $2"
}

csrf() { awk '$6 == "XSRF-TOKEN" { print $7 }' "$1" | tail -1; }

sign_in() { # jar base user
  local jar="$1" base="$2" user="$3"
  curl -fs -c "$jar" -b "$jar" "$base/api/csrf" >/dev/null
  curl -fs -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $(csrf "$jar")" \
    --data-urlencode "username=$user" --data-urlencode "password=Demo@2026" "$base/api/login" >/dev/null
}

millis() { date +%s%3N; }

# POSTs a dispute at point i (of $WORK_DIR/points); prints "http-status id"
register() { # jar base index situation sensitive [idempotency-key]
  local jar="$1" base="$2" i="$3" situation="$4" sensitive="$5" key="${6:-}" lng lat out code
  read -r lng lat < <(sed -n "$((i % $(wc -l <"$WORK_DIR/points") + 1))p" "$WORK_DIR/points")
  out="$(mktemp -p "$WORK_DIR")"
  code="$(curl -s -o "$out" -w '%{http_code}' --max-time 10 -b "$jar" -H "X-XSRF-TOKEN: $(csrf "$jar")" \
    -H 'Content-Type: application/json' ${key:+-H "Idempotency-Key: $key"} \
    -d "{\"lng\":$lng,\"lat\":$lat,\"type\":\"WAGES\",\"severity\":\"SERIOUS\",\"situation\":\"$situation\",\"sensitive\":$sensitive,\"peopleInvolved\":2}" \
    "$base/api/disputes" || true)"
  echo "$code $(grep -o '"id":[0-9]*' "$out" | head -1 | cut -d: -f2)"
  rm -f "$out"
}

# one load client: registrations until the deadline, each resent with its key until acknowledged (5 tries)
load_worker() { # n deadline-epoch-seconds
  local n="$1" deadline="$2" jar="$WORK_DIR/load.jar" i=0
  while [ "$(date +%s)" -lt "$deadline" ]; do
    local key; key="$(cat /proc/sys/kernel/random/uuid)"
    local try=1 acked=""
    while [ $try -le 5 ]; do
      read -r code id < <(register "$jar" "http://127.0.0.1:$PORT_PROXY" $((n * 1000 + i)) "$MARKER $key" false "$key")
      if [ "$code" = 201 ] || [ "$code" = 200 ]; then
        acked="$id $code"
        break
      fi
      echo "$key $code" >>"$WORK_DIR/load-retries.$n"
      try=$((try + 1))
      sleep 0.3
    done
    if [ -n "$acked" ]; then
      echo "$key $acked $try" >>"$WORK_DIR/load-acked.$n" # key id status tries
    else
      echo "$key" >>"$WORK_DIR/load-failed.$n"
    fi
    i=$((i + 1))
  done
}

await_event() { # file id timeout-ms: prints the delay in ms, or fails
  local file="$1" id="$2" within="$3" start; start="$(millis)"
  while [ $(( $(millis) - start )) -lt "$within" ]; do
    if grep -q "^id: *$id\$" "$file" 2>/dev/null; then
      echo $(( $(millis) - start ))
      return 0
    fi
    sleep 0.05
  done
  return 1
}

check() {
  trap down EXIT
  up
  MARKER="TWO-INSTANCES-$(date +%s)"
  sql "select st_x(p) || ' ' || st_y(p) from (select st_pointonsurface(footprint) p from building order by code limit 500) b" \
    >"$WORK_DIR/points"
  [ -s "$WORK_DIR/points" ] || die "no buildings in the database"
  local proxy="http://127.0.0.1:$PORT_PROXY" onA="http://127.0.0.1:$PORT_A" onB="http://127.0.0.1:$PORT_B"
  rm -f "$WORK_DIR"/load-* "$WORK_DIR"/*.jar "$WORK_DIR"/sse-*

  # 1. a report made on A reaches the town office on B, directly and through nginx
  sign_in "$WORK_DIR/office.jar" "$proxy" zongzhiban
  curl -sN -b "$WORK_DIR/office.jar" -H 'Accept: text/event-stream' "$onB/api/disputes/events" >"$WORK_DIR/sse-b" &
  local sseB=$!
  curl -sN -b "$WORK_DIR/office.jar" -H 'Accept: text/event-stream' "$proxy/api/disputes/events" >"$WORK_DIR/sse-proxy" &
  local sseProxy=$!
  for _ in $(seq 1 100); do
    grep -q '^event: *ready' "$WORK_DIR/sse-b" 2>/dev/null && grep -q '^event: *ready' "$WORK_DIR/sse-proxy" 2>/dev/null && break
    sleep 0.1
  done
  sign_in "$WORK_DIR/a.jar" "$onA" zongzhiban
  local code id delayB delayProxy
  read -r code id < <(register "$WORK_DIR/a.jar" "$onA" 7 "$MARKER sensitive" true)
  if [ "$code" = 201 ] && delayB="$(await_event "$WORK_DIR/sse-b" "$id" 5000)"; then
    record PASS "sensitive report #$id registered on A reached a town-office stream on B in $delayB ms"
  else
    record FAIL "sensitive report on A (HTTP $code, id ${id:-none}) did not reach the stream on B within 5 s"
  fi
  if [ "$code" = 201 ] && delayProxy="$(await_event "$WORK_DIR/sse-proxy" "$id" 5000)"; then
    record PASS "... and the stream through nginx in $delayProxy ms (proxy_buffering off)"
  else
    record FAIL "sensitive report #${id:-none} did not reach the stream through nginx within 5 s"
  fi
  kill "$sseB" "$sseProxy" 2>/dev/null || true

  # 2. registrations through nginx while instance A is killed (after a few on each, so neither starts cold)
  sign_in "$WORK_DIR/load.jar" "$proxy" zongzhiban
  for i in $(seq 1 10); do
    register "$WORK_DIR/load.jar" "$onA" "$i" "$MARKER warmup" false >/dev/null
    register "$WORK_DIR/load.jar" "$onB" "$i" "$MARKER warmup" false >/dev/null
  done
  local deadline=$(( $(date +%s) + LOAD_SECONDS )) workers=()
  log "load: $LOAD_WORKERS clients for $LOAD_SECONDS s through nginx; kill -9 of instance A after $((LOAD_SECONDS / 3)) s"
  for n in $(seq 1 "$LOAD_WORKERS"); do
    load_worker "$n" "$deadline" &
    workers+=($!)
  done
  sleep $((LOAD_SECONDS / 3))
  local pidA; pidA="$(cat "$WORK_DIR/a.pid")"
  local ackedBeforeKill; ackedBeforeKill="$(cat "$WORK_DIR"/load-acked.* 2>/dev/null | wc -l)"
  kill -9 "$pidA"
  log "instance A (pid $pidA) killed with $ackedBeforeKill registrations acknowledged so far"
  wait "${workers[@]}"

  cat "$WORK_DIR"/load-acked.* >"$WORK_DIR/load-acked" 2>/dev/null || : >"$WORK_DIR/load-acked"
  cat "$WORK_DIR"/load-failed.* >"$WORK_DIR/load-failed" 2>/dev/null || : >"$WORK_DIR/load-failed"
  cat "$WORK_DIR"/load-retries.* >"$WORK_DIR/load-retries" 2>/dev/null || : >"$WORK_DIR/load-retries"
  local acked failed retried replayed ids inDb rows distinct
  acked="$(wc -l <"$WORK_DIR/load-acked")"
  failed="$(wc -l <"$WORK_DIR/load-failed")"
  retried="$(wc -l <"$WORK_DIR/load-retries")"
  replayed="$(awk '$3 == 200' "$WORK_DIR/load-acked" | wc -l)"
  ids="$(awk '{print $2}' "$WORK_DIR/load-acked" | paste -sd, -)"
  inDb="$(sql "select count(*) from dispute where situation like '$MARKER %' and id in (${ids:-0})")"
  rows="$(sql "select count(*) from dispute where situation like '$MARKER %-%'")"
  distinct="$(sql "select count(distinct situation) from dispute where situation like '$MARKER %-%'")"
  log "load: $acked acknowledged ($(awk '$4 > 1' "$WORK_DIR/load-acked" | wc -l) after a resend, $replayed of them" \
    "answered from the row an earlier try had stored), $retried resends" \
    "($(awk '{print $2}' "$WORK_DIR/load-retries" | sort | uniq -c | tr '\n' ' ')), $failed given up; rows: $rows"
  if [ "$acked" -gt 0 ] && [ "$inDb" = "$acked" ]; then
    record PASS "no acknowledged write lost: $acked acknowledged in $LOAD_SECONDS s ($ackedBeforeKill before the kill), all $inDb in the database"
  else
    record FAIL "acknowledged writes lost: $acked acknowledged, $inDb of them in the database"
  fi
  if [ "$rows" = "$distinct" ] && [ "$failed" = 0 ]; then
    record PASS "none stored twice: $rows rows for $distinct keys; $retried resends with the same key ($replayed answered 200 from the row an earlier try stored), 0 given up"
  else
    record FAIL "$rows rows for $distinct keys, $failed registrations given up after 5 tries"
  fi

  # 3. the session signed in before the kill, on the survivor
  local meB meProxy
  meB="$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK_DIR/load.jar" "$onB/api/me")"
  meProxy="$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK_DIR/load.jar" "$proxy/api/me")"
  if [ "$meB" = 200 ] && [ "$meProxy" = 200 ]; then
    record PASS "the session signed in before the kill works on B ($meB) and through nginx ($meProxy)"
  else
    record FAIL "the session after the kill: HTTP $meB on B, $meProxy through nginx"
  fi

  sql "delete from dispute where situation like '$MARKER %'" >/dev/null
  echo
  echo "== two instances: summary (load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
  printf '%s\n' "${RESULTS[@]}"
  if printf '%s\n' "${RESULTS[@]}" | grep -q '^FAIL'; then
    echo "FAIL"
    return 1
  fi
  echo "PASS"
}

case "${1:-check}" in
  up) up ;;
  down) down ;;
  check) check ;;
  *) echo "usage: $0 [check|up|down]" >&2; exit 2 ;;
esac
