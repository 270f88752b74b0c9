#!/usr/bin/env bash
# Lighthouse 12.2.3 (the last line that runs on Node 20) against the release
# server on loopback: mobile preset (Lighthouse's default: a mid-range phone,
# simulated slow 4G), headless Chromium, three runs, median of each figure.
# Two pages: the home page (BENCH lighthouse_*) and the session page, which
# loads the largest lazy island (BENCH lighthouse_session_*).
# Prints BENCH lines; fails nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
tool=target/lighthouse
lh=$tool/node_modules/.bin/lighthouse
if [ ! -x "$lh" ] || ! "$lh" --version | grep -qx 12.2.3; then
  echo "lighthouse: installing lighthouse@12.2.3 into $tool"
  mkdir -p "$tool"
  npm install --prefix "$tool" --no-audit --no-fund --loglevel=error lighthouse@12.2.3
fi
port=${LIGHTHOUSE_PORT:-3109}
runs=${LIGHTHOUSE_RUNS:-3}
work=$(mktemp -d)
LEPTOS_SITE_ROOT=target/site target/release/backstrong serve --addr "127.0.0.1:$port" --log warn \
  >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fso /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done

audit() { # <BENCH prefix> <path>
local prefix=$1 url=http://127.0.0.1:$port$2
echo "lighthouse: $url"
for i in $(seq "$runs"); do
  # Lighthouse sometimes loses its own trace of a load (its NO_NAVSTART
  # error, nothing to do with the page): that run is made again, twice at
  # most.
  for try in 1 2 3; do
    if CHROME_PATH=/usr/bin/chromium "$lh" "$url" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$work/run$i.json"; then
      break
    fi
    [ "$try" = 3 ] && { echo "lighthouse: run $i failed three times" >&2; exit 1; }
    echo "lighthouse: run $i failed (try $try of 3), again"
  done
  echo "lighthouse: run $i of $runs done"
done

cp "$work/run$runs.json" "$tool/last-report-$prefix.json"
python3 - "$prefix" "$work"/run*.json <<'PY'
import json, statistics, sys
prefix = sys.argv[1]
runs = [json.load(open(p)) for p in sys.argv[2:]]
def med(f):
    return statistics.median(f(r) for r in runs)
cats = {"performance": "performance", "accessibility": "accessibility",
        "best_practices": "best-practices", "seo": "seo"}
for name, key in cats.items():
    print(f"BENCH {prefix}_{name} {med(lambda r: r['categories'][key]['score'] * 100):.0f} score")
print(f"BENCH {prefix}_lcp_ms {med(lambda r: r['audits']['largest-contentful-paint']['numericValue']):.0f} ms")
print(f"BENCH {prefix}_tbt_ms {med(lambda r: r['audits']['total-blocking-time']['numericValue']):.0f} ms")
print(f"BENCH {prefix}_cls {med(lambda r: r['audits']['cumulative-layout-shift']['numericValue']):.3f} score")
print(f"(first contentful paint {med(lambda r: r['audits']['first-contentful-paint']['numericValue']):.0f} ms, "
      f"speed index {med(lambda r: r['audits']['speed-index']['numericValue']):.0f} ms)")
# Anything that cost points, from the last run, so it can be fixed.
last = runs[-1]
for key in cats.values():
    for ref in last["categories"][key]["auditRefs"]:
        audit = last["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            print(f"  {key}: {audit['id']} scored {audit['score']}: {audit['title']}")
PY
rm -f "$work"/run*.json
}
audit lighthouse /
audit lighthouse_session /session
