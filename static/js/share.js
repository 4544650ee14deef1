// The system's share sheet, where the browser has one; the plain links work without it.
document.querySelectorAll("[data-share-url]").forEach((button) => {
  if (!navigator.share) return;
  button.closest("[hidden]")?.removeAttribute("hidden");
  button.addEventListener("click", () => {
    navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl }).catch(() => {});
  });
});
