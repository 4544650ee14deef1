// Replaces what wagtail-localize hard-codes in English (home/admin_language.py): a few
// labels, the editor's title and English month names in dates, in the admin's language.
(() => {
  const data = document.getElementById("admin-language");
  if (!data) return;
  const fixes = JSON.parse(data.textContent);
  const months = Object.keys(fixes.months);
  const monthPattern = months.length ? new RegExp(`\\b(\\d{1,2}) (${months.join("|")}) (\\d{4})\\b`, "g") : null;
  const titlePattern = /^(.+) to (.+) translation$/;

  function fix(text) {
    let value = text;
    if (fixes.exact[value.trim()]) value = fixes.exact[value.trim()];
    const title = value.match(titlePattern);
    if (title) value = fixes.editorTitle.replace("%(source)s", title[1]).replace("%(target)s", title[2]);
    if (monthPattern) value = value.replace(monthPattern, (_all, day, month, year) => `${day} ${fixes.months[month]} ${year}`);
    return value;
  }

  function walk(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const fixed = fix(node.nodeValue);
      if (fixed !== node.nodeValue) node.nodeValue = fixed;
    }
  }

  const start = () => {
    walk(document.body);
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === "characterData") {
          const fixed = fix(change.target.nodeValue);
          if (fixed !== change.target.nodeValue) change.target.nodeValue = fixed;
        }
        change.addedNodes.forEach((node) => {
          if (node.nodeType === Node.TEXT_NODE) {
            const fixed = fix(node.nodeValue);
            if (fixed !== node.nodeValue) node.nodeValue = fixed;
          } else if (node.nodeType === Node.ELEMENT_NODE) walk(node);
        });
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
