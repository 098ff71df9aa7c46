// cup-pathway service worker, written for this app. scripts/stamp-sw.mjs
// stamps the build id and the build's hashed file list into a copy of this
// file (release builds only). One cache per build; old caches are deleted on
// activate. Hashed assets are cache-first; the page is network-first with the
// cached copy as fallback. A new worker waits until the user accepts the
// update, so an old page never runs with new assets.
const BUILD = '__BUILD_ID__';
const ASSETS = __ASSETS__;
const CACHE = `cup-pathway-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...ASSETS])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('cup-pathway-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: network first and past the HTTP cache (`cache: 'reload'`), so a
    // deployed version is seen at once whatever the host's caching headers;
    // offline, the cached page of this build.
    event.respondWith((async () => {
      try {
        return await fetch(request.url, { cache: 'reload', credentials: 'same-origin' });
      } catch {
        const cache = await caches.open(CACHE);
        return (await cache.match('./')) ?? Response.error();
      }
    })());
    return;
  }
  // Hashed assets of this build: cache first.
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(request)) ?? fetch(request);
  })());
});
