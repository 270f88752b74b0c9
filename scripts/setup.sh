#!/usr/bin/env bash
# Installs what the build (and, with `--test`, the browser tests) need, and
# nothing that is already there. Reaches only the package registries:
# rustup's wasm target, crates.io (wasm-bindgen-cli), npm (binaryen), Debian.
# Run on every `make run` / `make test`; a warm machine passes in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

want_test=false
want_bench=false
[ "${1:-}" = "--test" ] && want_test=true
[ "${1:-}" = "--bench" ] && want_bench=true
say() { printf 'setup: %s\n' "$*"; }

# 1. The wasm target of the machine's one toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: brotli (precompressed assets), for tests Chromium
#    with its driver, for `make bench-server` wrk and nginx. One apt-get update, only when something is missing.
pkgs=()
command -v brotli >/dev/null || pkgs+=(brotli)
if $want_test; then
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  # pdftotext reads the printed report back (end2end/tests/report.rs).
  command -v pdftotext >/dev/null || pkgs+=(poppler-utils)
fi
if $want_bench; then
  command -v wrk >/dev/null || pkgs+=(wrk)
  [ -x /usr/sbin/nginx ] || pkgs+=(nginx-light)
fi
if [ ${#pkgs[@]} -gt 0 ]; then
  say "installing Debian packages: ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

# 3. The wasm-bindgen CLI must be exactly the version in Cargo.lock, or the
#    generated glue does not match the compiled wasm.
locked=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$locked" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $locked (found: ${have:-none}); this takes a few minutes"
  # No --locked: its own lockfile pins a crate version the registry lacks.
  cargo install --quiet --force wasm-bindgen-cli --version "$locked"
fi

# 4. wasm-opt from npm's binaryen (Debian's is too old for Rust's wasm),
#    terser, which minifies the two scripts every page loads, and axe-core,
#    which the browser tests run in Chromium for accessibility.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/axe-core/axe.min.js ] ||
  [ ! -f node_modules/terser/bin/terser ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm build tools (binaryen, terser, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi
