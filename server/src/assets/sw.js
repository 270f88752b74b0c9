// BackStrong's service worker, generated for one build (see server/src/sw.rs):
// BUILD, PAGES and ASSETS are filled in from the build's own files, so the
// list can never go stale and a new build always means a new worker.
const BUILD = "__BUILD__";
const PAGES = __PAGES__;
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

// A response as the cache should keep it: a static host may answer "/program"
// with a redirect to "/program/", and a redirected response cannot answer a
// navigation later.
async function clean(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(ASSETS);
    await Promise.all(PAGES.map(async (page) => {
      const response = await fetch(page, { cache: "reload" });
      if (!response.ok) throw new Error(page + " answered " + response.status);
      await cache.put(page, await clean(response));
    }));
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
