/* The editor page of `giaoban-qa serve`, on top of the report's script (report.js, above it in
   the same script element): it sends the dropped file or pasted text to /api/check, loads the
   answer with GiaobanReport.load, adds "accept suggestion" to a finding's panel and sends
   the input again with the decisions for each download. Data reaches the page only
   through textContent and properties, as in the report; the server keeps nothing, so the
   browser holds the file between requests. */
(function () {
  'use strict';
  var R = window.GiaobanReport;
  var E = JSON.parse(document.getElementById('report-data').textContent).E;
  var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  var current = null;       // what was checked: {file: File} or {text: string}
  var picked = null;        // a file chosen or dropped, not yet checked
  var answers = 0;          // requests answered (tests wait on it)
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? String(values[k]) : m; });
  }
  function say(message, bad) {
    var s = $('status');
    s.textContent = message || '';
    s.classList.toggle('bad', !!bad);
  }

  function choose(file) {
    if (!file) return;
    if (file.size > E.maxBytes) { say(fill(E.too_big, { mb: E.maxMb }), true); return; }
    picked = file;
    $('fname').textContent = file.name;
    $('paste').value = '';
    check();
  }
  $('file').addEventListener('change', function (e) { choose(e.target.files[0]); });
  var drop = $('drop');
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
  });
  // A file dropped anywhere else must not make the browser open it in place of the page.
  document.addEventListener('dragover', function (e) { e.preventDefault(); });
  document.addEventListener('drop', function (e) { e.preventDefault(); });
  $('paste').addEventListener('input', function () { if ($('paste').value.trim()) { picked = null; $('fname').textContent = ''; } });
  $('run').addEventListener('click', check);

  function form(input) {
    var fd = new FormData();
    if (input.file) fd.append('file', input.file, input.file.name);
    else fd.append('text', input.text);
    fd.append('lang', lang);
    return fd;
  }
  function errorOf(response) {
    return response.json().then(function (body) { return body && body.error ? body.error : response.statusText; },
      function () { return response.status + ' ' + response.statusText; });
  }

  function check() {
    var text = $('paste').value;
    var input = picked ? { file: picked } : (text.trim() ? { text: text } : null);
    if (!input) { say(E.none, true); return; }
    say(E.checking);
    $('run').disabled = true;
    fetch('/api/check', { method: 'POST', body: form(input), credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) return errorOf(response).then(function (message) { throw new Error(message); });
        return response.json();
      })
      .then(function (answer) {
        current = input;
        answer.payload.E = E;
        R.load(answer.payload);
        var n = answer.payload.summary.findings;
        if (n) R.select(0);
        say(fill(E.result, { n: n, name: answer.name }));
        $('downloads').hidden = false;
        $('dl-docx').hidden = !answer.docx;
        countAccepted();
        document.documentElement.dataset.checked = String(Date.now());
      })
      .catch(function (err) { say(E.failed + ': ' + err.message, true); })
      .then(function () { $('run').disabled = false; document.documentElement.dataset.answered = String(++answers); });
  }

  // ---- accepting a suggestion: a decision in the review-file format ----------------------
  function acceptedOf(f) {
    var entry = R.reviewFile().findings[f.p];
    return !!(entry && entry.status === 'confirmed' && entry.fix === 'accepted');
  }
  R.hooks.detail = function (f, box) {
    if (!f.fx || !f.g || f.sp) return;
    var row = el('div', 'triage');
    if (acceptedOf(f)) {
      row.appendChild(el('span', 'accepted-badge', E.accepted));
      var undo = el('button', 'btn', E.undo); undo.type = 'button'; undo.id = 'undo-accept';
      undo.addEventListener('click', function () { R.decide(f.i, { status: 'open', fix: null, suggestion: null }); });
      row.appendChild(undo);
    } else {
      var accept = el('button', 'btn accept', E.accept + ': ' + f.g); accept.type = 'button'; accept.id = 'accept';
      accept.addEventListener('click', function () { R.decide(f.i, { status: 'confirmed', fix: 'accepted', suggestion: f.g }); });
      row.appendChild(accept);
    }
    // Next to the suggestion it applies.
    var sugg = box.querySelector('.sugg');
    if (sugg && sugg.nextSibling) box.insertBefore(row, sugg.nextSibling); else box.appendChild(row);
  };
  function countAccepted() {
    var entries = R.reviewFile().findings, n = 0;
    Object.keys(entries).forEach(function (fp) { if (entries[fp].status === 'confirmed' && entries[fp].fix === 'accepted') n++; });
    $('accepted-count').textContent = fill(E.fixes, { n: n });
    var open = safeOpen();
    $('accept-safe').textContent = fill(E.accept_safe, { n: open.length });
    $('accept-safe').disabled = !open.length;
  }
  // Safe suggestions nobody has decided on yet (a dismissed or confirmed finding stays so).
  function safeOpen() {
    var entries = R.reviewFile().findings, out = [];
    for (var i = 0; R.finding(i); i++) {
      var f = R.finding(i), entry = entries[f.p];
      if (f.fx === 'safe' && f.g && !f.sp && (!entry || entry.status === 'open')) out.push(i);
    }
    return out;
  }
  $('accept-safe').addEventListener('click', function () {
    var keep = R.selected();
    safeOpen().forEach(function (i) { R.decide(i, { status: 'confirmed', fix: 'accepted', suggestion: R.finding(i).g }); });
    if (keep >= 0) R.select(keep);
  });
  R.hooks.changed = countAccepted;

  // ---- downloads: the input again, with the decisions --------------------------------------
  function download(fmt) {
    if (!current) return;
    var fd = form(current);
    fd.append('review', JSON.stringify(R.reviewFile()));
    say(E.checking);
    fetch('/api/export/' + fmt, { method: 'POST', body: fd, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) return errorOf(response).then(function (message) { throw new Error(message); });
        var name = decodeURIComponent(response.headers.get('X-Download-Name') || ('giaoban-qa.' + fmt));
        var applied = response.headers.get('X-Giaoban-Applied');
        return response.blob().then(function (blob) { return { blob: blob, name: name, applied: applied }; });
      })
      .then(function (got) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(got.blob);
        a.download = got.name;
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
        say(got.applied !== null ? fill(E.applied, { n: got.applied }) : '');
      })
      .catch(function (err) { say(E.failed + ': ' + err.message, true); });
  }
  ['txt', 'docx', 'html', 'json'].forEach(function (fmt) {
    $('dl-' + fmt).addEventListener('click', function () { download(fmt); });
  });
  window.__giaobanEditorReady = performance.now();
})();
