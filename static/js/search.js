// Suggestions as you type in the search box (the form works without this script).
// After 3 letters and a 250 ms pause, asks the form's data-suggest URL for up to 5 openings and
// lists them under the box (ARIA combobox); arrows move, Enter opens the chosen one or searches.
(function () {
  var form = document.querySelector("form[data-suggest]");
  var input = form && form.querySelector("input[name=q]");
  if (!input || !window.fetch) return;
  var list = document.createElement("ul");
  var timer, pending, active = -1;
  list.id = "live-suggestions";
  list.className = "live-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.dataset.label || "");
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");

  function show(items) {
    list.textContent = "";
    active = -1;
    input.removeAttribute("aria-activedescendant");
    items.forEach(function (item, n) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      li.id = "live-suggestion-" + n;
      li.setAttribute("role", "option");
      a.href = item.url;
      a.textContent = item.title;
      a.tabIndex = -1;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = !items.length;
    input.setAttribute("aria-expanded", String(!!items.length));
  }

  function ask() {
    var q = input.value.trim();
    if (pending) pending.abort();
    if (q.replace(/\s/g, "").length < 3) return show([]);
    pending = new AbortController();
    fetch(form.dataset.suggest + "?q=" + encodeURIComponent(q), { signal: pending.signal })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { show(data.suggestions || []); })
      .catch(function () {});
  }

  function move(step) {
    var options = list.children;
    if (!options.length) return;
    if (active >= 0) options[active].removeAttribute("aria-selected");
    active = (active + step + options.length) % options.length;
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 250);
  });
  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      move(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Escape") {
      show([]);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      location.href = list.children[active].firstChild.href;
    }
  });
  document.addEventListener("click", function (e) {
    if (!form.contains(e.target)) show([]);
  });
})();
