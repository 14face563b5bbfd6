// Vigil pages: auto-refresh that keeps the URL (and so the filters and sort) and the scroll position.
// The page works without this script; it only makes refreshing gentler.
(function () {
  'use strict';
  var key = 'vigil-scroll:' + location.pathname + location.search;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener('load', function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  var seconds = parseInt(document.body.getAttribute('data-refresh') || '0', 10);
  if (seconds > 0) {
    var timer = null;
    var arm = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        // Never throw away what someone is typing or has ticked.
        var busy = document.activeElement && /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
        var ticked = document.querySelector('input[type=checkbox][name=target]:checked');
        var held = document.querySelector('[data-hold-refresh]'); // e.g. a sweep running
        if (busy || ticked || held) { arm(); return; }
        sessionStorage.setItem(key, String(window.scrollY));
        location.reload();
      }, seconds * 1000);
    };
    arm();
    // a sweep that ended lifts its hold (sweep.js): the next refresh is a whole period later, for its summary
    document.addEventListener('vigil:sweep-over', arm);
  }
}());
// Lists: the header check box ticks or clears every row's (without JavaScript, rows are ticked one by one).
document.addEventListener('change', function (e) {
  var all = e.target;
  if (!all.classList || !all.classList.contains('select-all')) { return; }
  var table = all.closest('table');
  table.querySelectorAll('input.select[name=target]').forEach(function (box) { box.checked = all.checked; });
});
// Phones: vigil.css shows each table row as a card whose values carry their column's name. Every cell gets its
// column header's text as data-label (colspans counted), also in tables and rows added later by other scripts.
(function () {
  'use strict';
  var headerText = function (th) {
    var copy = th.cloneNode(true);
    copy.querySelectorAll('.arrow, .sr-only').forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  var label = function (table) {
    var head = table.tHead;
    if (!head || head.rows.length === 0) { return; }
    var names = [];
    Array.prototype.forEach.call(head.rows[head.rows.length - 1].cells, function (th) {
      var text = headerText(th);
      for (var i = 0; i < (th.colSpan || 1); i++) { names.push(text); }
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var col = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (!cell.hasAttribute('data-label') && cell.colSpan < names.length) {
            cell.setAttribute('data-label', names[col] || '');
          }
          col += cell.colSpan || 1;
        });
      });
    });
  };
  document.querySelectorAll('table').forEach(label);
  // only tables that gained rows are looked at again (a sweep's progress text changes ten times a second)
  new MutationObserver(function (changes) {
    var tables = new Set();
    changes.forEach(function (c) {
      c.addedNodes.forEach(function (n) {
        if (n.nodeType !== 1) { return; }
        var t = n.closest('table');
        if (t) { tables.add(t); }
        n.querySelectorAll('table').forEach(function (inner) { tables.add(inner); });
      });
    });
    tables.forEach(label);
  }).observe(document.body, {childList: true, subtree: true});
}());
