(function () {
  'use strict';
  var statusEl = document.getElementById('ecograph-status');
  var status = { ok: false, done: false, nodes: 0, svgNodes: 0, matched: 0, tables: 0, errors: [], warnings: [] };
  function writeStatus() {
    status.ok = status.done && status.errors.length === 0;
    if (statusEl) statusEl.textContent = JSON.stringify(status);
  }
  window.onerror = function (message, source, line, column) {
    status.errors.push(String(message) + (line ? ' (line ' + line + ':' + column + ')' : ''));
    writeStatus();
    return false;
  };
  window.addEventListener('unhandledrejection', function (event) {
    status.errors.push('unhandled rejection: ' + String(event.reason));
    writeStatus();
  });

  // ---- helpers -------------------------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function isWebURL(url) { return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url); }
  /** A link for an http(s) URL; any other text (javascript:, data:, …) stays text. */
  function link(url, text) {
    var label = text === undefined || text === null || text === '' ? url : text;
    if (isWebURL(url)) {
      var a = el('a', null, label);
      a.href = url;
      if (a.protocol === 'http:' || a.protocol === 'https:') {
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        return a;
      }
    }
    return el('span', null, label);
  }
  function fmt(x) {
    if (x === null || x === undefined || typeof x !== 'number' || !isFinite(x)) return '–';
    if (Number.isInteger(x)) return x.toLocaleString('en-US');
    var a = Math.abs(x);
    if (a !== 0 && (a < 1e-4 || a >= 1e7)) return x.toExponential(2);
    return String(Number(x.toPrecision(4)));
  }
  function plural(n, one, many) { return fmt(n) + ' ' + (n === 1 ? one : (many || one + 's')); }

  var data = JSON.parse($('ecograph-data').textContent);
  var nodes = Array.isArray(data.nodes) ? data.nodes : [];
  var byId = new Map();
  nodes.forEach(function (n) { byId.set(n.id, n); });
  function labelOf(id) { var n = byId.get(id); return n ? n.label : id; }
  var measures = Array.isArray(data.measures) ? data.measures : [];

  // Rank of each node per measure (competition ranking, as in the rankings).
  var ranks = new Map();
  measures.forEach(function (m) {
    var scored = nodes.filter(function (n) { return n.scores && typeof n.scores[m.key] === 'number'; });
    scored.sort(function (a, b) { return b.scores[m.key] - a.scores[m.key]; });
    var r = new Map();
    scored.forEach(function (n, i) {
      var prev = scored[i - 1];
      r.set(n.id, i > 0 && prev.scores[m.key] === n.scores[m.key] ? r.get(prev.id) : i + 1);
    });
    ranks.set(m.key, { of: scored.length, rank: r });
  });

  // Relations: as written in the file.
  var outgoing = new Map(), incoming = new Map();
  (data.edges || []).forEach(function (e) {
    if (!outgoing.has(e.from)) outgoing.set(e.from, []);
    if (!incoming.has(e.to)) incoming.set(e.to, []);
    outgoing.get(e.from).push(e);
    incoming.get(e.to).push(e);
  });

  // ---- the diagram ---------------------------------------------------------------------------------
  var holder = $('ecograph-diagram');
  var svg = holder ? holder.querySelector('svg') : null;
  var nodeGroups = new Map(), edgeGroups = new Map(), kindColor = new Map();
  var view = null, home = null;

  function shapeOf(g) { return g.querySelector('ellipse, polygon, path'); }
  // DOT cannot spell every id exactly (a backslash before the closing quote is doubled), so an SVG title that
  // is not an id is also tried with runs of backslashes collapsed.
  function loose(text) { return text.replace(/\\+/g, '\\'); }
  var byLooseId = new Map();
  nodes.forEach(function (n) { var k = loose(n.id); byLooseId.set(k, byLooseId.has(k) ? null : n.id); });
  function idOfTitle(title) {
    if (byId.has(title)) return title;
    var found = byLooseId.get(loose(title));
    if (found) { status.warnings.push('diagram title ' + JSON.stringify(title) + ' read as node ' + JSON.stringify(found)); return found; }
    return null;
  }
  if (svg) {
    svg.setAttribute('role', 'img');
    Array.prototype.forEach.call(svg.querySelectorAll('g.node'), function (g) {
      if (g.classList.contains('legend')) return;  // a key drawn in the diagram, not a node of the graph
      status.svgNodes++;
      var t = g.querySelector('title');
      var title = t ? t.textContent : '', id = idOfTitle(title);
      if (id === null) { status.errors.push('diagram node without data: ' + title); id = title; }
      else status.matched++;
      g.setAttribute('data-node', id);
      nodeGroups.set(id, g);
      var n = byId.get(id), shape = shapeOf(g);
      var kind = n && n.kind ? n.kind : null;
      if (kind && shape && !kindColor.has(kind)) {
        var fill = shape.getAttribute('fill');
        kindColor.set(kind, fill && fill !== 'none' ? fill : '#ffffff');
      }
    });
    Array.prototype.forEach.call(svg.querySelectorAll('g.edge'), function (g) {
      var t = g.querySelector('title');
      if (t) edgeGroups.set(loose(t.textContent), g);
    });
    var box = (svg.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
    if (box.length !== 4 || box.some(function (v) { return !isFinite(v); }) || box[2] <= 0 || box[3] <= 0) {
      var bb = svg.getBBox();
      box = [bb.x, bb.y, Math.max(bb.width, 1), Math.max(bb.height, 1)];
    }
    home = { x: box[0], y: box[1], w: box[2], h: box[3] };
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
  }
  function edgeGroup(from, to) {
    from = loose(from); to = loose(to);
    return edgeGroups.get(from + '->' + to) || edgeGroups.get(to + '->' + from) || edgeGroups.get(from + '--' + to) || edgeGroups.get(to + '--' + from);
  }
  var zoomLabel = el('span', 'zoom-level');
  if ($('ecograph-toolbar')) $('ecograph-toolbar').appendChild(zoomLabel);
  function applyView() {
    if (!svg) return;
    svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
    zoomLabel.textContent = Math.round(home.w / view.w * 100) + '%';
  }
  function clientToSVG(cx, cy) {
    var m = svg.getScreenCTM();
    if (!m) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    return p.matrixTransform(m.inverse());
  }
  function zoomBy(factor, cx, cy) {
    if (!svg) return;
    var w = view.w * factor;
    if (w < home.w / 40) factor = home.w / 40 / view.w;
    if (w > home.w * 4) factor = home.w * 4 / view.w;
    var p;
    if (cx === undefined) p = { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    else p = clientToSVG(cx, cy);
    view.x = p.x - (p.x - view.x) * factor;
    view.y = p.y - (p.y - view.y) * factor;
    view.w *= factor;
    view.h *= factor;
    applyView();
  }
  function fit() { if (!svg) return; view = { x: home.x, y: home.y, w: home.w, h: home.h }; applyView(); }
  function centerOn(g) {
    if (!svg || !g) return;
    var b = g.getBBox(), m = g.getCTM(), s = svg.getCTM();
    if (!m || !s) return;
    var p = svg.createSVGPoint();
    p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
    p = p.matrixTransform(s.inverse().multiply(m));
    // Zoom in until the node is about 44 pixels tall, so its label reads at ordinary size (never zoom out).
    var px = holder.clientWidth || 800;
    var w = Math.min(view.w, Math.max(px * b.height / 44, home.w / 40)), h = view.h * (w / view.w);
    view = { x: p.x - w / 2, y: p.y - h / 2, w: w, h: h };
    applyView();
  }

  var drag = null, suppressClick = false;
  if (svg) {
    applyView();
    holder.addEventListener('wheel', function (e) {
      e.preventDefault();
      zoomBy(Math.exp((e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY) * 0.0015), e.clientX, e.clientY);
    }, { passive: false });
    holder.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      var m = svg.getScreenCTM();
      drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, scale: m ? m.a : 1, id: e.pointerId, moved: false };
    });
    holder.addEventListener('pointermove', function (e) {
      if (!drag || e.pointerId !== drag.id) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
        drag.moved = true;
        holder.classList.add('dragging');
        try { holder.setPointerCapture(e.pointerId); } catch (err) { /* the pointer is gone */ }
      }
      if (drag.moved) {
        view.x = drag.vx - dx / drag.scale;
        view.y = drag.vy - dy / drag.scale;
        applyView();
      }
    });
    function endDrag(e) {
      if (!drag || e.pointerId !== drag.id) return;
      suppressClick = drag.moved;
      drag = null;
      holder.classList.remove('dragging');
    }
    holder.addEventListener('pointerup', endDrag);
    holder.addEventListener('pointercancel', endDrag);
    holder.addEventListener('click', function (e) {
      if (suppressClick) { suppressClick = false; return; }
      var g = e.target && e.target.closest ? e.target.closest('g.node') : null;
      if (g && g.hasAttribute('data-node')) {
        select(g.getAttribute('data-node'), false);
      } else {
        clearFocus();
      }
    });
    holder.addEventListener('keydown', function (e) {
      if (e.key === '+' || e.key === '=') { zoomBy(1 / 1.25); e.preventDefault(); }
      else if (e.key === '-' || e.key === '_') { zoomBy(1.25); e.preventDefault(); }
      else if (e.key === '0') { fit(); e.preventDefault(); }
      else if (e.key === 'Escape') { clearAll(); }
      else if (e.key.indexOf('Arrow') === 0) {
        var step = 0.1;
        if (e.key === 'ArrowLeft') view.x -= view.w * step;
        if (e.key === 'ArrowRight') view.x += view.w * step;
        if (e.key === 'ArrowUp') view.y -= view.h * step;
        if (e.key === 'ArrowDown') view.y += view.h * step;
        applyView();
        e.preventDefault();
      }
    });
  }
  function on(id, handler) { var b = $(id); if (b) b.addEventListener('click', handler); }
  on('ecograph-zoom-in', function () { zoomBy(1 / 1.25); });
  on('ecograph-zoom-out', function () { zoomBy(1.25); });
  on('ecograph-fit', fit);
  on('ecograph-clear', function () { clearAll(); });

  // Legend: the kinds and the colours the diagram gives them; a click highlights that kind.
  var legend = $('ecograph-legend'), activeKind = null;
  if (legend) {
    var kinds = [];
    nodes.forEach(function (n) { if (n.kind && kinds.indexOf(n.kind) < 0) kinds.push(n.kind); });
    kinds.sort();
    kinds.forEach(function (k) {
      var b = el('button');
      b.type = 'button';
      var sw = el('span', 'swatch');
      sw.style.background = kindColor.get(k) || '#ffffff';
      var count = nodes.filter(function (n) { return n.kind === k; }).length;
      append(b, sw, k + ' ' + count);
      b.title = 'Highlight every ' + k;
      b.addEventListener('click', function () {
        activeKind = activeKind === k ? null : k;
        Array.prototype.forEach.call(legend.querySelectorAll('button'), function (x) { x.classList.toggle('on', x === b && activeKind !== null); });
        if (!svg) return;
        svg.classList.toggle('kindfilter', activeKind !== null);
        nodeGroups.forEach(function (g, id) { var n = byId.get(id); g.classList.toggle('kf', !!n && n.kind === activeKind); });
      });
      legend.appendChild(b);
    });
  }

  // ---- selection and the side panel ----------------------------------------------------------------
  var panel = $('ecograph-panel');
  var selected = null;
  function clearFocus() {
    selected = null;
    if (!svg) return;
    svg.classList.remove('focus');
    Array.prototype.forEach.call(svg.querySelectorAll('.sel, .nb'), function (x) { x.classList.remove('sel', 'nb'); });
  }
  function clearAll() {
    clearFocus();
    clearScenario();
    renderOverview();
  }
  /** The panel before anything is selected: what the graph is, and where to look first. */
  function renderOverview() {
    if (!panel) return;
    panel.replaceChildren();
    append(panel, el('div', 'eyebrow', 'Overview'), el('h2', null, data.title),
      el('p', 'hint', 'Click a node in the diagram, or any name in a table, for its scores, attributes, sources and relations.'));
    var stats = el('div', 'stats');
    [[nodes.length, 'nodes'], [data.edgeCount, data.directed ? 'dependency edges' : 'edges'],
     [data.chokepoints ? data.chokepoints.length : 0, 'nodes with dependents'],
     [(data.scenarios || []).length, 'what-if scenarios'],
     [Array.isArray(data.references) ? data.references.length : null, 'references']].forEach(function (s) {
      if (s[0] === null) return;
      append(stats, append(el('div', 'stat'), el('div', 'v', fmt(s[0])), el('div', 'l', s[1])));
    });
    panel.appendChild(stats);
    var cps = (data.chokepoints || []).filter(function (p) { return p.impact > 0; }).slice(0, 5);
    if (cps.length) {
      panel.appendChild(el('h3', null, 'Biggest chokepoints (impact)'));
      var ol = el('ol', 'toplist');
      cps.forEach(function (p) { append(ol, append(el('li'), append(el('div', 'row'), nodeLink(p.id), el('span', 'muted', fmt(p.impact))))); });
      panel.appendChild(ol);
    }
    // The ranking the report leads with: data.defaultMeasure when the report names one, else the first.
    var pr = (data.rankings || []).filter(function (r) { return r.measure.key === data.defaultMeasure; })[0] || (data.rankings || [])[0];
    if (pr && pr.entries.length) {
      panel.appendChild(el('h3', null, 'Top by ' + pr.measure.name));
      var ol2 = el('ol', 'toplist');
      pr.entries.slice(0, 5).forEach(function (e) {
        append(ol2, append(el('li'), append(el('div', 'row'), pr.edges ? append(el('span'), nodeLink(e.id), ' → ', nodeLink(e.target)) : nodeLink(e.id), el('span', 'muted', fmt(e.score)))));
      });
      panel.appendChild(ol2);
    }
    if (data.description) append(panel, el('h3', null, 'About this graph'), el('p', 'desc', data.description));
  }
  function nodeLink(id, text) {
    var b = el('button', 'node-link', text === undefined ? labelOf(id) : text);
    b.type = 'button';
    var n = byId.get(id);
    b.title = n && n.label !== id ? n.label + ' (' + id + ')' : id;
    b.addEventListener('click', function () { select(id, true); });
    return b;
  }
  function select(id, fromOutside) {
    var n = byId.get(id);
    if (!n) return;
    selected = id;
    if (svg) {
      clearScenario();
      Array.prototype.forEach.call(svg.querySelectorAll('.sel, .nb'), function (x) { x.classList.remove('sel', 'nb'); });
      svg.classList.add('focus');
      var g = nodeGroups.get(id);
      if (g) g.classList.add('sel');
      (outgoing.get(id) || []).concat(incoming.get(id) || []).forEach(function (e) {
        var other = e.from === id ? e.to : e.from;
        var og = nodeGroups.get(other), eg = edgeGroup(e.from, e.to);
        if (og) og.classList.add('nb');
        if (eg) eg.classList.add('nb');
      });
      if (fromOutside && g) {
        centerOn(g);
        var ws = $('diagram');
        if (ws && ws.getBoundingClientRect().top < -40) ws.scrollIntoView({ block: 'start' });
      }
    }
    renderPanel(n);
  }
  function renderPanel(n) {
    if (!panel) return;
    panel.replaceChildren();
    var head = el('div');
    if (n.kind) {
      var badge = el('span', 'badge');
      var sw = el('span', 'swatch');
      sw.style.background = kindColor.get(n.kind) || '#ffffff';
      append(badge, sw, n.kind);
      head.appendChild(badge);
    }
    if (n.inferred) head.appendChild(el('span', 'badge warn', 'inferred'));
    append(panel, head, el('h2', null, n.label), el('div', 'idline', n.id));
    if (n.note) panel.appendChild(el('p', 'note', n.note));

    var stats = el('div', 'stats');
    function stat(value, label) { append(stats, append(el('div', 'stat'), el('div', 'v', value), el('div', 'l', label))); }
    stat(n.impact === null || n.impact === undefined ? '0' : fmt(n.impact), 'chokepoint impact (lost pairs)');
    stat(n.dependents === null || n.dependents === undefined ? '0' : fmt(n.dependents), 'dependents (consumers reaching it)');
    panel.appendChild(stats);

    if (measures.length) {
      panel.appendChild(el('h3', null, 'Scores'));
      var t = el('table', 'data compact'), tb = el('tbody');
      measures.forEach(function (m) {
        var v = n.scores ? n.scores[m.key] : undefined;
        if (typeof v !== 'number') return;
        var r = ranks.get(m.key), rank = r ? r.rank.get(n.id) : undefined;
        var tr = el('tr');
        var name = el('td', null, m.name);
        name.title = m.summary;
        append(tr, name, el('td', 'num', fmt(v)), el('td', 'num muted', rank ? '#' + rank + ' of ' + r.of : ''));
        tb.appendChild(tr);
      });
      t.appendChild(tb);
      panel.appendChild(t);
    }
    if (n.attributes && n.attributes.length) {
      panel.appendChild(el('h3', null, 'Attributes'));
      var dl = el('dl', 'attrs');
      n.attributes.forEach(function (kv) {
        var dd = el('dd');
        if (isWebURL(kv[1])) dd.appendChild(link(kv[1])); else dd.textContent = kv[1];
        append(dl, el('dt', null, kv[0]), dd);
      });
      panel.appendChild(dl);
    }
    if (n.sources && n.sources.length) {
      panel.appendChild(el('h3', null, 'Sources'));
      var ul = el('ul', 'plain sources');
      n.sources.forEach(function (s) { ul.appendChild(citationItem(s)); });
      panel.appendChild(ul);
    }
    var outs = outgoing.get(n.id) || [], ins = incoming.get(n.id) || [];
    if (outs.length || ins.length) {
      panel.appendChild(el('h3', null, 'Relations'));
      var rl = el('ul', 'plain rel');
      outs.forEach(function (e) { append(rl, append(el('li'), el('span', 'ek', (e.kind || 'edge') + ' →'), nodeLink(e.to))); });
      ins.forEach(function (e) { append(rl, append(el('li'), nodeLink(e.from), el('span', 'ek', (e.kind || 'edge') + ' → this'))); });
      panel.appendChild(rl);
    }
    panel.scrollTop = 0;
  }
  function citationItem(s) {
    var li = el('li');
    if (s.title) {
      li.appendChild(link(s.url, s.title));
      var meta = [s.publisher, s.date].filter(Boolean).join(' · ');
      var m = el('span', 'src-meta', meta);
      if (s.key) append(m, meta ? ' · ' : '', el('code', null, s.key));
      li.appendChild(m);
    } else if (isWebURL(s.text)) {
      li.appendChild(link(s.text));
    } else {
      li.appendChild(el('code', null, s.text));
      if (/^seed:L/.test(s.text)) li.appendChild(el('span', 'src-meta', 'line of the seed document'));
    }
    return li;
  }

  renderOverview();

  // ---- search --------------------------------------------------------------------------------------
  var search = $('ecograph-search'), results = $('ecograph-search-results');
  if (search && results) {
    var showResults = function () {
      var q = search.value.trim().toLowerCase();
      results.replaceChildren();
      if (!q) { results.hidden = true; return; }
      var hits = nodes.filter(function (n) { return n.id.toLowerCase().indexOf(q) >= 0 || n.label.toLowerCase().indexOf(q) >= 0; }).slice(0, 10);
      hits.forEach(function (n) {
        var b = el('button');
        b.type = 'button';
        append(b, n.label, el('small', null, n.kind ? n.kind + ' · ' + n.id : n.id));
        b.addEventListener('click', function () { results.hidden = true; search.value = n.label; select(n.id, true); });
        append(results, append(el('li'), b));
      });
      if (!hits.length) results.appendChild(el('li', 'empty', 'No node matches'));
      results.hidden = false;
    };
    search.addEventListener('input', showResults);
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var first = results.querySelector('button'); if (first) first.click(); e.preventDefault(); }
      if (e.key === 'Escape') { results.hidden = true; }
    });
    document.addEventListener('click', function (e) { if (!search.parentNode.contains(e.target)) results.hidden = true; });
  }

  // ---- tables --------------------------------------------------------------------------------------
  /**
   * A sortable table. columns: [{label, num, value(row) -> sort key, cell(row) -> Node|string, title}].
   * Numbers sort descending first, text ascending; missing values sort last; ties keep the given order.
   */
  function makeTable(columns, rows, className) {
    var table = el('table', 'data' + (className ? ' ' + className : ''));
    var thead = el('thead'), hr = el('tr'), tbody = el('tbody');
    var trs = rows.map(function (row, index) {
      var tr = el('tr');
      columns.forEach(function (c) {
        var td = el('td', c.num ? 'num' : (c.grow ? 'grow' : (c.muted ? 'muted' : null)));
        var content = c.cell ? c.cell(row) : c.value(row);
        if (content === null || content === undefined) content = '';
        if (typeof content === 'object') td.appendChild(content);
        else td.textContent = typeof content === 'number' ? fmt(content) : String(content);
        tr.appendChild(td);
      });
      return { tr: tr, row: row, index: index };
    });
    var ths = columns.map(function (c, i) {
      var th = el('th', c.num ? 'num' : null);
      var b = el('button', null, c.label);
      b.type = 'button';
      if (c.title) b.title = c.title;
      th.appendChild(b);
      th.setAttribute('aria-sort', 'none');
      b.addEventListener('click', function () { sortBy(i); });
      hr.appendChild(th);
      return th;
    });
    function sortBy(i) {
      var c = columns[i], th = ths[i];
      var current = th.getAttribute('aria-sort');
      var dir = current === 'none' ? (c.num ? -1 : 1) : (current === 'ascending' ? -1 : 1);
      ths.forEach(function (x) { x.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      trs.sort(function (a, b) {
        var x = c.value(a.row), y = c.value(b.row);
        var xm = x === null || x === undefined || x === '', ym = y === null || y === undefined || y === '';
        if (xm || ym) return xm === ym ? a.index - b.index : (xm ? 1 : -1);
        var cmp = c.num ? x - y : String(x).localeCompare(String(y));
        return cmp !== 0 ? dir * cmp : a.index - b.index;
      });
      trs.forEach(function (t) { tbody.appendChild(t.tr); });
    }
    trs.forEach(function (t) { tbody.appendChild(t.tr); });
    thead.appendChild(hr);
    append(table, thead, tbody);
    status.tables++;
    return table;
  }
  function boxed(table, scroll) { return append(el('div', 'box' + (scroll ? ' scroll' : '')), table); }
  function scoreBar(value, max) {
    var wrap = el('div', 'bar'), bar = el('i');
    bar.style.width = (max > 0 && value > 0 ? Math.max(2, Math.round(value / max * 48)) : 0) + 'px';
    append(wrap, bar, el('span', null, fmt(value)));
    return wrap;
  }
  function nodeList(ids, limit) {
    var span = el('span');
    ids.slice(0, limit).forEach(function (id, i) { if (i) span.appendChild(document.createTextNode(', ')); span.appendChild(nodeLink(id)); });
    if (ids.length > limit) span.appendChild(el('span', 'muted', ' +' + (ids.length - limit) + ' more'));
    return span;
  }

  /** One ranking's card: its measure, then its entries ({rank, id, target, label, score}). */
  function rankingCard(r) {
    var card = el('div', 'card');
    append(card, el('h3', null, r.measure.name), el('p', null, r.measure.summary));
    var max = r.entries.reduce(function (m, e) { return Math.max(m, e.score); }, 0);
    card.appendChild(makeTable([
      { label: '#', num: true, value: function (e) { return e.rank; } },
      { label: r.edges ? 'Edge' : 'Node', grow: true, value: function (e) { return e.label; },
        cell: function (e) {
          if (!r.edges) return nodeLink(e.id);
          return append(el('span', 'edge-cell'), nodeLink(e.id), append(el('span', 'to'), el('span', 'arrow', '→'), nodeLink(e.target)));
        } },
      { label: 'Score', num: true, value: function (e) { return e.score; }, cell: function (e) { return scoreBar(e.score, max); } },
    ], r.entries, 'compact'));
    return card;
  }

  // Rankings.
  var rankingsEl = $('ecograph-rankings');
  if (rankingsEl) {
    var rn = $('ecograph-rankings-note');
    var rankings = data.rankings || [];
    if (rn) {
      rn.textContent = 'The top ' + (rankings.length && rankings[0].entries.length ? rankings[0].entries.length : 0) + ' of each measure, as NetworkX 3.x defines it, on the ' +
        (data.directed ? 'directed' : 'undirected') + ' graph of ' + plural(nodes.length, 'node') + ' and ' + plural(data.edgeCount, 'edge') +
        (data.directed ? ' (an edge u → v reads “u depends on v”).' : '.');
    }
    if (data.notes && data.notes.length) {
      var notes = el('ul', 'notes');
      data.notes.forEach(function (t) { notes.appendChild(el('li', null, t)); });
      rankingsEl.parentNode.insertBefore(notes, rankingsEl);
    }
    rankings.forEach(function (r) { rankingsEl.appendChild(rankingCard(r)); });
    if (!rankings.length) rankingsEl.appendChild(el('p', 'empty', 'No measure could be computed.'));
  }

  // Chokepoints.
  var chokeEl = $('ecograph-chokepoints');
  if (chokeEl) {
    var cps = data.chokepoints || [];
    var cn = $('ecograph-chokepoints-note');
    if (cn) {
      cn.textContent = 'Impact counts the (consumer, provider) pairs lost if the node disappears: for every other consumer, the providers it reaches only through this node (dominator trees). ' +
        (data.analysis ? data.analysis + '. ' : '') + plural(cps.length, 'node') + ' with dependents; ' +
        plural((data.articulationPoints || []).length, 'articulation point') + ' in the undirected view; ' + plural((data.cycles || []).length, 'dependency cycle') + '.';
    }
    chokeEl.appendChild(boxed(makeTable([
      { label: 'Rank', num: true, value: function (p) { return p.rank; } },
      { label: 'Node', value: function (p) { return p.label; }, cell: function (p) { return nodeLink(p.id); } },
      { label: 'Kind', muted: true, value: function (p) { return p.kind || ''; } },
      { label: 'Impact', num: true, title: 'lost (consumer, provider) pairs', value: function (p) { return p.impact; } },
      { label: 'Dependents', num: true, title: 'consumers that reach it', value: function (p) { return p.dependents; } },
      { label: 'Consumers hit', num: true, title: 'consumers that lose something', value: function (p) { return p.affected; } },
      { label: 'Most affected consumers', value: function (p) { return p.consumers.length ? p.consumers[0].count : null; },
        cell: function (p) {
          var span = el('span');
          p.consumers.forEach(function (c, i) {
            if (i) span.appendChild(document.createTextNode(', '));
            append(span, nodeLink(c.id), el('span', 'muted', ' (' + c.count + ')'));
          });
          return span;
        } },
    ], cps.map(function (p, i) { p.rank = i + 1; return p; })), true));
    if (data.cycles && data.cycles.length) {
      var cyc = el('ul', 'notes');
      data.cycles.slice(0, 10).forEach(function (c) { append(cyc, append(el('li'), 'Cycle among ', nodeList(c, 12))); });
      chokeEl.appendChild(cyc);
    }
  }

  // Scenarios.
  var scenEl = $('ecograph-scenarios'), scenarioShown = null;
  function clearScenario() {
    scenarioShown = null;
    var banner = $('ecograph-banner');
    if (banner) { banner.hidden = true; banner.replaceChildren(); }
    if (!svg) return;
    svg.classList.remove('scenario');
    Array.prototype.forEach.call(svg.querySelectorAll('.sc-removed, .sc-affected, .sc-cut'), function (x) { x.classList.remove('sc-removed', 'sc-affected', 'sc-cut'); });
  }
  function showScenario(s) {
    clearFocus();
    clearScenario();
    scenarioShown = s.name;
    if (svg) {
      svg.classList.add('scenario');
      s.removed.forEach(function (id) { var g = nodeGroups.get(id); if (g) g.classList.add('sc-removed'); });
      s.affected.forEach(function (a) { var g = nodeGroups.get(a.id); if (g) g.classList.add('sc-affected'); });
      s.cut.forEach(function (pair) { var g = edgeGroup(pair[0], pair[1]); if (g) g.classList.add('sc-cut'); });
    }
    var banner = $('ecograph-banner');
    if (banner) {
      var close = el('button', 'btn', 'Clear');
      close.type = 'button';
      close.addEventListener('click', clearScenario);
      append(banner, append(el('span'), 'Scenario ', el('b', null, s.name)),
        append(el('span'), el('span', 'key-removed'), 'removed (' + s.removed.length + ')'),
        append(el('span'), el('span', 'key-affected'), 'affected consumers (' + s.affected.length + ')'),
        append(el('span'), el('span', 'key-cut'), 'cut dependencies (' + s.cut.length + ')'),
        append(el('span'), 'lost pairs: ' + fmt(s.lostPairs)), close);
      banner.hidden = false;
    }
    var ws = $('diagram');
    if (ws) ws.scrollIntoView({ block: 'start' });
  }
  if (scenEl) {
    var scenarios = data.scenarios || [];
    var sn = $('ecograph-scenarios-note');
    if (sn) sn.textContent = 'Each scenario removes nodes or applies restrictions (export controls, bans) and counts what every consumer can no longer reach. ' +
      (data.analysis ? data.analysis + '. ' : '') + '“Show” highlights it on the diagram.';
    scenEl.appendChild(boxed(makeTable([
      { label: 'Scenario', value: function (s) { return s.name; }, cell: function (s) { return el('b', null, s.name); } },
      { label: 'Description', muted: true, value: function (s) { return s.description; } },
      { label: 'Removed', num: true, value: function (s) { return s.removed.length; } },
      { label: 'Cut dependencies', num: true, value: function (s) { return s.cut.length; } },
      { label: 'Lost pairs', num: true, value: function (s) { return s.lostPairs; } },
      { label: 'Affected consumers', num: true, value: function (s) { return s.affected.length; } },
      { label: '', value: function () { return null; }, cell: function (s) {
        var b = el('button', 'btn sc-show', 'Show');
        b.type = 'button';
        b.title = 'Highlight on the diagram';
        b.addEventListener('click', function () { showScenario(s); });
        return b;
      } },
    ], scenarios)));
    scenarios.forEach(function (s) {
      var d = el('details', 'scenario');
      append(d, append(el('summary'), s.name, el('span', null, fmt(s.lostPairs) + ' lost pairs · ' + plural(s.affected.length, 'affected consumer'))));
      var inner = el('div', 'inner');
      if (s.description) inner.appendChild(el('p', 'kv', s.description));
      if (s.removed.length) append(inner, append(el('p', 'kv'), el('b', null, 'Removed'), nodeList(s.removed, 30)));
      if (s.cut.length) {
        var cut = append(el('p', 'kv'), el('b', null, 'Cut dependencies'));
        s.cut.slice(0, 24).forEach(function (pair, i) {
          if (i) cut.appendChild(document.createTextNode(' · '));
          append(cut, nodeLink(pair[0]), ' → ', nodeLink(pair[1]));
        });
        if (s.cut.length > 24) cut.appendChild(el('span', 'muted', ' +' + (s.cut.length - 24) + ' more'));
        inner.appendChild(cut);
      }
      if (s.affected.length) {
        inner.appendChild(boxed(makeTable([
          { label: 'Consumer', value: function (a) { return labelOf(a.id); }, cell: function (a) { return nodeLink(a.id); } },
          { label: 'Kind', muted: true, value: function (a) { var n = byId.get(a.id); return n && n.kind ? n.kind : ''; } },
          { label: 'Loses', num: true, value: function (a) { return a.count; } },
          { label: 'No longer reaches', value: function (a) { return a.lost.length; }, cell: function (a) { return a.lost.length ? nodeList(a.lost, 12) : el('span', 'muted', 'fails'); } },
        ], s.affected, 'compact'), true));
      } else {
        inner.appendChild(el('p', 'empty', 'No consumer loses anything.'));
      }
      d.appendChild(inner);
      scenEl.appendChild(d);
    });
  }

  // What changed (report --against): the diff from a baseline to this map, as `ecograph diff` gives it.
  /** A node of this map as a link; one only in the baseline as struck-through text (its label when known). */
  function diffNode(id, label) { return byId.has(id) ? nodeLink(id) : el('span', 'gone', label || id); }
  function diffChanges(list) {
    var ul = el('ul', 'diff-fields');
    list.forEach(function (c) {
      append(ul, append(el('li'), el('code', null, c.field), ' ', el('span', 'was', c.before === null ? '(none)' : c.before), ' → ',
        el('span', 'now', c.after === null ? '(none)' : c.after)));
    });
    return ul;
  }
  function diffRows(lists) {
    var rows = [];
    ['added', 'removed', 'changed'].forEach(function (change) {
      (lists[change] || []).forEach(function (fact) { rows.push({ change: change, fact: fact }); });
    });
    return rows;
  }
  function diffBadge(change) { return el('span', 'badge diff-' + change, change); }
  function renderDiff(section, host) {
    var d = section.changes, svgNodes = 0;
    var diagram = $('ecograph-diff-diagram'), diffSvg = diagram ? diagram.querySelector('svg') : null;
    if (diffSvg) {
      diffSvg.setAttribute('role', 'img');
      Array.prototype.forEach.call(diffSvg.querySelectorAll('g.node'), function (g) {
        if (g.classList.contains('legend')) return;
        svgNodes++;
        var t = g.querySelector('title'), id = t ? idOfTitle(t.textContent) : null;
        if (id !== null) { g.setAttribute('data-node', id); g.classList.add('diff-link'); }
      });
      diffSvg.addEventListener('click', function (e) {
        var g = e.target && e.target.closest ? e.target.closest('g.node[data-node]') : null;
        if (g) select(g.getAttribute('data-node'), true);
      });
    }
    status.diffSvgNodes = svgNodes;
    var note = $('ecograph-diff-note'), nodes = d.nodes, edges = d.edges;
    if (note) {
      note.textContent = 'From ' + d.before.name + (d.before.asOf ? ' as of ' + d.before.asOf : '') + ' to ' + d.after.name +
        (d.after.asOf ? ' as of ' + d.after.asOf : '') + ': ' + plural(nodes.added.length, 'node') + ' added, ' + fmt(nodes.removed.length) +
        ' removed, ' + fmt(nodes.changed.length) + ' changed; ' + plural(edges.added.length, 'edge') + ' added, ' + fmt(edges.removed.length) +
        ' removed, ' + fmt(edges.changed.length) + ' changed. The diagram draws both maps at once: added in green, removed greyed and dashed, changed in blue; click a node of this map for its details.';
    }
    var nodeRows = diffRows(nodes), edgeRows = diffRows(edges);
    status.diffRows = nodeRows.length + edgeRows.length;
    if (nodeRows.length) {
      host.appendChild(el('h3', 'diff-h', 'Nodes'));
      host.appendChild(boxed(makeTable([
        { label: 'Change', value: function (r) { return r.change; }, cell: function (r) { return diffBadge(r.change); } },
        { label: 'Node', value: function (r) { return r.fact.label; }, cell: function (r) { return diffNode(r.fact.id, r.fact.label); } },
        { label: 'Kind', muted: true, value: function (r) { return r.fact.kind; } },
        { label: 'What changed', value: function (r) { return r.fact.changes ? r.fact.changes.length : null; },
          cell: function (r) { return r.fact.changes ? diffChanges(r.fact.changes) : null; } },
        { label: 'Sources', muted: true, value: function (r) { return r.fact.sources.join(', '); } },
      ], nodeRows, 'compact'), true));
    }
    if (edgeRows.length) {
      host.appendChild(el('h3', 'diff-h', 'Edges'));
      host.appendChild(boxed(makeTable([
        { label: 'Change', value: function (r) { return r.change; }, cell: function (r) { return diffBadge(r.change); } },
        { label: 'From', value: function (r) { return r.fact.from; }, cell: function (r) { return diffNode(r.fact.from); } },
        { label: 'To', value: function (r) { return r.fact.to; }, cell: function (r) { return diffNode(r.fact.to); } },
        { label: 'Kind', muted: true, value: function (r) { return r.fact.kind; } },
        { label: 'Id', muted: true, value: function (r) { return r.fact.id || ''; } },
        { label: 'What changed', value: function (r) { return r.fact.changes ? r.fact.changes.length : null; },
          cell: function (r) { return r.fact.changes ? diffChanges(r.fact.changes) : null; } },
        { label: 'Sources', muted: true, value: function (r) { return r.fact.sources.join(', '); } },
      ], edgeRows, 'compact'), true));
    }
    if (!nodeRows.length && !edgeRows.length) host.appendChild(el('p', 'empty', 'The two maps have the same facts.'));
    function shiftTable(title, block, scoreName) {
      host.appendChild(el('h3', 'diff-h', title));
      if (!block.shifts.length) { host.appendChild(el('p', 'empty', 'No node entered, left or moved within the top ' + block.top + '.')); return; }
      var edgesRanked = block.shifts.length && block.shifts[0].target !== undefined;
      host.appendChild(boxed(makeTable([
        { label: 'Movement', value: function (s) { return s.movement; }, cell: function (s) { return el('span', 'badge mv-' + s.movement, s.movement); } },
        { label: edgesRanked ? 'Edge' : 'Node', value: function (s) { return s.label; }, cell: function (s) {
          return edgesRanked ? append(el('span'), diffNode(s.source), ' → ', diffNode(s.target)) : diffNode(s.id, s.label);
        } },
        { label: 'Rank before', num: true, value: function (s) { return s.rankBefore; } },
        { label: 'Rank after', num: true, value: function (s) { return s.rankAfter; } },
        { label: scoreName + ' before', num: true, value: function (s) { return s.scoreBefore; } },
        { label: scoreName + ' after', num: true, value: function (s) { return s.scoreAfter; } },
      ], block.shifts, 'compact')));
    }
    var measure = measures.filter(function (m) { return m.key === d.ranking.measure; })[0];
    shiftTable((measure ? measure.name : d.ranking.measure) + ': the top ' + d.ranking.top + ' before and after', d.ranking, 'Score');
    shiftTable('Chokepoint impact (' + d.chokepoints.model + '): the top ' + d.chokepoints.top + ' before and after', d.chokepoints, 'Impact');
    host.appendChild(el('h3', 'diff-h', 'Reach: consumers cut off or reconnected'));
    host.appendChild(el('p', 'section-note', plural(d.reach.lostPairs, '(consumer, provider) pair') + ' lost and ' + fmt(d.reach.gainedPairs) +
      ' gained over ' + plural(d.reach.compared, 'consumer') + ' on both maps (consumers: ' + d.reach.consumers + '; providers: ' + d.reach.providers + ').'));
    if (d.reach.changes.length) {
      host.appendChild(boxed(makeTable([
        { label: 'Consumer', value: function (r) { return r.label; }, cell: function (r) { return diffNode(r.id); } },
        { label: 'Kind', muted: true, value: function (r) { return r.kind; } },
        { label: 'Lost', num: true, value: function (r) { return r.lostCount; } },
        { label: 'Gained', num: true, value: function (r) { return r.gainedCount; } },
        { label: 'No longer reaches', value: function (r) { return r.lostCount; }, cell: function (r) { return diffList(r.lost, r.lostCount, d.reach.listed); } },
        { label: 'Newly reaches', value: function (r) { return r.gainedCount; }, cell: function (r) { return diffList(r.gained, r.gainedCount, d.reach.listed); } },
      ], d.reach.changes, 'compact'), true));
    }
  }
  function diffList(ids, count, listed) {
    if (!listed) return el('span', 'muted', count ? 'not listed (too many pairs)' : '');
    var span = el('span');
    ids.slice(0, 12).forEach(function (id, i) { if (i) span.appendChild(document.createTextNode(', ')); span.appendChild(diffNode(id)); });
    if (ids.length > 12) span.appendChild(el('span', 'muted', ' +' + (ids.length - 12) + ' more'));
    return span;
  }
  var diffEl = $('ecograph-diff');
  if (diffEl && data.diff) renderDiff(data.diff, diffEl);

  // All nodes.
  var nodesEl = $('ecograph-nodes');
  if (nodesEl) {
    var nn = $('ecograph-nodes-note');
    if (nn) nn.textContent = plural(nodes.length, 'node') + '; every score of every measure. Click a column to sort.';
    var cols = [
      { label: 'Node', value: function (n) { return n.label; }, cell: function (n) { return nodeLink(n.id); } },
      { label: 'Id', muted: true, value: function (n) { return n.id; } },
      { label: 'Kind', muted: true, value: function (n) { return n.kind || ''; } },
      { label: 'Impact', num: true, value: function (n) { return n.impact; } },
      { label: 'Dependents', num: true, value: function (n) { return n.dependents; } },
    ];
    measures.forEach(function (m) {
      cols.push({ label: m.name, num: true, title: m.summary, value: function (n) { return n.scores ? n.scores[m.key] : undefined; } });
    });
    nodesEl.appendChild(boxed(makeTable(cols, nodes, 'compact'), true));
  }

  // Provenance.
  var provEl = $('ecograph-provenance');
  if (provEl && Array.isArray(data.references)) {
    var refs = data.references;
    var pn = $('ecograph-provenance-note');
    var cited = refs.filter(function (r) { return r.nodes.length + r.edges.length > 0; }).length;
    if (pn) pn.textContent = plural(refs.length, 'reference') + ', ' + fmt(cited) + ' cited by nodes or edges. Titles in [square brackets] are descriptive rather than verbatim; links are given only where the source file names a web address.';
    provEl.appendChild(boxed(makeTable([
      { label: 'Key', value: function (r) { return r.key; }, cell: function (r) { return el('code', null, r.key); } },
      { label: 'Title', value: function (r) { return r.title; }, cell: function (r) { return link(r.url, r.title); } },
      { label: 'Publisher', muted: true, value: function (r) { return r.publisher || ''; } },
      { label: 'Date', muted: true, value: function (r) { return r.date || ''; } },
      { label: 'Cited by', num: true, value: function (r) { return r.nodes.length + r.edges.length; } },
      { label: 'Nodes citing it', value: function (r) { return r.nodes.length; }, cell: function (r) { return nodeList(r.nodes, 6); } },
      { label: 'Edges citing it', value: function (r) { return r.edges.length; }, cell: function (r) {
        var span = el('span');
        r.edges.slice(0, 3).forEach(function (e, i) {
          if (i) span.appendChild(document.createTextNode('; '));
          append(span, nodeLink(e[0]), el('span', 'muted', ' ' + (e[2] || '→') + ' '), nodeLink(e[1]));
        });
        if (r.edges.length > 3) span.appendChild(el('span', 'muted', ' +' + (r.edges.length - 3) + ' more'));
        return span;
      } },
    ], refs), true));
  }

  // ---- the date slider (data.timeline) ------------------------------------------------------------
  // Snapshots precomputed at a series of dates: which nodes and edges were alive, each measure's first entries
  // and the chokepoint impact's. The slider dims what was not alive on the chosen date and shows that date's
  // rankings; "Whole record" goes back to the report as computed. report.html#date=2024 opens on a date.
  var dated = data.timeline && Array.isArray(data.timeline.snapshots) && data.timeline.snapshots.length ? data.timeline : null;
  var datedShown = null;
  function datedRows(entries) {
    return (entries || []).map(function (e) {
      var n = nodes[e[0]];
      return { id: n ? n.id : String(e[0]), label: n ? n.label : String(e[0]), kind: n ? n.kind : null, score: e[1], rank: e[2] };
    });
  }
  function showDate(index) {
    var s = dated.snapshots[index];
    if (!s) return;
    datedShown = index;
    var nodeAlive = new Set(s.nodes.map(function (i) { return nodes[i] ? nodes[i].id : null; }));
    if (svg) {
      svg.classList.add('timeline');
      nodeGroups.forEach(function (g, id) { g.classList.toggle('tl-gone', !nodeAlive.has(id)); });
      var edgeAlive = new Set();
      s.edges.forEach(function (i) { var e = (data.edges || [])[i]; var g = e ? edgeGroup(e.from, e.to) : null; if (g) edgeAlive.add(g); });
      edgeGroups.forEach(function (g) { g.classList.toggle('tl-gone', !edgeAlive.has(g)); });
    }
    var caption = $('ecograph-timeline-date');
    if (caption) caption.textContent = s.date + ' · ' + plural(s.nodes.length, 'node') + ', ' + plural(s.edges.length, 'edge') + ' alive';
    var slider = $('ecograph-timeline-slider');
    if (slider && Number(slider.value) !== index) slider.value = String(index);
    var wholeButton = $('ecograph-timeline-whole');
    if (wholeButton) wholeButton.classList.remove('on');
    // Rankings: the dated ones, in the report's order.
    var rankingsBox = $('ecograph-rankings');
    if (rankingsBox) {
      rankingsBox.replaceChildren();
      (data.rankings || []).forEach(function (r) {
        var dr = s.rankings.filter(function (x) { return x.key === r.measure.key; })[0];
        if (!dr) return;
        rankingsBox.appendChild(rankingCard({ measure: r.measure, edges: false, entries: datedRows(dr.entries) }));
      });
      if (!rankingsBox.childNodes.length) rankingsBox.appendChild(el('p', 'empty', 'No measure could be computed on ' + s.date + '.'));
    }
    var rn = $('ecograph-rankings-note');
    if (rn) rn.textContent = 'As of ' + s.date + ': the top of each measure on the map as it stood that day (' + plural(s.nodes.length, 'node') +
      ' and ' + plural(s.edges.length, 'edge') + ' alive; ranks among them). “Whole record” above the diagram goes back.';
    // Chokepoints: that day's impact instead of the full table.
    var full = $('ecograph-chokepoints-full'), box = $('ecograph-timeline-impact');
    if (full) full.hidden = true;
    if (box) {
      box.hidden = false;
      box.replaceChildren();
      box.appendChild(boxed(makeTable([
        { label: 'Rank', num: true, value: function (p) { return p.rank; } },
        { label: 'Node', value: function (p) { return p.label; }, cell: function (p) { return nodeLink(p.id); } },
        { label: 'Kind', muted: true, value: function (p) { return p.kind || ''; } },
        { label: 'Impact on ' + s.date, num: true, title: 'lost (consumer, provider) pairs that day', value: function (p) { return p.score; } },
      ], datedRows(s.impact)), true));
    }
    var cn = $('ecograph-chokepoints-note');
    if (cn) cn.textContent = 'As of ' + s.date + ': chokepoint impact on the map as it stood that day, its top ' + s.impact.length + ' nodes. ' +
      (data.analysis ? data.analysis + '.' : '');
    status.timelineDate = s.date;
    writeStatus();
  }
  function showWhole() {
    datedShown = null;
    if (svg) {
      svg.classList.remove('timeline');
      Array.prototype.forEach.call(svg.querySelectorAll('.tl-gone'), function (x) { x.classList.remove('tl-gone'); });
    }
    var caption = $('ecograph-timeline-date');
    if (caption) caption.textContent = 'whole record';
    var wholeButton = $('ecograph-timeline-whole');
    if (wholeButton) wholeButton.classList.add('on');
    var rankingsBox = $('ecograph-rankings');
    if (rankingsBox) {
      rankingsBox.replaceChildren();
      (data.rankings || []).forEach(function (r) { rankingsBox.appendChild(rankingCard(r)); });
    }
    var rn = $('ecograph-rankings-note'), cn = $('ecograph-chokepoints-note');
    if (rn && rankingsNoteText !== null) rn.textContent = rankingsNoteText;
    if (cn && chokepointsNoteText !== null) cn.textContent = chokepointsNoteText;
    var full = $('ecograph-chokepoints-full'), box = $('ecograph-timeline-impact');
    if (full) full.hidden = false;
    if (box) { box.hidden = true; box.replaceChildren(); }
    status.timelineDate = null;
    writeStatus();
  }
  var rankingsNoteText = $('ecograph-rankings-note') ? $('ecograph-rankings-note').textContent : null;
  var chokepointsNoteText = $('ecograph-chokepoints-note') ? $('ecograph-chokepoints-note').textContent : null;
  if (dated) {
    var toolbarEl = $('ecograph-toolbar');
    var bar = el('div', 'timeline-bar');
    bar.id = 'ecograph-timeline';
    var slider = el('input');
    slider.type = 'range';
    slider.id = 'ecograph-timeline-slider';
    slider.min = '0';
    slider.max = String(dated.snapshots.length - 1);
    slider.step = '1';
    slider.value = String(dated.snapshots.length - 1);
    slider.setAttribute('aria-label', 'Date: the map as it stood that day (one snapshot per ' + (dated.step || 'step') + ')');
    var wholeButton = el('button', 'btn on', 'Whole record');
    wholeButton.type = 'button';
    wholeButton.id = 'ecograph-timeline-whole';
    wholeButton.title = 'Show the whole record again (no date)';
    var ends = el('span', 'timeline-ends', dated.snapshots[0].date + ' – ' + dated.snapshots[dated.snapshots.length - 1].date);
    append(bar, el('span', 'timeline-label', 'As of'), slider, el('span', 'timeline-date', 'whole record'), ends, wholeButton);
    bar.querySelector('.timeline-date').id = 'ecograph-timeline-date';
    if (toolbarEl && toolbarEl.parentNode) toolbarEl.parentNode.insertBefore(bar, toolbarEl.nextSibling);
    slider.addEventListener('input', function () { showDate(Number(slider.value)); });
    wholeButton.addEventListener('click', showWhole);
    // The full chokepoints table stays; that day's impact table is shown instead of it.
    var chokeBox = $('ecograph-chokepoints');
    if (chokeBox) {
      var fullBox = el('div');
      fullBox.id = 'ecograph-chokepoints-full';
      while (chokeBox.firstChild) fullBox.appendChild(chokeBox.firstChild);
      var datedBox = el('div');
      datedBox.id = 'ecograph-timeline-impact';
      datedBox.hidden = true;
      append(chokeBox, datedBox, fullBox);
    }
    if (dated.notes && dated.notes.length && rankingsEl) {
      var datedNotes = el('ul', 'notes');
      dated.notes.forEach(function (t) { datedNotes.appendChild(el('li', null, t)); });
      rankingsEl.parentNode.insertBefore(datedNotes, rankingsEl);
    }
    status.dates = dated.snapshots.length;
    var dateFromHash = function () {
      var m = /^#date=(.+)$/.exec(location.hash);
      if (!m) return;
      var wanted;
      try { wanted = decodeURIComponent(m[1]); } catch (err) { return; }
      for (var i = 0; i < dated.snapshots.length; i++) if (dated.snapshots[i].date === wanted) { showDate(i); return; }
    };
    window.addEventListener('hashchange', dateFromHash);
    dateFromHash();
  }

  // Print the whole diagram, every scenario opened.
  window.addEventListener('beforeprint', function () {
    fit();
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });

  // A link to a node: report.html#node=<id> opens with that node selected.
  function selectFromHash() {
    var m = /^#node=(.+)$/.exec(location.hash);
    if (!m) return;
    var wanted;
    try { wanted = decodeURIComponent(m[1]); } catch (err) { return; }
    if (byId.has(wanted)) select(wanted, true);
  }
  window.addEventListener('hashchange', selectFromHash);
  selectFromHash();

  status.nodes = nodes.length;
  status.done = true;
  writeStatus();
})();