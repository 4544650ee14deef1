// The error summary takes the focus when the page opens (autofocus alone is not applied
// in every case), so a screen reader starts at what to correct.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
});
