#!/usr/bin/env bash
# The release build, driven by hand (cargo-leptos cannot be installed here):
#   wasm (hydrate, size profile; twice: every page, session page) ->
#   wasm-bindgen -> wasm-opt -Oz -> hashed names + .br/.gz -> target/site/pkg,
#   public/ -> target/site, hash.txt next to the server, server (ssr, release).
# The output sits where cargo-leptos puts it, so both ways coexist.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Leptos bakes the output name in at compile time (.cargo/config.toml sets it).
export LEPTOS_OUTPUT_NAME=backstrong

name=backstrong
site=target/site
pkg=$site/pkg
bindgen=target/wasm-bindgen
step() { printf '\033[1mbuild:\033[0m %s\n' "$*"; }

# Two bundles: one for every page, and one for the session page that also
# carries the guided session's island (feature `session-bundle`), so a first
# visit does not download the session's code.
bundle() { # <name> <features>
  local name=$1 features=$2 out=$bindgen/$1
  step "wasm $name (features $features, wasm-release profile)"
  cargo build --quiet -p app --lib --target wasm32-unknown-unknown --profile wasm-release \
    --no-default-features --features "$features"
  local wasm_in=target/wasm32-unknown-unknown/wasm-release/app.wasm
  # wasm-bindgen and wasm-opt take a while: skip them when the wasm is unchanged.
  local stamp
  stamp=$(sha256sum "$wasm_in" | cut -c1-64)
  if [ "$(cat "$out/.stamp" 2>/dev/null)" != "$stamp" ]; then
    step "wasm-bindgen --target web, wasm-opt -Oz ($name)"
    rm -rf "$out"
    wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" "$wasm_in"
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$out/${name}_bg.wasm" -o "$out/${name}_opt.wasm"
    echo "$stamp" > "$out/.stamp"
  fi
}
bundle "$name" hydrate
bundle "$name-session" hydrate,session-bundle
main=$bindgen/$name
session=$bindgen/$name-session

step "site: hashed assets and public/"
hash() { sha256sum "$1" | cut -c1-16; }
css_tmp=$(mktemp)
# A small minifier: drop comments, leading blanks and empty lines.
python3 - style/main.css "$css_tmp" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
lines = (l.strip() for l in src.splitlines())
open(sys.argv[2], "w").write("\n".join(l for l in lines if l) + "\n")
PY
js_hash=$(hash "$main/$name.js")
wasm_hash=$(hash "$main/${name}_opt.wasm")
css_hash=$(hash "$css_tmp")
# The session bundle's js and wasm share one hash: Leptos names both from
# one stem when it loads a bundle by name (app/src/bundle.rs).
session_hash=$(cat "$session/$name-session.js" "$session/$name-session_opt.wasm" | sha256sum | cut -c1-16)

rm -rf "$site.new"
mkdir -p "$site.new/pkg"
cp -R public/. "$site.new/"
cp "$main/$name.js" "$site.new/pkg/$name.$js_hash.js"
cp "$main/${name}_opt.wasm" "$site.new/pkg/$name.$wasm_hash.wasm"
cp "$session/$name-session.js" "$site.new/pkg/$name-session.$session_hash.js"
cp "$session/$name-session_opt.wasm" "$site.new/pkg/$name-session.$session_hash.wasm"
mv "$css_tmp" "$site.new/pkg/$name.$css_hash.css"
chmod 644 "$site.new/pkg/"*
for f in "$site.new/pkg/"*; do
  brotli -q 11 -k -f "$f"
  gzip -9 -k -f "$f"
done
rm -rf "$site"
mv "$site.new" "$site"

# Leptos's HydrationScripts and HashedStylesheet read this file from the
# folder of the running server binary (cargo-leptos writes the same).
mkdir -p target/release
printf 'js: %s\nwasm: %s\ncss: %s\nsession: %s\n' "$js_hash" "$wasm_hash" "$css_hash" "$session_hash" \
  > target/release/hash.txt

step "server (ssr, release)"
cargo build --quiet -p server --release
step "done: $site, target/release/backstrong"
