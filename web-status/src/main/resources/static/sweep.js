// The sweep panel (sweep.ftlh): starts a sweep through the JSON API, polls it every 250 ms into a progress bar with
// the failures so far, and at the end lists everything not OK with its output, results that changed marked.
// Everything the monitor says is put into the page as text (never as HTML): plugin output may carry markup.
(function () {
  'use strict';
  var start = document.getElementById('sweep-start');
  if (!start) { return; }
  var panel = document.getElementById('sweep');
  var cancel = document.getElementById('sweep-cancel');
  var live = document.getElementById('sweep-live');
  var bar = document.getElementById('sweep-bar');
  var fill = document.getElementById('sweep-fill');
  var error = document.getElementById('sweep-error');
  var current = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function headers() {
    var h = { 'Accept': 'application/json', 'Content-Type': 'application/json' };
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && meta.content) { h['X-CSRF-Token'] = meta.content; }
    return h;
  }

  function api(method, path) {
    return fetch(path, { method: method, headers: headers(), credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        return r.text().then(function (body) {
          var json = null;
          try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
          if (!r.ok) {
            var why = json && (json.detail || json.message) ? (json.detail || json.message) : ('HTTP ' + r.status);
            throw new Error(why);
          }
          return json;
        });
      });
  }

  function counts(map) {
    return Object.keys(map || {}).sort(function (a, b) { return map[b] - map[a] || (a < b ? -1 : 1); })
      .map(function (k) { return k + ' ' + map[k]; }).join(', ');
  }

  function seg(s) { return encodeURIComponent(s); }

  function showProgress(s) {
    var pct = s.total > 0 ? s.percent : 100;
    fill.style.width = pct + '%';
    bar.setAttribute('aria-valuenow', String(pct));
    document.getElementById('sweep-count').textContent = s.done + ' of ' + s.total;
    document.getElementById('sweep-percent').textContent = pct + '%';
    document.getElementById('sweep-elapsed').textContent = (s.elapsed_ms / 1000).toFixed(1) + ' s';
    document.getElementById('sweep-phase').textContent = s.phase;
    var failures = document.getElementById('sweep-failures');
    failures.textContent = '';
    if (s.problems > 0) {
      failures.appendChild(el('strong', null, s.problems + ' not OK' + (s.phase === 'running' ? ' so far' : '')));
      failures.appendChild(document.createTextNode(': ' + counts(s.problems_by_state) + ' · by host: '
        + counts(s.problems_by_host)));
    } else {
      failures.textContent = s.phase === 'running' ? 'No failures so far.' : 'No failures.';
    }
  }

  function resultRow(r) {
    var tr = el('tr');
    tr.setAttribute('data-host', r.host);
    if (r.service !== null) { tr.setAttribute('data-service', r.service); }
    var state = el('td');
    state.appendChild(el('span', 'state state-' + r.state.toLowerCase(), r.state));
    tr.appendChild(state);
    var host = el('td');
    var hl = el('a', null, r.host);
    hl.href = '/host/' + seg(r.host);
    host.appendChild(hl);
    tr.appendChild(host);
    var svc = el('td');
    if (r.service !== null) {
      var sl = el('a', null, r.service);
      // as Fmt.serviceUrl: a slash in a description stays literal (Jetty refuses an encoded one)
      sl.href = '/service/' + seg(r.host) + '/' + seg(r.service).replace(/%2F/g, '/');
      svc.appendChild(sl);
    } else {
      svc.textContent = '(host check)';
    }
    tr.appendChild(svc);
    var out = el('td', 'output', r.output);
    if (r.changed) {
      out.appendChild(document.createTextNode(' '));
      out.appendChild(el('span', 'changed', 'changed: was ' + r.previous_state));
    }
    tr.appendChild(out);
    return tr;
  }

  function table(id, rows) {
    var t = el('table', 'sweep-results');
    t.id = id;
    var head = el('tr');
    ['State', 'Host', 'Service', 'Output'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (r) { body.appendChild(resultRow(r)); });
    return t;
  }

  function showSummary(s) {
    var box = document.getElementById('sweep-summary');
    box.textContent = '';
    var verb = s.phase === 'cancelled' ? 'Cancelled after ' : 'Ran ';
    box.appendChild(el('p', 'sweep-headline', verb + s.done + ' of ' + s.total + ' checks on ' + s.hosts
      + ' hosts in ' + (s.elapsed_ms / 1000).toFixed(2) + ' s: ' + s.not_ok.length + ' not OK, '
      + s.changed.length + ' changed.'));
    if (s.not_ok.length > 0) {
      box.appendChild(table('sweep-results', s.not_ok));
    }
    var recovered = s.changed.filter(function (r) { return r.state === 'OK' || r.state === 'UP'; });
    if (recovered.length > 0) {
      box.appendChild(el('h3', null, 'Recovered'));
      box.appendChild(table('sweep-recovered', recovered));
    }
    if (s.not_run && s.not_run.length > 0) {
      box.appendChild(el('p', 'sweep-notrun', 'Not run: ' + s.not_run.join('; ')));
    }
  }

  function poll(id) {
    api('GET', '/api/v1/sweeps/' + id).then(function (s) {
      if (id !== current) { return; }
      showProgress(s);
      if (s.phase === 'running') {
        setTimeout(function () { poll(id); }, 250);
      } else {
        finish();
        showSummary(s);
      }
    }).catch(fail);
  }

  function finish() {
    current = null;
    start.disabled = false;
    start.textContent = 'Run again';
    cancel.hidden = true;
    panel.setAttribute('data-phase', 'over');
  }

  function fail(e) {
    finish();
    error.textContent = 'The sweep could not be run: ' + e.message;
    error.hidden = false;
  }

  start.addEventListener('click', function () {
    var q = [];
    if (start.dataset.hostgroup) { q.push('hostgroup=' + encodeURIComponent(start.dataset.hostgroup)); }
    if (start.dataset.servicegroup) { q.push('servicegroup=' + encodeURIComponent(start.dataset.servicegroup)); }
    start.disabled = true;
    error.hidden = true;
    document.getElementById('sweep-summary').textContent = '';
    // a refresh in the middle of a sweep, or while its summary is read, would throw both away (vigil.js)
    panel.setAttribute('data-hold-refresh', '');
    panel.setAttribute('data-phase', 'running');
    api('POST', '/api/v1/sweeps' + (q.length ? '?' + q.join('&') : '')).then(function (s) {
      current = s.id;
      live.hidden = false;
      cancel.hidden = false;
      showProgress(s);
      poll(s.id);
    }).catch(fail);
  });

  cancel.addEventListener('click', function () {
    if (current !== null) {
      api('POST', '/api/v1/sweeps/' + current + '/cancel').catch(function () { /* over already */ });
    }
  });

  start.disabled = false;
}());
