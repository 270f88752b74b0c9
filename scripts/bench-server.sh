#!/usr/bin/env bash
# Server benchmark on loopback: wrk, 32 connections, 10 s per target, for
# (a) the home page and (b) the hashed wasm file, from our server and, in
# the same run, the same files from nginx serving the static export. Then
# the long load test: 1,000 connections for 30 s against the release binary.
# Prints figures and BENCH lines; fails nothing.
#
# Both servers get `Accept-Encoding: gzip` and answer with the same
# precompressed `.gz` file (nginx: gzip_static), so the bytes are equal.
# Both run 2 workers on this 2-core machine, sharing it with wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${BENCH_SECONDS:-10}
conns=32
port=${BENCH_PORT:-3107}
nginx_port=${BENCH_NGINX_PORT:-3108}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

wasm=$(cd target/site/pkg && ls -d */backstrong.wasm | head -1)
LEPTOS_SITE_ROOT=target/site RUST_LOG=error target/release/backstrong export --out "$work/dist" >/dev/null

# Our server, logging only warnings (a log line per request costs throughput).
LEPTOS_SITE_ROOT=target/site target/release/backstrong serve --addr "127.0.0.1:$port" --log warn \
  >"$work/server.log" 2>&1 &
server_pid=$!
pids+=("$server_pid")

cat >"$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
user root;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; }
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip_static on;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/dist;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
/usr/sbin/nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" 2>"$work/nginx.stderr" &
pids+=("$!")

for url in "http://127.0.0.1:$port/healthz" "http://127.0.0.1:$nginx_port/"; do
  for _ in $(seq 100); do curl -fso /dev/null "$url" && break; sleep 0.1; done
done

# wrk's latency figures come as 850.00us, 1.20ms or 1.05s: in ms.
to_ms() { awk -v v="$1" 'BEGIN {
  n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
  if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
  printf "%.2f", n }'; }

# run NAME URL: prints a line, sets rps, p50, p99.
run() {
  local out
  out=$(wrk -t2 -c$conns -d"${secs}s" --latency -H 'Accept-Encoding: gzip' "$2")
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
  printf '%-22s %10s req/s   p50 %7s ms   p99 %7s ms %s\n' "$1" "$rps" "$p50" "$p99" "$errors"
}

echo "wrk: $conns connections, ${secs} s each, loopback, $(nproc) cores"
run "home (ours)" "http://127.0.0.1:$port/"
home_rps=$rps; home_p99=$p99
run "home (nginx)" "http://127.0.0.1:$nginx_port/"
nginx_home_rps=$rps
run "wasm (ours)" "http://127.0.0.1:$port/pkg/$wasm"
asset_rps=$rps; asset_p99=$p99
run "wasm (nginx)" "http://127.0.0.1:$nginx_port/pkg/$wasm"
nginx_asset_rps=$rps

rss_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo
echo "home vs nginx's static home: $(ratio "$home_rps" "$nginx_home_rps") x"
echo "BENCH ssr_home_rps $home_rps req/s"
echo "BENCH ssr_home_p99_ms $home_p99 ms"
echo "BENCH page_rps_vs_nginx $(ratio "$home_rps" "$nginx_home_rps") x"
echo "BENCH asset_rps $asset_rps req/s"
echo "BENCH asset_p99_ms $asset_p99 ms"
echo "BENCH asset_rps_vs_nginx $(ratio "$asset_rps" "$nginx_asset_rps") x"
echo "BENCH server_peak_rss_mb $(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }') MB"

# The long load test (make test runs a short one): every request must succeed.
load=$(BACKSTRONG_BIN="$PWD/target/release/backstrong" BACKSTRONG_LOAD_SECS=30 \
  BACKSTRONG_LOAD_CONNECTIONS=1000 cargo test --quiet -p server --test live \
  many_connections_at_once -- --nocapture 2>&1 | grep '^load:' || true)
echo "$load"
echo "BENCH load_1000_connections_30s_requests $(awk '{print $2}' <<<"$load")"
echo "BENCH load_1000_connections_30s_errors $(awk '{print $(NF-1)}' <<<"$load")"
