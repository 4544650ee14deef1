// The readability panel (home/readability_admin.py) follows the text while the editor
// types: when the form's data has changed, it is posted (nothing is saved) and the
// server's measure replaces the panel's summary. Polling the form's data, as Wagtail's
// preview does, also notices rich text and StreamField changes, which fire no input event.
(() => {
  const INTERVAL = 2000;

  function follow(panel) {
    const form = panel.closest("form");
    const summary = panel.querySelector(".readability__summary");
    if (!form || !summary) return;
    const serialise = () => new URLSearchParams(new FormData(form)).toString();
    let last = serialise();
    let busy = false;
    setInterval(async () => {
      const data = serialise();
      if (busy || data === last) return;
      busy = true;
      last = data;
      try {
        const response = await fetch(panel.dataset.readabilityUrl, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { "X-Requested-With": "XMLHttpRequest" },
        });
        if (response.ok) {
          const result = await response.json();
          summary.innerHTML = result.html;
        }
      } catch (_error) {
        // Offline or the server busy: the figures stay as they were; saving still measures.
      } finally {
        busy = false;
      }
    }, INTERVAL);
  }

  const start = () => document.querySelectorAll("[data-readability-url]").forEach(follow);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
