#!/usr/bin/env bash
# Size report: the bytes a phone downloads (brotli, as our server and any
# static host with the .br twins send them) for
#   - a first visit to the home page: html, css, js, the main wasm and the
#     chunks of the page's lazy islands;
#   - the session page opened straight from the address bar;
#   - the home page, then the session page (files already fetched count once);
#   - every file the service worker keeps for offline use;
# then where the bytes of each wasm module go. Ends each figure with a BENCH line.
set -euo pipefail
cd "$(dirname "$0")/.."
site=target/site
[ -f target/release/hash.txt ] || { echo "size: build first (make build)" >&2; exit 1; }

export_dir=target/size-export
# The pages exactly as the server renders them, with every file's twins.
LEPTOS_SITE_ROOT=$site RUST_LOG=error target/release/backstrong export --out "$export_dir" >/dev/null

python3 - "$export_dir" <<'PY'
import json, re, subprocess, sys
from pathlib import Path

root = Path(sys.argv[1])

def page(address):
    return root / (address.strip("/") + "/index.html" if address != "/" else "index.html")

def brotli(path):
    twin = Path(str(path) + ".br")
    if twin.exists():
        return twin.stat().st_size
    data = path.read_bytes()
    out = subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True)
    return min(len(out.stdout), len(data))

def files_of(address):
    """The files a browser fetches for this page: the page, its stylesheet,
    its scripts, and the wasm files the page lists for the hydration script."""
    html = page(address).read_text()
    files = [page(address)]
    files += [root / href.lstrip("/") for href in re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html)]
    files += [root / src.lstrip("/") for src in re.findall(r'<script[^>]*src="([^"]+)"', html)]
    listed = re.search(r'<meta name="backstrong-preload" content="([^"]*)"', html)
    if listed is None:
        sys.exit(f"size: {address} names no wasm files (no backstrong-preload meta)")
    files += [root / f.lstrip("/") for f in listed.group(1).split()]
    return files

def table(title, files):
    print(title)
    print(f"{'file':<60} {'raw':>9} {'brotli':>8}")
    raw = br = 0
    for f in files:
        r, b = f.stat().st_size, brotli(f)
        raw += r; br += b
        print(f"{str(f.relative_to(root)):<60} {r:>9} {b:>8}")
    print(f"{'total (' + str(len(files)) + ' files)':<60} {raw:>9} {br:>8}\n")
    return raw, br

home = files_of("/")
first_raw, first_br = table("First visit (the home page):", home)
print("budget: 153600 bytes brotli (150 KB) for a first visit\n")
session = files_of("/session")
_, session_br = table("The session page, straight from the address bar:", session)
_, then_br = table("The home page, then the session page (new files only):",
                   [f for f in session if f not in home])
sw = (root / "sw.js").read_text()
assets = json.loads(re.search(r"const ASSETS = (\[.*?\]);", sw, re.S).group(1))
pack = root / re.search(r'const PACK = "/([^"]+)";', sw).group(1)
# The pack (server/src/pack.rs): a line of JSON naming its files, then their bytes.
index = json.loads(pack.read_bytes().split(b"\n", 1)[0])
pages = [f["path"] for f in index if not f["path"].startswith("/pkg/")]
packed_wasm = [f["path"] for f in index if f["path"].startswith("/pkg/")]
# The session page's own lazy files, in a pack of their own that the worker
# takes from the HTTP cache when the session page was opened first.
session_pack = re.search(r'const SESSION_PACK = (.*?);\n', sw)
session_pack = json.loads(session_pack.group(1)) if session_pack else None
session_own = [root / f.lstrip("/") for f in session_pack["files"]] if session_pack else []
session_pack = root / session_pack["url"].lstrip("/") if session_pack else None
precached = [root / a.lstrip("/") for a in assets] + [pack] + ([session_pack] if session_pack else [])
precache_br = sum(brotli(f) for f in precached) + brotli(root / "sw.js")
print(f"Kept by the service worker: {len(assets)} files one by one, the session page's own "
      f"{len(session_own)} wasm files in a pack ({brotli(session_pack) if session_pack else 0} bytes brotli), "
      f"and a pack of "
      f"{len(pages)} pages and {len(packed_wasm)} wasm files ({brotli(pack)} bytes brotli, "
      f"{sum(brotli(page(a)) for a in pages) + sum(brotli(root / w.lstrip('/')) for w in packed_wasm)} "
      f"if each were compressed alone); {precache_br} bytes brotli with sw.js")
# What the worker downloads after a first visit: the files the page loaded
# come from the browser's HTTP cache (they are immutable); the pack and the
# rest come over the network.
def kept_after(files):
    have = lambda f: f in files or (f == session_pack and all(o in files for o in session_own))
    return sum(brotli(f) for f in precached if not have(f)) + brotli(root / "sw.js")
after = {name: kept_after(files) for name, files in (("home", home), ("session", session))}
print(f"  after a first visit to the home page, the worker downloads {after['home']} bytes; "
      f"to the session page, {after['session']}\n")
# Every page opened straight from the address bar, and what it adds when the
# browser holds the app's data (the stored data's reader, preloaded then):
# a change that helps one page can cost another (the Stop page above all).
print(f"{'every page, opened directly':<40} {'files':>5} {'brotli':>8} {'+ stored':>9}")
for address in pages:
    listed = files_of(address)
    stored = re.search(r'<meta name="backstrong-preload-stored" content="([^"]*)"', page(address).read_text())
    extra = [root / f.lstrip("/") for f in stored.group(1).split()] if stored else []
    extra = [f for f in extra if f not in listed]
    print(f"{address:<40} {len(listed):>5} {sum(brotli(f) for f in listed):>8} {sum(brotli(f) for f in extra):>9}")
print()
print(f"BENCH session_page_brotli_bytes {session_br} bytes")
# Each file costs the main thread a request, a compile and an instance.
print(f"BENCH session_page_files {len(session)} files")
print(f"BENCH home_then_session_brotli_bytes {first_br + then_br} bytes")
print(f"BENCH precache_brotli_bytes {precache_br} bytes")
print(f"BENCH precache_after_home_brotli_bytes {after['home']} bytes")
print(f"BENCH precache_after_session_brotli_bytes {after['session']} bytes")
print(f"BENCH first_visit_raw_bytes {first_raw} bytes")
print(f"BENCH first_visit_brotli_bytes {first_br} bytes")
PY

# Where the bytes go: the main module (the same optimisation as the build,
# with the function names kept, -g, so code can be told apart by crate),
# then each lazy island's split.
out=target/wasm-bindgen/backstrong
echo
named=$(mktemp --suffix=.wasm)
trap 'rm -f "$named"' EXIT
node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/bindgen/backstrong_bg.wasm" -o "$named" 2> >(grep -v 'unknown name subsection' >&2)
python3 scripts/wasm-top.py "$named" 12 | sed "1s|^[^:]*|main module (optimised, names kept for this report)|"
echo "  eager islands: $(grep -o 'export function [A-Z][A-Za-z]*_[0-9]\{6,\}' "$out/bindgen/backstrong.js" \
  | sed 's/export function //; s/_[0-9]*$//' | sort | tr '\n' ' ')"
echo
echo "Lazy islands (each split's own module; chunks shared by several splits apart), brotli bytes:"
for f in "$out/folder/"split_*.wasm; do
  printf '  %-40s %8d\n' "$(basename "$f" .wasm | sed 's/^split_//; s/_loader_[0-9]*$//')" "$(brotli -q 11 -c "$f" | wc -c)"
done
