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

# Prints a table of the given label:file pairs; sets tr, tg, tb to the totals.
table() {
  printf '%-10s %10s %10s %10s\n' file raw gzip brotli
  tr=0; tg=0; tb=0
  for entry in "$@"; do
    label=${entry%%:*}; f=${entry#*:}
    raw=$(wc -c < "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=$(brotli -q 11 -c "$f" | wc -c)
    printf '%-10s %10d %10d %10d\n' "$label" "$raw" "$gz" "$br"
    tr=$((tr + raw)); tg=$((tg + gz)); tb=$((tb + br))
  done
  printf '%-10s %10d %10d %10d\n' total "$tr" "$tg" "$tb"
}
css="$site/pkg/backstrong.$(h css).css"

echo "First visit (the home page):"
table "html:$html" "js:$site/pkg/backstrong.$(h js).js" "wasm:$site/pkg/backstrong.$(h wasm).wasm" "css:$css"
first_raw=$tr; first_gz=$tg; first_br=$tb
echo "budget: 153600 bytes brotli (150 KB) for a first visit"

# The session page loads its own bundle, with the guided session's island.
echo
echo "The session page, straight from the address bar:"
cp target/size-export/session/index.html "$html"
session=$(awk '$1 == "session:" {print $2}' target/release/hash.txt)
table "html:$html" "js:$site/pkg/backstrong-session.$session.js" "wasm:$site/pkg/backstrong-session.$session.wasm" "css:$css"
echo "BENCH session_page_brotli_bytes $tb bytes"
echo "BENCH first_visit_raw_bytes $first_raw bytes"
echo "BENCH first_visit_gzip_bytes $first_gz bytes"
echo "BENCH first_visit_brotli_bytes $first_br bytes"

# Where the bytes go, per bundle: the same optimisation as the build, with
# the function names kept (-g) so code can be told apart by crate.
echo
for bundle in backstrong backstrong-session; do
  named=$(mktemp --suffix=.wasm)
  node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "target/wasm-bindgen/$bundle/${bundle}_bg.wasm" -o "$named"
  python3 scripts/wasm-top.py "$named" 12 | sed "1s|^[^:]*|$bundle (optimised, names kept for this report)|"
  echo "  islands: $(grep -o 'export function [A-Z][A-Za-z]*_[0-9]\{6,\}' "target/wasm-bindgen/$bundle/$bundle.js" \
    | sed 's/export function //; s/_[0-9]*$//' | sort | tr '\n' ' ')"
  rm -f "$named"
  echo
done
