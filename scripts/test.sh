#!/usr/bin/env bash
# Every test tier, in order of speed, stopping at the first failure:
#   1. cargo fmt --check, clippy -D warnings for each feature set
#   2. the site's release build: the wasm bundle exactly as it ships
#   3. native cargo test (domain logic; SSR HTML; the server, live tests
#      against its binary)
#   4. wasm-bindgen-test in headless Chromium
#   5. end-to-end in headless Chromium against the server and the static
#      export
# The server the tests start is the dev build tier 3 makes anyway: building
# it again with release optimisation took minutes on two cores and tests
# nothing more (its code is the same; `make run` and the benchmarks use the
# release build).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# Each tier's heading also says how long the one before it took (SECONDS
# is bash's clock), so the slow tiers are easy to see.
last=
tier() {
  local took=
  [ -n "$last" ] && took=" (the tier before took $((SECONDS - last)) s; $SECONDS s in all)"
  printf '\n\033[1m== %s\033[0m%s\n' "$*" "$took"
  last=$SECONDS
}
# Test output is also kept in a log, to add up the counts at the end.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
counted() {
  "$@" 2>&1 | tee -a "$log"
  return "${PIPESTATUS[0]}"
}

tier "format"
cargo fmt --all -- --check

tier "clippy: ssr, hydrate (wasm32; unsplit and split), no features, tests, tools"
cargo clippy --quiet -p app --features ssr --all-targets -- -D warnings
cargo clippy --quiet -p app --no-default-features --features hydrate --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --quiet -p app --no-default-features --features hydrate,split --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet -p app --no-default-features --all-targets -- -D warnings
cargo clippy --quiet -p server -p end2end -p wasm-split --all-targets -- -D warnings

tier "site build (the wasm in release, as it ships)"
scripts/build.sh --no-server

tier "native tests (domain, SSR HTML, server; live ones against its binary)"
# The server's tests start target/debug/backstrong, built by this command.
counted cargo test --quiet --workspace --exclude end2end --exclude wasm-split
# The split tool in release, as the build made it: its dependencies are built already.
counted cargo test --quiet --release -p wasm-split

tier "wasm tests in headless Chromium"
(cd app && export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner &&
  counted cargo test --target wasm32-unknown-unknown --no-default-features --features hydrate)

tier "end-to-end in headless Chromium (server and static export)"
# One browser at a time: the machine has two cores.
BACKSTRONG_BIN="$PWD/target/debug/backstrong" counted cargo test --quiet -p end2end -- --test-threads=1

# One closing line for people and CI alike: every tier's counts added up.
tier "done"
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
     END { printf "\n%d passed, %d failed\n", p, f }' "$log"
