// Service worker: after the first visit the app works with the network off.
// scripts/post-build.mjs fills in the file list and the version (a hash of dist/).
const CACHE = 'vpc-flowlog-decoder-__VERSION__';
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    // `reload`: past the browser's HTTP cache, so a new version never caches an old file.
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
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
  // The page and the workers' files have no content hash in their names: network
  // first (bypassing the HTTP cache), so a new deployment's page never meets an old
  // worker; the cached copy offline. The page and the workers also check each other's
  // protocol version (flowlog::store::PROTOCOL).
  const unhashed = request.mode === 'navigate' || /\/(index\.html|shell-lang\.js|flowlog-[a-z]+(_loader|_bg)?\.(js|wasm))$/.test(new URL(request.url).pathname);
  if (unhashed) {
    event.respondWith(
      fetch(request, { cache: 'reload' }).catch(() =>
        caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('./index.html')),
      ),
    );
    return;
  }
  // Everything else has a content hash in its name: cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
