// asyncio-rosetta static site: the index filter, keyboard navigation, and a topic's columns kept level.
// No network, no storage: works the same from file:// and from any static host.
(function () {
  "use strict";

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
  }

  var filter = document.getElementById("filter");
  var entries = Array.prototype.slice.call(document.querySelectorAll("ul.entries li"));
  var selected = -1;

  function visible() {
    return entries.filter(function (li) { return !li.hidden; });
  }

  function select(index) {
    var shown = visible();
    entries.forEach(function (li) { li.classList.remove("selected"); });
    if (!shown.length) { selected = -1; return; }
    selected = Math.max(0, Math.min(index, shown.length - 1));
    shown[selected].classList.add("selected");
    shown[selected].scrollIntoView({block: "nearest"});
  }

  function applyFilter() {
    // Every word must appear in the entry's terms: names, legacy and modern APIs, ids.
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (li) {
      var terms = li.getAttribute("data-terms");
      var match = words.every(function (word) { return terms.indexOf(word) !== -1; });
      li.hidden = !match;
      if (match) { shown += 1; }
    });
    document.getElementById("count").textContent = shown + " of " + entries.length + " shown";
    Array.prototype.forEach.call(document.querySelectorAll(".empty"), function (p) {
      var list = document.getElementById(p.getAttribute("data-for"));
      p.hidden = list.querySelectorAll("li:not([hidden])").length !== 0;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".shown"), function (span) {
      var items = document.getElementById(span.getAttribute("data-for")).querySelectorAll("li");
      var left = Array.prototype.filter.call(items, function (li) { return !li.hidden; }).length;
      span.textContent = "(" + (left === items.length ? items.length : left + " of " + items.length) + ")";
    });
    selected = -1;
  }

  if (filter) {
    filter.addEventListener("input", applyFilter);
    var query = /[?&]q=([^&]*)/.exec(window.location.search);
    if (query) { filter.value = decodeURIComponent(query[1].replace(/\+/g, " ")); }
    applyFilter();
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { select(0); var first = visible()[0]; if (first) { first.querySelector("a").click(); } }
      if (event.key === "Escape") { filter.blur(); }
      if (event.key === "ArrowDown") { event.preventDefault(); filter.blur(); select(0); }
    });
  }

  // Code side by side (a topic's styles, a fix before and after): a wrapped line makes its row as
  // tall in every column; a docstring folded in one column is folded in all, so the rows stay level.
  var groups = Array.prototype.map.call(document.querySelectorAll(".columns, .fix"), function (group) {
    return Array.prototype.map.call(group.querySelectorAll(".code"), function (code) {
      return code.querySelectorAll(".line");
    });
  });
  function level() {
    groups.forEach(function (rows) {
      rows.forEach(function (lines) { Array.prototype.forEach.call(lines, function (l) { l.style.minHeight = ""; }); });
      var tops = rows.map(function (lines) { return lines.length ? lines[0].getBoundingClientRect().top : 0; });
      if (rows.length < 2 || tops[0] !== tops[1]) { return; }  // stacked: nothing to keep level
      var heights = Array.prototype.map.call(rows[0], function () { return 0; });
      rows.forEach(function (lines) {
        Array.prototype.forEach.call(lines, function (l, i) { heights[i] = Math.max(heights[i] || 0, l.offsetHeight); });
      });
      rows.forEach(function (lines) {
        Array.prototype.forEach.call(lines, function (l, i) { if (heights[i]) { l.style.minHeight = heights[i] + "px"; } });
      });
    });
  }
  if (groups.length) {
    level();
    window.addEventListener("resize", level);
    var folds = document.querySelectorAll(".columns details.doc");
    Array.prototype.forEach.call(folds, function (fold) {
      fold.addEventListener("toggle", function () {
        Array.prototype.forEach.call(folds, function (other) { if (other.open !== fold.open) { other.open = fold.open; } });
        level();
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var body = document.body;
    if (event.key === "/" && filter) { event.preventDefault(); filter.focus(); filter.select(); return; }
    if (entries.length) {  // the index: move through the list, Enter opens
      if (event.key === "j" || event.key === "ArrowDown") { event.preventDefault(); select(selected + 1); }
      else if (event.key === "k" || event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
      else if (event.key === "Enter" && selected >= 0) { visible()[selected].querySelector("a").click(); }
      return;
    }
    // A topic or hazard page: the previous / next one, or back to the index.
    var go = {j: "next", ArrowRight: "next", k: "prev", ArrowLeft: "prev", u: "index"}[event.key];
    var target = go && body.getAttribute("data-" + go);
    if (target) { event.preventDefault(); window.location.href = target; }
  });
}());
