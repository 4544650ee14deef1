// Aan de Slag: the newcomer section of one language, readable without a connection.
// Written by toolkit.offline; the configuration changes with every publish.
const CONFIG = {{ config|safe }};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CONFIG.cache).then((cache) => cache.addAll(CONFIG.keep)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(CONFIG.prefix) && key !== CONFIG.cache).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

const kept = new Set(CONFIG.keep);

async function withNotice(response) {
  // A kept copy says so in the page's language, inside its main landmark.
  const html = await response.text();
  const notice = `<p class="notice offline-notice" role="status">${CONFIG.notice}</p>`;
  return new Response(html.replace(/(<main[^>]*>)/, `$1${notice}`), {
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

async function page(request) {
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    // The newest copy replaces the kept one, so an older one is never shown after it.
    if (response.ok && kept.has(url.pathname) && !url.search) {
      const copy = response.clone();
      caches.open(CONFIG.cache).then((cache) => cache.put(url.pathname, copy));
    }
    return response;
  } catch (error) {
    const cache = await caches.open(CONFIG.cache);
    const copy = (await cache.match(url.pathname)) || (await cache.match(CONFIG.offline));
    if (!copy) throw error;
    return withNotice(copy);
  }
}

async function asset(request) {
  const copy = await caches.match(request);
  return copy || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (kept.has(url.pathname)) {
    event.respondWith(asset(request));
  }
});
