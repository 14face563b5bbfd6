// The header of every page (layout.ftlh), made livelier; everything here works without this script too:
// - the search box shows results as you type (GET /api/v1/search), grouped by kind; up/down choose, Enter opens
//   the chosen one (without one, the form goes to /search), Escape closes; "/" anywhere focuses the box;
// - the problem counts, the count in the title and in the favicon, and the clock follow GET /api/v1/summary
//   without reloading the page (and at once when a sweep ends);
// - optional browser notifications of new unhandled HARD problems (off by default; the header's toggle asks for
//   permission), comparing each summary with the hard problems last seen (localStorage, shared by the tabs).
// Everything the monitor says goes into the page as text, never as HTML.
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function getJson(url, signal) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store',
      signal: signal }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    });
  }

  // ---- quick search -------------------------------------------------------------------------------------------
  var box = document.getElementById('search-box');
  var list = document.getElementById('search-results');
  var form = document.getElementById('quick-search');
  var options = [];
  var active = -1;
  var timer = null;
  var inflight = null;
  var asked = 0;

  function close() {
    list.hidden = true;
    list.textContent = '';
    options = [];
    active = -1;
    box.setAttribute('aria-expanded', 'false');
    box.removeAttribute('aria-activedescendant');
  }

  function choose(i) {
    if (active >= 0 && options[active]) { options[active].classList.remove('active'); }
    active = i;
    if (i >= 0 && options[i]) {
      options[i].classList.add('active');
      options[i].setAttribute('aria-selected', 'true');
      box.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      box.removeAttribute('aria-activedescendant');
    }
    options.forEach(function (o, n) { if (n !== i) { o.setAttribute('aria-selected', 'false'); } });
  }

  function hit(r, n) {
    var a = el('a', 'search-hit');
    a.href = r.url;
    a.id = 'search-hit-' + n;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    a.setAttribute('data-kind', r.kind);
    a.setAttribute('data-name', r.name);
    if (r.host !== null && r.host !== undefined) { a.setAttribute('data-host', r.host); }
    if (r.state) { a.appendChild(el('span', 'state state-' + r.state.toLowerCase(), r.state)); }
    a.appendChild(el('span', 'hit-name', r.name));
    var more = r.host ? 'on ' + r.host + (r.alias ? ' · ' + r.alias : '') : r.alias;
    if (more) { a.appendChild(el('span', 'hit-more', more)); }
    a.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the focus (and so the list)
    return a;
  }

  function show(answer, q) {
    list.textContent = '';
    options = [];
    active = -1;
    answer.groups.forEach(function (g) {
      if (g.results.length === 0) { return; }
      var head = list.appendChild(el('div', 'search-kind', g.label));
      head.setAttribute('role', 'presentation');
      if (g.total > g.results.length) { head.appendChild(el('small', null, ' ' + g.results.length + ' of ' + g.total)); }
      g.results.forEach(function (r) { options.push(list.appendChild(hit(r, options.length))); });
    });
    var all = list.appendChild(el('a', 'search-all', answer.total === 0 ? 'Nothing found for “' + q + '”'
      : 'All results for “' + q + '”'));
    all.href = '/search?q=' + encodeURIComponent(q);
    all.addEventListener('mousedown', function (e) { e.preventDefault(); });
    list.hidden = false;
    box.setAttribute('aria-expanded', 'true');
  }

  function ask() {
    var q = box.value.trim();
    if (inflight) { inflight.abort(); inflight = null; }
    if (q === '') { close(); return; }
    var n = ++asked;
    inflight = window.AbortController ? new AbortController() : null;
    getJson('/api/v1/search?limit=8&q=' + encodeURIComponent(q), inflight ? inflight.signal : undefined)
      .then(function (answer) {
        if (n === asked && document.activeElement === box) { show(answer, q); }
      })
      .catch(function () { /* aborted by the next key, or the server is away: the form still works */ });
  }

  if (box && list && form) {
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (options.length === 0) { return; }
        e.preventDefault();
        var next = e.key === 'ArrowDown' ? active + 1 : active - 1;
        choose(next < 0 ? options.length - 1 : next >= options.length ? 0 : next);
      } else if (e.key === 'Enter' && active >= 0 && options[active]) {
        e.preventDefault();
        location.href = options[active].href;
      } else if (e.key === 'Escape') {
        e.preventDefault();
        if (!list.hidden) { close(); } else { box.blur(); }
      }
    });
    box.addEventListener('focus', function () { if (box.value.trim() !== '') { ask(); } });
    box.addEventListener('blur', function () { setTimeout(close, 100); });
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
      var t = e.target;
      if (t && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable)) { return; }
      e.preventDefault();
      box.focus();
      box.select();
    });
  }

  // ---- header counts, title, favicon, clock ---------------------------------------------------------------------
  var counts = document.getElementById('problem-counts');
  if (!counts) { return; } // the login and bare error pages have no header to keep up to date
  var clock = document.getElementById('header-clock');
  var favicon = document.getElementById('favicon');
  var toggle = document.getElementById('notify-toggle');
  var baseTitle = document.title.replace(/^\(\d+\) /, '');
  var refresh = parseInt(document.body.getAttribute('data-refresh') || '0', 10);
  var period = (refresh > 0 ? Math.min(refresh, 15) : 15) * 1000;
  var NOTIFY = 'vigil-notify';
  var SEEN = 'vigil-hard-problems-seen';
  var SEEN_MAX = 100;

  function notifying() {
    return window.Notification && Notification.permission === 'granted' && localStorage.getItem(NOTIFY) === 'on';
  }

  function update(s) {
    s.counts.forEach(function (c) {
      ['unhandled', 'handled'].forEach(function (h) {
        var a = counts.querySelector('a[data-state="' + c.state + '"][data-handling="' + h + '"]');
        if (!a) { return; }
        a.querySelector('b').textContent = String(c[h]);
        a.hidden = c[h] === 0;
      });
    });
    var none = counts.querySelector('a[data-handling="none"]');
    if (none) { none.hidden = s.counts.some(function (c) { return c.unhandled > 0 || c.handled > 0; }); }
    document.title = (s.unhandled > 0 ? '(' + s.unhandled + ') ' : '') + baseTitle;
    if (favicon) { favicon.href = '/favicon.svg' + (s.unhandled > 0 ? '?n=' + s.unhandled : ''); }
    if (clock && s.clock) { clock.textContent = s.clock; }
    if (s.hard_problems) { compare(s.hard_problems); }
  }

  function key(p) { return p.host + ';' + (p.service === null ? '' : p.service) + ';' + p.since; }

  // New = not among the hard problems seen last time. When the last list was full, one older than its oldest may
  // only have dropped off its end, so it is not new.
  function compare(now) {
    var last = null;
    try { last = JSON.parse(localStorage.getItem(SEEN) || 'null'); } catch (e) { last = null; }
    localStorage.setItem(SEEN, JSON.stringify({
      keys: now.map(key), floor: now.length >= SEEN_MAX ? now[now.length - 1].since : null }));
    if (last === null || !notifying()) { return; }
    var fresh = now.filter(function (p) {
      return last.keys.indexOf(key(p)) < 0 && (last.floor === null || Date.parse(p.since) > Date.parse(last.floor));
    });
    fresh.slice(0, 5).forEach(function (p) {
      var title = p.state + ': ' + (p.service === null ? p.host : p.service + ' on ' + p.host);
      var n = new Notification(title, { body: p.output, tag: key(p), icon: '/favicon.ico' });
      n.onclick = function () {
        window.focus();
        location.href = p.service === null ? '/host/' + encodeURIComponent(p.host) : '/service/'
          + encodeURIComponent(p.host) + '/' + encodeURIComponent(p.service).replace(/%2F/g, '/');
      };
    });
    if (fresh.length > 5) {
      new Notification((fresh.length - 5) + ' more new problems', { tag: 'vigil-more', icon: '/favicon.ico' });
    }
  }

  var polling = null;
  function poll() {
    clearTimeout(polling);
    var url = '/api/v1/summary' + (notifying() ? '?hard_problems=' + SEEN_MAX : '');
    getJson(url).then(update).catch(function () { /* the next poll tries again */ })
      .then(function () { polling = setTimeout(poll, period); });
  }
  polling = setTimeout(poll, period);
  document.addEventListener('vigil:sweep-over', poll);

  // ---- the notifications toggle ---------------------------------------------------------------------------------
  function showToggle() {
    var on = notifying();
    toggle.textContent = 'Notify: ' + (on ? 'on' : 'off');
    toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    toggle.title = on ? 'Browser notifications of new hard problems are on; click to turn them off'
      : 'Show a browser notification for each new hard problem';
  }
  if (toggle && window.Notification && window.localStorage) {
    toggle.hidden = false;
    showToggle();
    toggle.addEventListener('click', function () {
      if (notifying()) {
        localStorage.setItem(NOTIFY, 'off');
        showToggle();
        return;
      }
      Promise.resolve(Notification.requestPermission()).then(function (p) {
        if (p === 'granted') {
          localStorage.setItem(NOTIFY, 'on');
          localStorage.removeItem(SEEN); // what is broken now is known: only what breaks from now on is new
          poll();
        }
        showToggle();
      });
    });
  }
}());
