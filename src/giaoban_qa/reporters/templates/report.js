/* giaoban-qa report. Every piece of data reaches the page through textContent, element
   properties or dataset: never HTML parsing of strings, never an href built from data.

   The same script renders the static report (its data embedded in #report-data) and the
   editor page of `giaoban-qa serve`, which loads each checked upload with
   GiaobanReport.load(data) and adds its own buttons through GiaobanReport.hooks. */
(function () {
  'use strict';
  var SEV_RANK = { error: 3, warning: 2, info: 1 };
  var PAGE = 100;
  var CHUNK = 20000;        // characters of a document laid out as one block (long texts only)
  // Set by load(): the payload, its labels, findings and files, and the review decisions
  // (fingerprint -> {status, note, ...}: the file's, then this session's edits).
  var D, L, F, FILES, review, byFile, state;
  // An embedding page's extensions: detail(f, box) adds to a finding's panel, changed()
  // hears of every decision.
  var hooks = {};

  // ---- tiny DOM helpers -------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function option(value, label) { var o = document.createElement('option'); o.value = value; o.textContent = label; return o; }
  function fill(template, values) { return template.replace(/\{(\w+)\}/g, function (m, k) { return values[k] === undefined ? m : String(values[k]); }); }
  function lineCol(v) { return fill(L.line_col, { line: v.line, column: v.column }); }
  function catName(c) { return L['cat_' + c] || c; }

  // ---- loading a payload: per-finding derived values -----------------------------------
  function load(data) {
    D = data; L = D.L; F = D.findings; FILES = D.files;
    review = {};
    Object.keys(D.review || {}).forEach(function (fp) { review[fp] = Object.assign({}, D.review[fp]); });
    state = {
      sev: { error: true, warning: true, info: true }, cat: '', rule: '', file: '', status: '', q: '',
      // Most severe first, then by file (issue 14).
      suppressed: false, sort: 's', dir: -1, page: 0, selected: -1, docFile: -1, matches: [], tab: 'findings'
    };
    docView = { file: -1, supp: null, byFinding: {}, byEv: {}, marked: [] };
    // Paths are shown without the folder every file shares.
    var prefix = (function () {
      var dirs = FILES.map(function (file) { return file.p.slice(0, file.p.lastIndexOf('/') + 1); });
      if (!dirs.length) return '';
      var p = dirs.reduce(function (acc, d) { var k = 0; while (k < acc.length && k < d.length && acc[k] === d[k]) k++; return acc.slice(0, k); });
      return p.slice(0, p.lastIndexOf('/') + 1);
    })();
    FILES.forEach(function (file) { file.short = file.p.slice(prefix.length) || file.p; });
    F.forEach(function (f, i) {
      f.i = i;
      f.short = FILES[f.f].short;
      f.path = FILES[f.f].p;
      f.hay = (f.m + '\n' + f.x + '\n' + f.path + '\n' + f.r + '\n' + (f.g || '')).toLowerCase();
    });
    byFile = {};
    F.forEach(function (f) { (byFile[f.f] = byFile[f.f] || []).push(f); });
    fillFilters();
    renderFiles();
    showSummary();
    clear($('doc')); $('doc').appendChild(el('p', 'hint', L.hint));
    $('doc-head').textContent = L.document;
    showDetail(-1);
    refresh();
  }
  function statusOf(f) { var r = review[f.p]; return r && r.status ? r.status : 'open'; }
  function noteOf(f) { var r = review[f.p]; return r && r.note ? r.note : ''; }
  function showSummary() {
    var s = D.summary;
    [['sum-files', s.files], ['sum-findings', s.findings], ['sum-error', s.by_severity.error], ['sum-warning', s.by_severity.warning],
     ['sum-info', s.by_severity.info], ['sum-suppressed', s.suppressed], ['sum-baselined', s.baselined], ['sum-input-errors', s.input_errors]]
      .forEach(function (pair) { if ($(pair[0])) $(pair[0]).textContent = pair[1]; });
    updateReviewCounts();
  }

  // ---- filters ----------------------------------------------------------------------
  function countBy(key) {
    var c = {};
    F.forEach(function (f) { if (!f.sp) c[f[key]] = (c[f[key]] || 0) + 1; });
    return c;
  }
  function fillSelect(sel, allLabel, entries) {
    clear(sel);
    sel.appendChild(option('', allLabel));
    entries.forEach(function (e) { sel.appendChild(option(e[0], e[1])); });
  }
  function fillFilters() {
    var cats = countBy('c'), rules = countBy('r'), files = {};
    F.forEach(function (f) { files[f.f] = (files[f.f] || 0) + (f.sp ? 0 : 1); });
    fillSelect($('f-category'), L.all_categories, Object.keys(cats).sort().map(function (k) { return [k, catName(k) + ' (' + cats[k] + ')']; }));
    fillSelect($('f-rule'), L.all_rules, Object.keys(rules).sort().map(function (k) { return [k, k + ' (' + rules[k] + ')']; }));
    // Every file, clean ones included (their checked statements can be opened too).
    var fileEntries = FILES.map(function (file, k) { return k; }).filter(function (k) { return !FILES[k].e; })
      .sort(function (a, b) { return FILES[a].p < FILES[b].p ? -1 : 1; })
      .map(function (k) { return [String(k), FILES[k].short + ' (' + (files[k] || 0) + ')']; });
    FILES.forEach(function (file, k) { if (file.e) fileEntries.push([String(k), '✗ ' + file.short]); });
    fillSelect($('f-file'), L.all_files, fileEntries);
    fillSelect($('f-status'), L.all_statuses, [['open', L.open], ['confirmed', L.confirmed], ['dismissed', L.dismissed]]);
    ['error', 'warning', 'info'].forEach(function (s) { $('sev-' + s).checked = true; });
    $('q').value = ''; $('f-suppressed').checked = false;
  }
  // Listeners are bound once; they read the state of whatever payload is loaded.
  function bindFilters() {
    ['error', 'warning', 'info'].forEach(function (s) {
      $('sev-' + s).addEventListener('change', function (e) { state.sev[s] = e.target.checked; refresh(); });
    });
    $('f-category').addEventListener('change', function (e) { state.cat = e.target.value; refresh(); });
    $('f-rule').addEventListener('change', function (e) { state.rule = e.target.value; refresh(); });
    $('f-status').addEventListener('change', function (e) { state.status = e.target.value; refresh(); });
    $('f-suppressed').addEventListener('change', function (e) { state.suppressed = e.target.checked; refresh(); if (state.docFile >= 0) showDoc(state.docFile); });
    $('f-file').addEventListener('change', function (e) { openFile(e.target.value); });
    var timer = null;
    $('q').addEventListener('input', function (e) {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = e.target.value.trim().toLowerCase(); refresh(); }, 120);
    });
    Array.prototype.forEach.call(document.querySelectorAll('th[data-sort]'), function (th) {
      th.addEventListener('click', function () {
        var key = th.dataset.sort;
        state.dir = state.sort === key ? -state.dir : (key === 's' ? -1 : 1);
        state.sort = key; refresh();
      });
    });
    $('export').addEventListener('click', exportReview);
    // The summary cards are filters: a severity card shows only that severity, the findings
    // card clears every filter, the suppressed card shows suppressed findings, the files
    // card lists the files.
    Array.prototype.forEach.call(document.querySelectorAll('.card[data-filter]'), function (card) {
      function activate() { cardFilter(card.dataset.filter); }
      card.addEventListener('click', activate);
      card.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); activate(); } });
    });
    if ($('tab-findings')) {  // a page built on the report may leave the files tab out
      $('tab-findings').addEventListener('click', function () { showTab('findings'); });
      $('tab-files').addEventListener('click', function () { showTab('files'); });
    }
  }
  function setSeverities(only) {
    ['error', 'warning', 'info'].forEach(function (s) { state.sev[s] = !only || s === only; $('sev-' + s).checked = state.sev[s]; });
  }
  function cardFilter(what) {
    if (what === 'files') { showTab('files'); return; }
    showTab('findings');
    if (what === 'suppressed') { state.suppressed = true; $('f-suppressed').checked = true; setSeverities(null); }
    else if (what === 'all') {
      setSeverities(null);
      state.cat = state.rule = state.file = state.status = state.q = '';
      ['f-category', 'f-rule', 'f-file', 'f-status'].forEach(function (id) { $(id).value = ''; });
      $('q').value = '';
    } else setSeverities(what);
    Array.prototype.forEach.call(document.querySelectorAll('.card[data-filter]'), function (card) {
      card.classList.toggle('active', card.dataset.filter === what && what !== 'all');
    });
    refresh();
  }
  function showTab(tab) {
    state.tab = tab;
    if (!$('tab-findings')) return;
    $('tab-findings').classList.toggle('active', tab === 'findings');
    $('tab-files').classList.toggle('active', tab === 'files');
    $('findings-view').hidden = tab !== 'findings';
    $('files-view').hidden = tab !== 'files';
  }
  // Opening a file shows its findings in the list and scrolls the text to its first one.
  function openFile(value) {
    state.file = String(value); $('f-file').value = state.file; refresh();
    if (state.file === '') return;
    state.selected = -1; showDoc(Number(state.file)); showDetail(-1);
    var first = $('doc').querySelector('mark');
    if (first) first.scrollIntoView({ block: 'center' }); else $('doc').scrollTop = 0;
  }
  // ---- every file with what was checked in it ---------------------------------------
  function ratio(cov, kind) {
    var e = cov && cov.checks && cov.checks[kind];
    return e && e.checked ? e.consistent + '/' + e.checked : '—';
  }
  function renderFiles() {
    var body = $('file-rows'), frag = document.createDocumentFragment();
    if (!body) return;  // a page built on the report without the files tab
    clear(body);
    var counts = FILES.map(function () { return { error: 0, warning: 0, info: 0 }; });
    F.forEach(function (f) { if (!f.sp) counts[f.f][f.s]++; });
    var order = FILES.map(function (file, k) { return k; });
    order.sort(function (a, b) {
      var ra = counts[a].error * 1e6 + counts[a].warning * 1e3 + counts[a].info, rb = counts[b].error * 1e6 + counts[b].warning * 1e3 + counts[b].info;
      if (!!FILES[a].e !== !!FILES[b].e) return FILES[a].e ? -1 : 1;
      return rb - ra || (FILES[a].p < FILES[b].p ? -1 : 1);
    });
    order.forEach(function (k) {
      var file = FILES[k], cov = file.cv, c = counts[k], tr = el('tr');
      tr.dataset.file = k;
      var name = el('td', 'file', file.short); name.title = file.p; tr.appendChild(name);
      var found = el('td', 'found');
      if (file.e) found.appendChild(el('span', 'status bad', L.unreadable));
      else if (!c.error && !c.warning && !c.info) found.appendChild(el('span', 'status clean', L.clean));
      else ['error', 'warning', 'info'].forEach(function (s) { if (c[s]) { var b = sevBadge(s); b.textContent = c[s] + ' ' + L['b_' + s]; found.appendChild(b); found.appendChild(document.createTextNode(' ')); } });
      tr.appendChild(found);
      tr.appendChild(el('td', 'num', cov ? cov.read.dates : '—'));
      tr.appendChild(el('td', 'num', cov ? cov.read.citations : '—'));
      tr.appendChild(el('td', 'num', ratio(cov, 'computation')));
      tr.appendChild(el('td', 'num', ratio(cov, 'citation-date')));
      tr.appendChild(el('td', 'num', ratio(cov, 'period')));
      tr.addEventListener('click', function () { showTab('findings'); openFile(k); });
      frag.appendChild(tr);
    });
    body.appendChild(frag);
  }
  function passes(f) {
    if (f.sp && !state.suppressed) return false;
    if (!state.sev[f.s]) return false;
    if (state.cat && f.c !== state.cat) return false;
    if (state.rule && f.r !== state.rule) return false;
    if (state.file !== '' && String(f.f) !== state.file) return false;
    if (state.status && statusOf(f) !== state.status) return false;
    if (state.q && f.hay.indexOf(state.q) < 0) return false;
    return true;
  }
  function compare(a, b) {
    var k = state.sort, d = state.dir, x, y;
    if (k === 's') { x = SEV_RANK[a.s]; y = SEV_RANK[b.s]; }
    else if (k === 'r') { x = a.r; y = b.r; }
    else if (k === 'l') { x = a.l; y = b.l; }
    else if (k === 'st') { x = statusOf(a); y = statusOf(b); }
    else { x = a.path; y = b.path; }
    if (x < y) return -d;
    if (x > y) return d;
    return a.path < b.path ? -1 : a.path > b.path ? 1 : a.a - b.a;
  }
  function refresh() {
    state.matches = F.filter(passes).sort(compare);
    state.page = 0;
    renderList();
  }

  // ---- the findings list (one page at a time) ----------------------------------------
  function sevBadge(s) { return el('span', 'sev ' + s, L['b_' + s]); }
  function renderList() {
    var body = $('rows');
    clear(body);
    var m = state.matches, pages = Math.max(1, Math.ceil(m.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    $('count').textContent = m.length + ' / ' + F.filter(function (f) { return !f.sp || state.suppressed; }).length + ' ' + L.shown;
    var frag = document.createDocumentFragment();
    m.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach(function (f) {
      var tr = el('tr');
      tr.dataset.i = f.i;
      if (f.i === state.selected) tr.className = 'selected';
      if (f.sp) tr.classList.add('is-suppressed');
      var td = el('td'); td.appendChild(sevBadge(f.s)); tr.appendChild(td);
      var rule = el('td', 'rule', f.r); rule.title = f.r; tr.appendChild(rule);
      var file = el('td', 'file', f.short); file.title = f.path; tr.appendChild(file);
      tr.appendChild(el('td', 'line', f.l));
      var msg = el('td'); msg.appendChild(el('div', 'msg', f.m)); msg.title = f.m; tr.appendChild(msg);
      var st = el('td'); st.appendChild(el('span', 'status ' + (f.sp ? 'suppressed' : statusOf(f)), f.sp ? L.suppressed : L[statusOf(f)])); tr.appendChild(st);
      tr.addEventListener('click', function () { select(f.i, true); });
      frag.appendChild(tr);
    });
    body.appendChild(frag);
    if (!m.length) { var tr = el('tr'), td = el('td', 'empty', L.no_findings); td.colSpan = 6; tr.appendChild(td); body.appendChild(tr); }
    Array.prototype.forEach.call(document.querySelectorAll('th[data-sort]'), function (th) {
      th.classList.toggle('sorted-asc', th.dataset.sort === state.sort && state.dir > 0);
      th.classList.toggle('sorted-desc', th.dataset.sort === state.sort && state.dir < 0);
    });
    var pager = $('pager'); clear(pager);
    var prev = el('button', 'btn', L.prev), next = el('button', 'btn', L.next);
    prev.type = next.type = 'button';
    prev.disabled = state.page === 0; next.disabled = state.page >= pages - 1;
    prev.addEventListener('click', function () { state.page--; renderList(); $('rows').parentNode.parentNode.scrollTop = 0; });
    next.addEventListener('click', function () { state.page++; renderList(); $('rows').parentNode.parentNode.scrollTop = 0; });
    pager.appendChild(prev);
    pager.appendChild(el('span', null, L.page + ' ' + (state.page + 1) + ' ' + L.of + ' ' + pages));
    pager.appendChild(next);
  }

  // ---- a document with every finding highlighted in place -----------------------------
  // Built once when a document is opened (and again only when the suppressed toggle
  // changes): one sweep over the span boundaries of its findings and of all their evidence
  // gives runs of plain text and <mark> runs. Selecting a finding then only toggles
  // classes on the runs it already knows, so a document with thousands of findings stays
  // quick to click through.
  var docView;
  function showDoc(fileIndex) {
    if (docView.file !== fileIndex || docView.supp !== state.suppressed) buildDoc(fileIndex);
    state.docFile = fileIndex;
    applySelection();
  }
  function buildDoc(fileIndex) {
    docView = { file: fileIndex, supp: state.suppressed, byFinding: {}, byEv: {}, marked: [] };
    var file = FILES[fileIndex], view = $('doc'), head = $('doc-head');
    head.textContent = L.document + ': ' + file.p;
    head.title = file.p;
    clear(view);
    if (file.e) { view.appendChild(el('p', 'hint', L.input_error + ': ' + file.e)); return; }
    if (file.t === null || file.t === undefined) { view.appendChild(el('p', 'hint', L.no_text)); return; }
    var text = file.t, n = text.length;
    var list = (byFile[fileIndex] || []).filter(function (f) { return !f.sp || state.suppressed; });
    var opens = {}, closes = {}, cuts = [0, n];
    function add(a, b, item) {
      a = Math.max(0, Math.min(a, n)); b = Math.max(a, Math.min(b, n));
      if (b === a) { if (a >= n) return; b = a + 1; }  // an empty span still gets one character
      (opens[a] = opens[a] || []).push(item); (closes[b] = closes[b] || []).push(item);
      cuts.push(a, b);
    }
    list.forEach(function (f) {
      add(f.a, f.b, { f: f });
      evidenceSpans(f.v).forEach(function (e, k) { add(e.span.start, e.span.end, { ev: f.i + ':' + k }); });
    });
    // A long text (a Word file of hundreds of pages) is laid out in blocks that start at a
    // line break, each with content-visibility: auto, so the browser lays out only the
    // blocks on screen instead of the whole text at every click.
    var blockStarts = {};
    if (n > CHUNK) {
      for (var k = CHUNK; k < n; k += CHUNK) {
        var at = text.indexOf('\n', k);
        if (at < 0 || at + 1 >= n) break;
        blockStarts[at + 1] = true; cuts.push(at + 1); k = at + 1;
      }
    }
    (file.ck || []).forEach(function (c) { add(c.a, c.b, { ok: c }); });
    cuts.sort(function (a, b) { return a - b; });
    var active = [], frag = document.createDocumentFragment(), last = -1, out = frag;
    if (n > CHUNK) { out = el('div', 'block'); frag.appendChild(out); docView.blocks = true; }
    for (var c = 0; c < cuts.length; c++) {
      var a = cuts[c];
      if (a === last) continue;
      last = a;
      if (closes[a]) active = active.filter(function (item) { return closes[a].indexOf(item) < 0; });
      if (opens[a]) active = active.concat(opens[a]);
      if (blockStarts[a]) { out = el('div', 'block'); frag.appendChild(out); }
      var b = n;
      for (var d = c + 1; d < cuts.length; d++) { if (cuts[d] > a) { b = cuts[d]; break; } }
      if (b <= a) continue;
      var piece = text.slice(a, b);
      if (!active.length) { out.appendChild(document.createTextNode(piece)); continue; }
      var covering = [], evKeys = [], oks = [];
      active.forEach(function (item) { if (item.f) covering.push(item.f); else if (item.ok) oks.push(item.ok); else evKeys.push(item.ev); });
      var node;
      if (covering.length) {
        var top = covering.reduce(function (best, f) {
          if (!!best.sp !== !!f.sp) return best.sp ? f : best;
          return SEV_RANK[f.s] > SEV_RANK[best.s] ? f : best;
        }, covering[0]);
        node = el('mark', top.sp ? 'supp' : top.s, piece);
        node.dataset.ids = covering.map(function (f) { return f.i; }).join(',');
        node.title = covering.slice(0, 6).map(function (f) { return f.r + ': ' + f.m; }).join('\n');
        covering.forEach(function (f) { (docView.byFinding[f.i] = docView.byFinding[f.i] || []).push(node); });
      } else if (oks.length) {
        // A statement recomputed or compared and found consistent: a quiet mark, the
        // computation on hover.
        node = el('span', 'ok', piece);
        node.title = L.consistent + ':\n' + oks.map(function (c) { return c.c || c.r; }).join('\n');
      } else {
        node = el('span', null, piece);
      }
      evKeys.forEach(function (key) { (docView.byEv[key] = docView.byEv[key] || []).push(node); });
      out.appendChild(node);
    }
    view.appendChild(frag);
  }
  function applySelection() {
    docView.marked.forEach(function (node) { node.classList.remove('current', 'evmark', 'flash'); delete node.dataset.ev; });
    docView.marked = [];
    var sel = state.selected >= 0 ? F[state.selected] : null;
    if (!sel || sel.f !== docView.file) return;
    (docView.byFinding[sel.i] || []).forEach(function (node) { node.classList.add('current'); docView.marked.push(node); });
    evidenceSpans(sel.v).forEach(function (e, k) {
      (docView.byEv[sel.i + ':' + k] || []).forEach(function (node) {
        node.classList.add('evmark');
        node.dataset.ev = node.dataset.ev ? node.dataset.ev + ',' + k : String(k);
        docView.marked.push(node);
      });
    });
  }
  $('doc').addEventListener('click', function (e) {
    var mark = e.target.closest ? e.target.closest('mark') : null;
    if (!mark || !mark.dataset.ids) return;
    var ids = mark.dataset.ids.split(',').map(Number);
    // A second click on the same spot moves to the next finding that covers it.
    var at = ids.indexOf(state.selected);
    select(ids[(at + 1) % ids.length], false);
  });

  function evidenceSpans(value) {
    var out = [];
    (function walk(v, trail) {
      if (Array.isArray(v)) { v.forEach(function (x, i) { walk(x, trail + '[' + i + ']'); }); return; }
      if (v && typeof v === 'object') {
        if (typeof v.start === 'number' && typeof v.end === 'number') out.push({ name: trail, span: v });
        Object.keys(v).forEach(function (k) { walk(v[k], trail ? trail + '.' + k : k); });
      }
    })(value, '');
    return out;
  }

  // ---- the detail panel ----------------------------------------------------------------
  function select(i, fromList) {
    state.selected = i;
    var f = F[i];
    try { history.replaceState(null, '', '#' + f.p); } catch (err) { /* some file: URLs refuse it */ }
    showDoc(f.f);
    showDetail(i);
    Array.prototype.forEach.call(document.querySelectorAll('#rows tr'), function (tr) { tr.classList.toggle('selected', Number(tr.dataset.i) === i); });
    var mark = document.querySelector('#doc mark.current');
    if (mark && fromList) reveal(mark);
  }
  // Blocks of a long text not yet laid out have an estimated height, so the first scroll
  // can land beside its target once the blocks it passed are laid out: scroll again then.
  function reveal(node) {
    node.scrollIntoView({ block: 'center' });
    if (docView.blocks) requestAnimationFrame(function () { node.scrollIntoView({ block: 'center' }); });
  }
  function jumpTo(k) {
    var nodes = docView.byEv[state.selected + ':' + k] || [];
    var node = nodes[0];
    if (!node) return;
    reveal(node);
    node.classList.remove('flash'); void node.offsetWidth; node.classList.add('flash');
  }
  function evidenceLinks(spans) {
    var list = el('ul', 'evlinks');
    spans.forEach(function (e, k) {
      var v = e.span, text = typeof v.excerpt === 'string' ? v.excerpt : typeof v.text === 'string' ? v.text : typeof v.name === 'string' ? v.name : null;
      var li = el('li');
      var link = el('button', 'evlink', (text !== null ? '«' + text + '»' : L.go_to) + '  (' + lineCol(v) + ')');
      link.type = 'button'; link.dataset.ev = k;
      link.addEventListener('click', function () { jumpTo(k); });
      li.appendChild(link);
      list.appendChild(li);
    });
    return list;
  }
  function ruleDoc(code) {
    var box = el('div', 'ruledoc');
    var rule = D.rules[code];
    if (!rule) return box;
    box.appendChild(el('p', 'summary', rule.sm));
    (rule.sec || []).forEach(function (sec) {
      if (!sec[1]) return;
      box.appendChild(el('h4', null, sec[0]));
      if (sec[2]) { box.appendChild(el('pre', null, sec[1])); return; }
      sec[1].split(/\n\s*\n/).forEach(function (para) {
        box.appendChild(el('p', null, para.replace(/\s*\n\s*/g, ' ').replace(/\*\*|`/g, '').trim()));
      });
    });
    return box;
  }
  function showDetail(i) {
    var box = $('detail');
    clear(box);
    if (i < 0) { box.appendChild(el('p', 'hint', L.pick)); return; }
    var f = F[i];
    var h = el('h2'); h.appendChild(sevBadge(f.s)); h.appendChild(el('span', null, f.r));
    var st = f.sp ? 'suppressed' : statusOf(f);
    h.appendChild(el('span', 'status ' + st, f.sp ? L.suppressed : L[st]));
    box.appendChild(h);
    box.appendChild(el('div', 'where', f.path + ' · ' + (f.pg ? L.page + ' ' + f.pg + ', ' : '') + lineCol({ line: f.l, column: f.o }) + ' · ' + catName(f.c)));
    box.appendChild(el('p', 'msg', f.m));
    if (f.sp) box.appendChild(el('p', 'where', L.suppressed_by + ': ' + f.sp));
    box.appendChild(el('h3', null, L.excerpt));
    box.appendChild(el('div', 'quote', f.x));
    if (f.g) { box.appendChild(el('h3', null, L.suggestion)); box.appendChild(el('div', 'sugg', f.g)); }
    var spans = evidenceSpans(f.v);
    if (f.w || spans.length) {
      box.appendChild(el('h3', null, L.evidence));
      var ev = el('div', 'ev');
      if (f.w) ev.appendChild(el('p', 'evwords', f.w));
      if (spans.length) ev.appendChild(evidenceLinks(spans));
      box.appendChild(ev);
    }
    var others = (byFile[f.f] || []).filter(function (o) { return o.i !== f.i && o.a < Math.max(f.b, f.a + 1) && Math.max(o.b, o.a + 1) > f.a && (!o.sp || state.suppressed); });
    if (others.length) {
      box.appendChild(el('h3', null, L.also_here));
      var wrap = el('div', 'others');
      others.forEach(function (o) { var b = el('button', 'btn', o.r); b.type = 'button'; b.addEventListener('click', function () { select(o.i, false); }); wrap.appendChild(b); });
      box.appendChild(wrap);
    }
    box.appendChild(el('h3', null, L.status));
    var tri = el('div', 'triage');
    var note = el('textarea'); note.placeholder = L.note; note.value = noteOf(f); note.id = 'note';
    [['confirmed', L.confirm], ['dismissed', L.dismiss], ['open', L.reopen]].forEach(function (pair) {
      var b = el('button', 'btn', pair[1]); b.type = 'button'; b.dataset.status = pair[0];
      b.addEventListener('click', function () {
        var entry = { status: pair[0], note: note.value };
        if (pair[0] !== 'confirmed') { entry.fix = null; entry.suggestion = null; }  // an accepted fix ends with its confirmation
        decide(f.i, entry);
      });
      tri.appendChild(b);
    });
    tri.appendChild(note);
    box.appendChild(tri);
    if (hooks.detail) hooks.detail(f, box);
    box.appendChild(el('h3', null, L.explanation));
    box.appendChild(ruleDoc(f.r));
    box.appendChild(el('h3', null, L.fingerprint));
    box.appendChild(el('div', 'fp', f.p));
  }
  // Records a decision on finding i in the review-file format (extra keys, such as the
  // editor's accepted fix, are kept; null removes one), then redraws what shows it.
  function decide(i, entry) {
    var f = F[i];
    var next = Object.assign({}, review[f.p] || {}, entry, { rule: f.r, path: f.path, excerpt: f.x });
    Object.keys(next).forEach(function (k) { if (next[k] === null) delete next[k]; });
    review[f.p] = next;
    updateReviewCounts(); renderListKeepPage(); showDetail(f.i);
    if (hooks.changed) hooks.changed(f);
  }
  function reviewFile() {
    var out = { version: 1, findings: {} };
    Object.keys(review).sort().forEach(function (fp) { out.findings[fp] = review[fp]; });
    return out;
  }
  function renderListKeepPage() { var p = state.page; state.matches = F.filter(passes).sort(compare); state.page = p; renderList(); }
  function updateReviewCounts() {
    var c = { open: 0, confirmed: 0, dismissed: 0 };
    F.forEach(function (f) { if (!f.sp) c[statusOf(f)]++; });
    $('rev-open').textContent = c.open; $('rev-confirmed').textContent = c.confirmed; $('rev-dismissed').textContent = c.dismissed;
  }
  function exportReview() {
    var blob = new Blob([JSON.stringify(reviewFile(), null, 2) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'giaoban-qa-report.review.json';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  // j / k (or the arrow keys) move to the next / previous finding of the filtered list.
  document.addEventListener('keydown', function (e) {
    var tag = e.target && e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    var step = (e.key === 'j' || e.key === 'ArrowDown') ? 1 : (e.key === 'k' || e.key === 'ArrowUp') ? -1 : 0;
    if (!step || !state.matches.length) return;
    e.preventDefault();
    var at = state.matches.findIndex(function (f) { return f.i === state.selected; });
    var next = Math.max(0, Math.min(state.matches.length - 1, at + step));
    var page = Math.floor(next / PAGE);
    if (page !== state.page) { state.page = page; renderList(); }
    select(state.matches[next].i, true);
    var row = document.querySelector('#rows tr.selected');
    if (row) row.scrollIntoView({ block: 'nearest' });
  });

  bindFilters();
  load(JSON.parse(document.getElementById('report-data').textContent));
  window.GiaobanReport = {
    load: load, hooks: hooks, decide: decide, reviewFile: reviewFile,
    finding: function (i) { return F[i]; }, selected: function () { return state.selected; },
    select: function (i) { select(i, true); }
  };
  // A link to the report ending in #<fingerprint> opens that finding.
  var wanted = decodeURIComponent((location.hash || '').slice(1));
  var linked = wanted ? F.find(function (f) { return f.p === wanted && (!f.sp || state.suppressed); }) : null;
  if (linked) select(linked.i, true);
  else if (state.matches.length) select(state.matches[0].i, true);
  document.documentElement.dataset.ready = '1';
  window.__giaobanReportReady = performance.now();
})();
