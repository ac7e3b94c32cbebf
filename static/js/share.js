// "Copy" beside an opening's link (templates/jobs/_share.html). Without this script the link
// stays in a field that a long press selects; with it, one tap copies it and says so.
(function () {
  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.dataset.copy);
    if (!field) return;
    var label = button.textContent;
    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    button.addEventListener("click", function () {
      field.focus();
      field.select();
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(field.value).then(function () { return true; }, fallback)
        : Promise.resolve(fallback());
      copied.then(function (done) {
        if (!done) return;
        button.textContent = button.dataset.done;
        setTimeout(function () { button.textContent = label; }, 2500);
      });
    });
    function fallback() {
      try { return document.execCommand("copy"); } catch (e) { return false; }
    }
  });
})();
