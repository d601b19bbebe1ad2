// A "copy" button for text on the page: <button data-copy="element-id" data-copied="Gekopieerd."
// hidden>. Without JavaScript the button stays hidden and the text can be selected by hand.
(function () {
  function copied(button) {
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    if (status) status.textContent = button.getAttribute("data-copied");
  }

  function fallback(source) {
    // Older browsers and plain http: select the text and copy the selection.
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return document.execCommand && document.execCommand("copy");
  }

  function setUp() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var text = source.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { copied(button); },
        function () { if (fallback(source)) copied(button); }
      );
    } else if (fallback(source)) {
      copied(button);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  document.addEventListener("htmx:afterSettle", setUp);
})();
