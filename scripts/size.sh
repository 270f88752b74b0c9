#!/usr/bin/env bash
# Size report: raw, gzip and brotli bytes of every file a browser loads on a
# first visit to the home page (HTML, js, wasm, css), and the total. The
# brotli figures are what a phone actually downloads from our server.
set -euo pipefail
cd "$(dirname "$0")/.."
site=target/site
[ -f target/release/hash.txt ] || { echo "size: build first (make build)" >&2; exit 1; }
h() { awk -v k="$1:" '$1 == k {print $2}' target/release/hash.txt; }

html=$(mktemp)
trap 'rm -f "$html"' EXIT
# The home page exactly as the server renders it.
LEPTOS_SITE_ROOT=$site RUST_LOG=error target/release/backstrong export --out target/size-export >/dev/null
cp target/size-export/index.html "$html"

files=("$html:index.html" "$site/pkg/backstrong.$(h js).js:js" "$site/pkg/backstrong.$(h wasm).wasm:wasm" "$site/pkg/backstrong.$(h css).css:css")
printf '%-8s %10s %10s %10s\n' file raw gzip brotli
tr=0; tg=0; tb=0
for entry in "${files[@]}"; do
  f=${entry%%:*}; label=${entry##*:}
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-8s %10d %10d %10d\n' "$label" "$raw" "$gz" "$br"
  tr=$((tr + raw)); tg=$((tg + gz)); tb=$((tb + br))
done
printf '%-8s %10d %10d %10d\n' total "$tr" "$tg" "$tb"
echo "budget: 153600 bytes brotli (150 KB) for a first visit"
echo "BENCH first_visit_raw_bytes $tr bytes"
echo "BENCH first_visit_gzip_bytes $tg bytes"
echo "BENCH first_visit_brotli_bytes $tb bytes"
