// The sweep panels (sweep.ftlh): each starts a sweep of its scope through the JSON API, polls it every 250 ms into
// its progress bar with the failures so far, and at the end lists everything not OK with its output, results that
// changed marked. Everything the monitor says is put into the page as text (never as HTML): plugin output may carry
// markup. A page may hold several panels (the group pages: one per group).
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function headers() {
    // the session's token: an API call the session cookie authenticates must carry it (forms cannot)
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
            throw new Error(json && json.detail ? json.detail : ('HTTP ' + r.status));
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

  function resultRow(r) {
    var tr = el('tr');
    tr.setAttribute('data-host', r.host);
    if (r.service !== null) { tr.setAttribute('data-service', r.service); }
    var state = tr.appendChild(el('td'));
    state.appendChild(el('span', 'state state-' + r.state.toLowerCase(), r.state));
    var host = tr.appendChild(el('td')).appendChild(el('a', null, r.host));
    host.href = '/host/' + seg(r.host);
    var svc = tr.appendChild(el('td'));
    if (r.service !== null) {
      var link = svc.appendChild(el('a', null, r.service));
      // as Fmt.serviceUrl: a slash in a description stays literal (Jetty refuses an encoded one)
      link.href = '/service/' + seg(r.host) + '/' + seg(r.service).replace(/%2F/g, '/');
    } else {
      svc.textContent = '(host check)';
    }
    var out = tr.appendChild(el('td', 'output', r.output));
    if (r.changed) {
      out.appendChild(document.createTextNode(' '));
      out.appendChild(el('span', 'changed', 'changed: was ' + r.previous_state));
    }
    return tr;
  }

  function table(cls, rows) {
    var t = el('table', 'sweep-results ' + cls);
    var head = el('tr');
    ['State', 'Host', 'Service', 'Output'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (r) { body.appendChild(resultRow(r)); });
    return t;
  }

  function Panel(section) {
    var q = function (cls) { return section.querySelector('.' + cls); };
    var start = q('sweep-start');
    var cancel = q('sweep-cancel');
    var error = q('sweep-error');
    var current = null;

    function showProgress(s) {
      var pct = s.total > 0 ? s.percent : 100;
      q('sweep-fill').style.width = pct + '%';
      q('sweep-bar').setAttribute('aria-valuenow', String(pct));
      q('sweep-count').textContent = s.done + ' of ' + s.total;
      q('sweep-percent').textContent = pct + '%';
      q('sweep-elapsed').textContent = (s.elapsed_ms / 1000).toFixed(1) + ' s';
      q('sweep-phase').textContent = s.phase;
      var failures = q('sweep-failures');
      var running = s.phase === 'running';
      failures.textContent = '';
      if (s.problems > 0) {
        failures.appendChild(el('strong', null, s.problems + ' not OK' + (running ? ' so far' : '')));
        failures.appendChild(document.createTextNode(': ' + counts(s.problems_by_state) + ' · by host: '
          + counts(s.problems_by_host)));
      } else {
        failures.textContent = running ? 'No failures so far.' : 'No failures.';
      }
    }

    function showSummary(s) {
      var box = q('sweep-summary');
      box.textContent = '';
      box.appendChild(el('p', 'sweep-headline', (s.phase === 'cancelled' ? 'Cancelled after ' : 'Ran ') + s.done
        + ' of ' + s.total + ' checks on ' + s.hosts + ' hosts in ' + (s.elapsed_ms / 1000).toFixed(2) + ' s: '
        + s.not_ok.length + ' not OK, ' + s.changed.length + ' changed.'));
      if (s.not_ok.length > 0) {
        box.appendChild(table('sweep-not-ok', s.not_ok));
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

    function finish() {
      current = null;
      start.disabled = false;
      start.textContent = 'Run again';
      cancel.hidden = true;
      section.setAttribute('data-phase', 'over');
      // the sweep is over: the page refreshes again, a whole period from now so its summary can be read, and the
      // header's counts follow at once (vigil.js, header.js)
      section.removeAttribute('data-hold-refresh');
      document.dispatchEvent(new CustomEvent('vigil:sweep-over'));
    }

    function fail(e) {
      finish();
      error.textContent = 'The sweep could not be run: ' + e.message;
      error.hidden = false;
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

    start.addEventListener('click', function () {
      var params = [];
      if (section.dataset.hostgroup) { params.push('hostgroup=' + encodeURIComponent(section.dataset.hostgroup)); }
      if (section.dataset.servicegroup) {
        params.push('servicegroup=' + encodeURIComponent(section.dataset.servicegroup));
      }
      start.disabled = true;
      error.hidden = true;
      q('sweep-summary').textContent = '';
      // a refresh in the middle of a sweep would throw it away (vigil.js); finish() lets refreshes go on
      section.setAttribute('data-hold-refresh', '');
      section.setAttribute('data-phase', 'running');
      api('POST', '/api/v1/sweeps' + (params.length ? '?' + params.join('&') : '')).then(function (s) {
        current = s.id;
        q('sweep-live').hidden = false;
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
  }

  document.querySelectorAll('.sweep').forEach(function (section) {
    if (section.querySelector('.sweep-start') && !section.hasAttribute('data-ready')) {
      section.setAttribute('data-ready', '');
      Panel(section);
    }
  });
}());
