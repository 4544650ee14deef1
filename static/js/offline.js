// After one visit, keep this language's newcomer section for reading without a connection
// (toolkit.offline). Without JavaScript or a service worker the site works as before.
if ("serviceWorker" in navigator) {
  const code = document.documentElement.lang;
  navigator.serviceWorker.register(`/${code}/sw.js`, { scope: `/${code}/` }).catch(() => {});
}
