// Service worker: after the first visit the app works with the network off.
// scripts/post-build.mjs fills in the file list and the version (a hash of dist/).
const CACHE = 'vpc-flowlog-decoder-__VERSION__';
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('vpc-flowlog-decoder-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // The page: network first, so a new deployment shows at once; the cached copy offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('./index.html')),
      ),
    );
    return;
  }
  // Everything else has a content hash in its name: cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
