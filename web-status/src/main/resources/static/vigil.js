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
        var held = document.querySelector('[data-hold-refresh]'); // e.g. a sweep running or its summary shown
        if (busy || ticked || held) { arm(); return; }
        sessionStorage.setItem(key, String(window.scrollY));
        location.reload();
      }, seconds * 1000);
    };
    arm();
  }
}());
// Lists: the header check box ticks or clears every row's (without JavaScript, rows are ticked one by one).
document.addEventListener('change', function (e) {
  var all = e.target;
  if (!all.classList || !all.classList.contains('select-all')) { return; }
  var table = all.closest('table');
  table.querySelectorAll('input.select[name=target]').forEach(function (box) { box.checked = all.checked; });
});
