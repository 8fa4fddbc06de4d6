// The service worker: the village has weak signal. Every GET of the app (its pages, scripts, styles) and of the
// API (the signed-in user's own area's layers: the server cuts every read to it) goes to the network first and is
// kept; without a connection the kept answer is used. The app shell is kept on install, so the map opens offline.
// Reports made offline wait in IndexedDB (js/outbox.js), not here. Live reports (SSE) and downloads pass by.
const VERSION = 'v1';
const SHELL = `pingan-shell-${VERSION}`;
const DATA = `pingan-data-${VERSION}`;
const SHELL_FILES = [
  './', 'index.html', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png', 'icons/icon-512.png',
  'css/map.css', 'css/disputes.css', 'css/patrol.css', 'css/households.css',
  'webjars/leaflet/dist/leaflet.css', 'webjars/leaflet/dist/leaflet.js', 'webjars/leaflet/dist/images/layers.png',
  'webjars/leaflet-markercluster/MarkerCluster.css', 'webjars/leaflet-markercluster/leaflet.markercluster.js',
  'js/api.js',
  'js/controls/coordinates.js',
  'js/controls/dispute-detail.js',
  'js/controls/disputes.js',
  'js/controls/home-lists.js',
  'js/controls/home.js',
  'js/controls/households.js',
  'js/controls/legend.js',
  'js/controls/notice.js',
  'js/controls/panel.js',
  'js/controls/patrol.js',
  'js/controls/register.js',
  'js/controls/search.js',
  'js/controls/site-panel.js',
  'js/controls/user.js',
  'js/csrf.js',
  'js/handlers/draw-loader.js',
  'js/handlers/locate.js',
  'js/handlers/position.js',
  'js/layers/base.js',
  'js/layers/borders.js',
  'js/layers/buildings.js',
  'js/layers/dispute-clusters.js',
  'js/layers/disputes.js',
  'js/layers/grids.js',
  'js/layers/hazards.js',
  'js/layers/label.js',
  'js/layers/my-area.js',
  'js/layers/online.js',
  'js/layers/patrol-route.js',
  'js/layers/places.js',
  'js/layers/roads.js',
  'js/layers/sites.js',
  'js/layers/village-counts.js',
  'js/layers/villages.js',
  'js/layers/water.js',
  'js/main.js',
  'js/outbox.js',
  'js/terms.js',
];
const PASS_BY = ['/api/disputes/events', '/api/disputes/export.xlsx', '/api/login', '/api/logout', '/api/csrf'];

self.addEventListener('install', (event) => {
  // one file that cannot be fetched (e.g. signed out) must not stop the others from being kept
  event.waitUntil(caches.open(SHELL).then((cache) => Promise.all(SHELL_FILES.map((file) => fetch(file,
    { credentials: 'same-origin' }).then((r) => (r.ok && !r.redirected ? cache.put(file, r) : null), () => null))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA)
    .map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin
      || PASS_BY.some((path) => url.pathname.endsWith(path))
      || url.pathname.includes('/api/households')) { // 一户一档's personal data is never kept on the device
    return;
  }
  const store = url.pathname.includes('/api/') || url.pathname.includes('/tiles/') ? DATA : SHELL;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(store).then((cache) => cache.put(request, copy));
    }
    return response;
  }, () => caches.match(request, { ignoreVary: true })
    .then((kept) => kept || (request.mode === 'navigate' ? caches.match('./') : undefined))
    .then((kept) => kept || Response.error())));  // nothing kept: the page sees no connection
});
