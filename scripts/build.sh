#!/usr/bin/env bash
# The release build, driven by hand (cargo-leptos cannot be installed here):
#   wasm (hydrate, size profile, linked with --emit-relocs) ->
#   tools/wasm-split (main module + one split per lazy island + shared chunks,
#   the small ones merged with binaryen's wasm-merge)
#   -> wasm-bindgen --keep-lld-exports -> wasm-opt -Oz on every module,
#   terser on the two scripts ->
#   target/site/pkg/<build id>/ (one folder per build) + hashed css + .br/.gz,
#   public/ -> target/site, hash.txt next to the server, server (ssr, release).
# The output sits where cargo-leptos puts it, so both ways coexist.
#   scripts/build.sh --no-server   the site only (make test: its server is
#                                  the dev build its native tier makes)
set -euo pipefail
server=yes
case "${1:-}" in
  --no-server) server=no ;;
  "") ;;
  *) echo "build: unknown option $1 (--no-server builds the site only)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Leptos bakes the output name in at compile time (.cargo/config.toml sets it).
export LEPTOS_OUTPUT_NAME=backstrong

name=backstrong
site=target/site
out=target/wasm-bindgen/$name
step() { printf '\033[1mbuild:\033[0m %s\n' "$*"; }

# One bundle. Every island the first visit does not need is lazy
# (`#[island(lazy)]` under feature `split`): the split step cuts its code out of the main module,
# and a page loads only the splits of its own islands. The split step reads
# the linker's relocations: --emit-relocs, set below (the variable replaces
# .cargo/config.toml's flags for wasm32, which carry the same link argument).
step "wasm (features hydrate and split, wasm-release profile)"
# Panic messages name their source file: registry paths shortened to the
# crate's own path save bytes and keep the machine's folders out of the wasm.
# (Set here only: the wasm-release profile is built by this script alone.)
registry=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ 2>/dev/null | head -1 || true)
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C link-arg=--emit-relocs${registry:+ --remap-path-prefix=$registry=}" \
cargo build --quiet -p app --lib --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features hydrate,split
wasm_in=target/wasm32-unknown-unknown/wasm-release/app.wasm
cargo build --quiet -p wasm-split --release
# Splitting, wasm-bindgen and wasm-opt take a while: skip them when neither
# the wasm nor the tool changed.
stamp=$(cat "$wasm_in" target/release/wasm-split package-lock.json scripts/build.sh | sha256sum | cut -c1-64)
if [ "$(cat "$out/.stamp" 2>/dev/null)" != "$stamp" ]; then
  step "split, wasm-bindgen --target web, wasm-opt -Oz"
  rm -rf "$out"
  mkdir -p "$out/split" "$out/folder"
  # The wasm features the compiler may use; binaryen's tools must know them.
  features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-mutable-globals --enable-reference-types --enable-multivalue)
  # A page pays for each file on its main thread (a request, a compile, an
  # instance), so chunks under 2,000 bytes of code join a chunk that all of
  # their splits load already (tools/wasm-split/src/merge.rs). Chunks only
  # sync uses stay apart: people without sync never download them.
  target/release/wasm-split "$wasm_in" "$out/split" "$name" --small 2000 \
    --apart perform_ --apart pair_device_ --within screen_markup_=session_runner_ --merge-with node_modules/.bin/wasm-merge "${features[@]}"
  # --keep-lld-exports: the chunks link against the main module's exports.
  wasm-bindgen --target web --no-typescript --keep-lld-exports \
    --out-dir "$out/bindgen" --out-name "$name" "$out/split/$name.wasm"
  # wasm-opt does not know the name subsection wasm-split keeps (id 3) and
  # warns once per module; that one warning is dropped.
  # The target-features and producers sections tell tools how a module was
  # made; browsers ignore them: about 200 bytes a module, dropped (a page
  # loads up to 30 modules).
  opt() {
    node_modules/.bin/wasm-opt -Oz "${features[@]}" --strip-target-features --strip-producers \
      "$1" -o "$2" 2> >(grep -v 'unknown name subsection' >&2)
  }
  opt "$out/bindgen/${name}_bg.wasm" "$out/folder/$name.wasm"
  for chunk in "$out/split/"*.wasm; do
    [ "$(basename "$chunk")" = "$name.wasm" ] && continue
    opt "$chunk" "$out/folder/$(basename "$chunk")"
  done
  # Every page downloads both scripts: minified (terser, from npm), they are
  # a third of their size, about 2.3 KB less brotli on a first visit. Names
  # the wasm and the other module import (exports, object keys) stay.
  for js in "$out/bindgen/$name.js" "$out/split/__wasm_split.js"; do
    node node_modules/terser/bin/terser "$js" --module --compress --mangle \
      -o "$out/folder/$(basename "$js")"
  done
  cp "$out/split/manifest.json" "$out/folder/"
  echo "$stamp" > "$out/.stamp"
fi

step "site: this build's folder, hashed css and public/"
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
css_hash=$(hash "$css_tmp")
# The folder is named after every file in it, names and bytes: a change to
# any one of them makes a new folder, so two builds' files never mix.
build_id=$(cd "$out/folder" && for f in $(ls | LC_ALL=C sort); do
  printf '%s\n' "$f"; sha256sum < "$f"; done | sha256sum | cut -c1-16)

rm -rf "$site.new"
mkdir -p "$site.new/pkg/$build_id"
cp -R public/. "$site.new/"
cp "$out/folder/"* "$site.new/pkg/$build_id/"
mv "$css_tmp" "$site.new/pkg/$name.$css_hash.css"
chmod 644 "$site.new/pkg/"*.css "$site.new/pkg/$build_id/"*
for f in "$site.new/pkg/"*.css "$site.new/pkg/$build_id/"*; do
  [ "$(basename "$f")" = manifest.json ] && continue
  brotli -q 11 -k -f "$f"
  gzip -9 -k -f "$f"
done
rm -rf "$site"
mv "$site.new" "$site"

# Leptos's HashedStylesheet reads this file from the folder of the running
# server binary (cargo-leptos writes the same); app/src/build_folder.rs reads
# the build line. Written next to the dev build's binary too, which the
# tests start.
for dir in target/release target/debug; do
  mkdir -p "$dir"
  printf 'css: %s\nbuild: %s\n' "$css_hash" "$build_id" > "$dir/hash.txt"
done

if [ "$server" = no ]; then
  step "done: $site (no server built)"
  exit 0
fi
step "server (ssr, release)"
cargo build --quiet -p server --release
step "done: $site, target/release/backstrong"
