// smsrent service worker (template). scripts/sw-manifest.cjs fills in the
// build's file list and version after every Trunk build and writes the
// result to the build's sw.js; this file itself is never served.
//
// - The app shell of this build (index, wasm, js, css, icons, manifest) is
//   cached at install, in a cache named after the build's version, and served
//   from there: the app opens offline, and a page always runs one build whole.
// - Language tables (i18n/) and demo mode's simulator worker are cached the
//   first time they are used, in the same cache, or when the app asks the
//   worker to keep one ("keep:<path>", for a file a page loaded before the
//   worker controlled it).
// - Every page inside the scope (deep links like archive) gets the cached
//   index.html.
// - API calls (api/, _sim/), sw.js itself, anything not in the shell and
//   every cross-origin request go to the network only: never cached.
// - A new build waits until the app asks it to take over ("skipWaiting",
//   sent when the person clicks Reload on "A new version is ready"); on
//   activation it drops the caches of older builds of this scope.
'use strict';

const VERSION = '__SW_VERSION__';
const SHELL = __SW_SHELL__;
const LAZY = new Set(__SW_LAZY__);

const SCOPE = new URL(self.registration.scope);
const PREFIX = `smsrent-shell:${SCOPE.pathname}:`;
const CACHE = PREFIX + VERSION;
const INDEX = 'index.html';
const IN_SHELL = new Set(SHELL);

const url = (rel) => new URL(rel, SCOPE).href;

/** A path without an extension in its last segment is a page of the app. */
const isPage = (rel) => !rel.split('/').pop().includes('.');

const networkOnly = (rel) =>
  rel === 'api' || rel.startsWith('api/') || rel.startsWith('_sim/') || rel === 'sw.js';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Revalidated with the server, never taken stale from the HTTP cache.
      cache.addAll(SHELL.map((rel) => new Request(url(rel), { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

/** A lazy file from this build's cache, else fetched fresh and kept there. */
async function lazy(rel) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url(rel));
  if (hit) return hit;
  const response = await fetch(new Request(url(rel), { cache: 'no-cache' }));
  if (response.ok) await cache.put(url(rel), response.clone());
  return response;
}

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
  const wanted = typeof event.data === 'string' && event.data.startsWith('keep:')
    ? event.data.slice('keep:'.length) : null;
  if (wanted && LAZY.has(wanted)) event.waitUntil(lazy(wanted).catch(() => {}));
});

async function fromShell(rel, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url(rel));
  return hit || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const target = new URL(request.url);
  if (target.origin !== SCOPE.origin || !target.pathname.startsWith(SCOPE.pathname)) return;
  const rel = target.pathname.slice(SCOPE.pathname.length);
  if (networkOnly(rel)) return;
  if (request.mode === 'navigate' && (rel === '' || isPage(rel))) {
    event.respondWith(fromShell(INDEX, request));
  } else if (IN_SHELL.has(rel)) {
    event.respondWith(fromShell(rel, request));
  } else if (LAZY.has(rel)) {
    event.respondWith(lazy(rel));
  }
});
