// The service worker: the applicants' form reloads without a connection. The app's files are served
// from a cache (refreshed when online); page loads fall back to the cached page; the two public
// answers the form needs (the round, the States) come from the network, or from the cache offline.
// Nothing else of the API is cached.
const CACHE = "sponsorship-v1";
const PUBLIC_API = [/^\/api\/states$/, /^\/api\/public\/rounds\/[^/]+$/];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(["/"]))
      .then(() => self.skipWaiting()),
  );
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
    if (response.ok) await cache.put(fallbackKey ?? request, response.clone());
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
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      caches
        .open(CACHE)
        .then(
          async (c) => (await c.match(event.request)) ?? fetch(event.request).then((r) => (r.ok && c.put(event.request, r.clone()), r)),
        ),
    );
  } else if (PUBLIC_API.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(event.request));
  }
});
