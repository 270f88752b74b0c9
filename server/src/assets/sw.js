// BackStrong's service worker, generated for one build (see server/src/sw.rs):
// BUILD, PACK and ASSETS are filled in from the build's own files, so the
// lists can never go stale and a new build always means a new worker.
const BUILD = "__BUILD__";
// Every page and every lazy part of the wasm but the session page's own, in
// one file (server/src/pack.rs): one request, and brotli finds what the
// files share.
const PACK = "__PACK__";
// The lazy parts of the wasm the session page loads itself, in a pack of
// their own ({url, files}, or null): people often open the session page
// first, and then the browser holds these files already.
const SESSION_PACK = __SESSION_PACK__;
// The files every page loads, one by one: the browser has them already.
const ASSETS = __ASSETS__;
const CACHE = "backstrong-" + BUILD;
// A navigation waits this long for the network before the saved page is
// used: long enough for a slow gym connection, short enough not to strand.
const NETWORK_TIMEOUT_MS = 3000;

// "/program/" and "/program/index.html" are the page "/program".
function pageKey(pathname) {
  let path = pathname.replace(/\/index\.html$/, "/");
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path;
}

// The pack's files: one line of JSON, the index ({path, headers, size} in
// order), a newline, then the bodies back to back.
function unpack(bytes) {
  const end = bytes.indexOf(10);
  if (end < 0) throw new Error(PACK + " has no index");
  const index = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)));
  let at = end + 1;
  const files = index.map((file) => {
    const body = bytes.slice(at, at + file.size);
    at += file.size;
    return { path: file.path, headers: file.headers, body };
  });
  if (at !== bytes.length) throw new Error(PACK + " is not the length its index says");
  return files;
}

// Downloads the pack at `url` and keeps each of its files.
async function keepPack(cache, url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + " answered " + response.status);
  const files = unpack(new Uint8Array(await response.arrayBuffer()));
  await Promise.all(files.map((file) =>
    cache.put(file.path, new Response(file.body, { headers: file.headers }))));
}

// Keeps `files` without their pack when a page opened before has loaded
// some of them: that page (the session page, opened first) has loaded the
// others too, or is loading them, and a plain fetch waits for those the
// browser is still fetching instead of downloading them again (one alone
// only when no page had it). False, with nothing kept, when the browser
// has none of them: the pack is smaller than the files one by one.
async function keepWithoutPack(cache, files) {
  const held = await Promise.all(files.map((file) =>
    fetch(file, { cache: "only-if-cached", mode: "same-origin" }).catch(() => null)));
  if (!held.some((response) => response && response.ok)) return false;
  const responses = await Promise.all(held.map((response, i) =>
    response && response.ok ? response : fetch(files[i])));
  const failed = responses.findIndex((response) => !response.ok);
  if (failed >= 0) throw new Error(files[failed] + " answered " + responses[failed].status);
  await Promise.all(responses.map((response, i) => cache.put(files[i], response)));
  return true;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(ASSETS);
    await Promise.all([
      keepPack(cache, PACK),
      SESSION_PACK && (async () => {
        if (!(await keepWithoutPack(cache, SESSION_PACK.files))) {
          await keepPack(cache, SESSION_PACK.url);
        }
      })(),
    ]);
    // No skipWaiting here: a new version waits until the page says so (the
    // user pressed Reload), never taking over a session under way.
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("backstrong-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

async function fromCache(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

async function navigate(request) {
  const url = new URL(request.url);
  const network = fetch(request);
  // If the timeout wins, a later failure must not go unhandled.
  network.catch(() => {});
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch (_) {
    // Offline or the server is gone: the saved page below.
  }
  const saved = await fromCache(pageKey(url.pathname));
  if (saved) return saved;
  // Not a page of the app: wait for the network after all.
  try {
    return await network;
  } catch (_) {
    return new Response(
      "<!DOCTYPE html><meta charset=utf-8><title>Offline</title><p>You are offline, and this page is not part of BackStrong. <a href=\"/\">Open BackStrong</a>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  }
}

async function asset(request) {
  const saved = await fromCache(request);
  if (saved) return saved;
  const response = await fetch(request);
  // A wasm file of the build left out of ASSETS (the sync code, which only
  // devices with sync on load) is kept once fetched: offline from then on.
  if (response.ok && /^\/pkg\/.+\.wasm$/.test(new URL(request.url).pathname)) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Only the app's own GET requests; everything else goes straight through.
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // The sync API answers live or not at all: never from the cache.
  if (url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
  } else {
    event.respondWith(asset(request));
  }
});
