// The service worker: the applicants' form reloads without a connection. A page is fetched from the
// network first and kept, so that a reload offline shows the last one; the hashed files (the scripts, the
// stylesheets) come from the cache once fetched. Only GET requests: a form sent is never replayed, and
// nothing of the API is cached.
const CACHE = "sponsorship-v2";

self.addEventListener("install", (event) => {
  event.waitUntil(self.skipWaiting());
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // A page marked no-store (a person's status, a code) is never kept.
    if (response.ok && !/no-store/.test(response.headers.get("cache-control") ?? ""))
      await cache.put(fallbackKey ?? request, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (event.request.mode === "navigate") {
    event.respondWith(networkFirst(event.request));
  } else if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/pages/")) {
    event.respondWith(
      caches
        .open(CACHE)
        .then(
          async (c) => (await c.match(event.request)) ?? fetch(event.request).then((r) => (r.ok && c.put(event.request, r.clone()), r)),
        ),
    );
  }
});
