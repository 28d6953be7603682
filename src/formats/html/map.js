/* netweb map: draws what netweb computed (positions, clusters, suggested introductions)
   as SVG, with pan, zoom, details on hover and neighbours on click.
   Contact text reaches the page only through textContent (text nodes), never as markup.
   Comments use this form only: the export's tests check that the page holds no double
   slash, so no address can hide in it. */
(function () {
  'use strict';

  /* Size of names on screen, in CSS pixels: the same at every zoom from 1 (where netweb
     left room for them) up, so zooming in makes room; zoomed out they shrink a little
     with the map, to three quarters, so a small window still reads. */
  var LABEL_PX = 12;
  function labelPx(s) {
    return LABEL_PX * Math.min(1, Math.max(0.75, s));
  }

  /* Any error, now or in a later handler, becomes a visible banner: a blank map must
     never pass for an empty network (the browser tests look for it). */
  function fail(message) {
    var box = document.getElementById('error');
    if (!box) {
      box = document.createElement('div');
      box.id = 'error';
      box.setAttribute('role', 'alert');
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = 'The map could not be drawn: ' + message;
  }
  window.onerror = function (message) {
    fail(String(message));
  };

  var data, svg, NS, root, labelsG, hiG;
  var nodeEls = [], labelEls = [], adj = [], marked = [], regionEls = [], lowerNames = null;
  var view = { s: 1, tx: 0, ty: 0 };
  var pinned = -1;

  try {
    draw();
  } catch (e) {
    fail(e && e.message ? e.message : String(e));
  }

  function draw() {
    data = JSON.parse(document.getElementById('data').textContent);
    svg = document.getElementById('map');
    /* The SVG namespace, taken from the <svg> element the HTML parser made, so the page
       never spells it out. */
    NS = svg.namespaceURI;
    var nodes = data.nodes;
    nodes.forEach(function () { adj.push([]); });
    data.edges.forEach(function (e) {
      adj[e[0]].push(e[1]);
      adj[e[1]].push(e[0]);
    });

    root = el('g', { id: 'view' }, svg);
    drawRegions(el('g', { 'class': 'regions' }, root));
    drawEdges(el('g', { 'class': 'edges' }, root));
    hiG = el('g', { id: 'hi' }, root);
    var nodesG = el('g', { 'class': 'nodes' }, root);
    /* Above the dots, so a dense map does not hide them. */
    var suggestionsG = el('g', { 'class': 'suggestions' }, root);
    labelsG = el('g', { 'class': 'labels' }, root);
    data.suggestions.forEach(function (s, i) {
      var a = nodes[s.a], b = nodes[s.b];
      var line = el('line', {
        'class': 'suggestion', x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'data-s': i
      }, suggestionsG);
      el('title', {}, line).textContent =
        'Suggested introduction: ' + a.name + ' and ' + b.name + ': ' + s.why;
    });
    nodes.forEach(function (p, i) {
      var g = el('g', {
        'class': 'node', transform: 'translate(' + p.x + ' ' + p.y + ')', 'data-i': i
      }, nodesG);
      var c = el('circle', { r: p.r, fill: colorOf(p) }, g);
      el('title', {}, c).textContent = p.name;
      nodeEls.push(g);
      var t = el('text', {
        'class': p.label ? 'label' : 'label minor', x: p.x, y: p.y + p.r, dy: '1em'
      }, labelsG);
      t.textContent = p.name;
      labelEls.push(t);
    });

    header();
    legend();
    listen(nodesG, suggestionsG);
    search();
    fit();
    document.body.dataset.rendered = String(nodes.length);
  }

  /* One path per strength: thousands of relationships stay a handful of elements.
     Closer relationships are drawn thicker and darker; all of them fainter where people
     know many others, or a dense web turns into a grey blot. */
  function drawEdges(parent) {
    var paths = [[], [], [], [], [], []];
    var mean = data.nodes.length ? 2 * data.edges.length / data.nodes.length : 0;
    var fade = Math.min(1, Math.max(0.3, 4 / mean));
    data.edges.forEach(function (e) {
      var a = data.nodes[e[0]], b = data.nodes[e[1]];
      var s = Math.min(Math.max(e[2], 1), 5);
      paths[s].push('M' + a.x + ' ' + a.y + 'L' + b.x + ' ' + b.y);
    });
    paths.forEach(function (parts, s) {
      if (parts.length) {
        el('path', {
          d: parts.join(''), 'stroke-width': 0.5 + 0.45 * s,
          'stroke-opacity': (0.22 + 0.12 * s) * fade
        }, parent);
      }
    });
  }

  /* On a big map each cluster is a disc whose area follows its size, labelled with its
     number and size; the people drawn inside are its best-connected. */
  function drawRegions(parent) {
    data.regions.forEach(function (g, k) {
      var c = g.cluster === undefined ? null : data.clusters[g.cluster];
      var disc = el('circle', {
        'class': 'region', cx: g.x, cy: g.y, r: g.r, fill: c ? c.color : '#9aa0a6', 'data-r': k
      }, parent);
      var what = c ? 'Cluster ' + c.number : 'Small clusters and people in none';
      var text = what + ': ' + plural(g.size, 'person', 'people') + ', ' + g.drawn + ' drawn';
      if (c && c.interests.length) text += ' (' + c.interests.join(', ') + ')';
      el('title', {}, disc).textContent = text;
      var t = el('text', {
        'class': 'region-label', x: g.x, y: g.y - g.r + Math.max(14, g.r / 8),
        'font-size': Math.max(12, g.r / 8)
      }, parent);
      t.textContent = (c ? String(c.number) : 'other') + ' \u00b7 ' + g.size;
      regionEls.push(disc);
    });
  }

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  /* An HTML element with text (as a text node). */
  function h(name, text, parent, cls) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }

  function colorOf(p) {
    return p.cluster === undefined ? '#9aa0a6' : data.clusters[p.cluster].color;
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function terms(list) {
    return (list || []).map(function (t) { return data.terms[t]; }).join(', ');
  }

  function swatch(color, parent) {
    var s = h('span', null, parent, 'swatch');
    s.style.background = color;
    return s;
  }

  function header() {
    var parts = [
      plural(data.people, 'person', 'people'),
      plural(data.relationships, 'relationship', 'relationships'),
      plural(data.clusters.length, 'cluster', 'clusters')
    ];
    if (data.suggestions.length) {
      parts.push(plural(data.suggestions.length, 'suggested introduction', 'suggested introductions'));
    }
    document.getElementById('counts').textContent = parts.join(' \u00b7 ');
    document.title = 'netweb map: ' + plural(data.people, 'person', 'people');
  }

  function legend() {
    var box = document.getElementById('legend');
    if (!data.nodes.length) {
      h('p', 'No one to draw yet: add people with netweb add.', box);
      return;
    }
    h('h2', 'Clusters', box);
    h('p', 'Groups who mostly know each other (Louvain), with what many of them are into. Click one to pick it out.', box, 'muted');
    var list = h('ul', null, box);
    var shown = 12;
    data.clusters.slice(0, shown).forEach(function (c, i) {
      var li = h('li', null, list, 'cluster');
      swatch(c.color, li);
      var text = plural(c.size, 'person', 'people');
      if (c.interests.length) text += ': ' + c.interests.join(', ');
      li.appendChild(document.createTextNode(text));
      li.addEventListener('click', function () { pickCluster(i, li); });
    });
    if (data.clusters.length > shown) {
      h('li', 'and ' + plural(data.clusters.length - shown, 'smaller cluster', 'smaller clusters'), list, 'muted');
    }
    if (data.unclustered) {
      var li = h('li', null, list);
      swatch('#9aa0a6', li);
      li.appendChild(document.createTextNode(
        plural(data.unclustered, 'person knows', 'people know') + ' nobody else here'));
    }
    h('h3', 'Lines', box);
    var keys = h('ul', null, box);
    lineKey(keys, 'know each other (thicker: closer)', { stroke: '#3d4a5c', 'stroke-width': 2.5 });
    if (data.suggestions.length) {
      lineKey(keys, 'should meet: the top suggestions of netweb suggest', {
        stroke: '#c2410c', 'stroke-width': 2.5, 'stroke-dasharray': '7 5'
      });
    }
    if (data.regions.length) {
      h('h3', 'Regions', box);
      h('p', 'Each disc is a cluster, its area by how many people it holds; inside are its best-connected people. Find anyone else with the search box.', box, 'muted');
    }
    h('p', 'Scroll to zoom, drag to move. Point at a person for details; click to pin them and see whom they know. Esc clears.', box, 'muted');
    var button = h('button', 'Fit to window', box);
    button.type = 'button';
    button.addEventListener('click', fit);
  }

  function lineKey(list, text, attrs) {
    var li = h('li', null, list);
    var s = el('svg', { width: 28, height: 10, 'class': 'key' }, li);
    attrs.x1 = 1; attrs.y1 = 5; attrs.x2 = 27; attrs.y2 = 5;
    el('line', attrs, s);
    li.appendChild(document.createTextNode(text));
  }

  /* Details of one person, all as text. */
  function show(i) {
    var p = data.nodes[i];
    var box = document.getElementById('details');
    box.replaceChildren();
    box.hidden = false;
    h('h2', p.name, box);
    var work = [p.role, p.company].filter(Boolean).join(' at ');
    var line = [work, p.location].filter(Boolean).join(' \u00b7 ');
    if (line) h('p', line, box);
    var c = h('p', null, box, 'muted');
    swatch(colorOf(p), c);
    c.appendChild(document.createTextNode(
      (p.cluster === undefined ? 'in no cluster' : 'cluster ' + data.clusters[p.cluster].number) +
      ' \u00b7 knows ' + plural(p.degree, 'person', 'people') + ' here'));
    [['Interests', p.interests], ['Offers', p.offers], ['Seeks', p.seeks], ['Tags', p.tags]]
      .forEach(function (row) {
        if (row[1] && row[1].length) {
          h('h3', row[0], box);
          h('p', terms(row[1]), box);
        }
      });
    if (adj[i].length) {
      h('h3', 'Knows', box);
      var names = adj[i].slice(0, 15).map(function (j) { return data.nodes[j].name; });
      if (adj[i].length > 15) names.push('and ' + (adj[i].length - 15) + ' more');
      h('p', names.join(', '), box);
    }
    var mine = data.suggestions.filter(function (s) { return s.a === i || s.b === i; });
    if (mine.length) {
      h('h3', 'Should meet', box);
      var ul = h('ul', null, box);
      mine.forEach(function (s) {
        var other = data.nodes[s.a === i ? s.b : s.a].name;
        h('li', other + ': ' + s.why, ul);
      });
    }
  }

  function showSuggestion(k) {
    var s = data.suggestions[k];
    var box = document.getElementById('details');
    box.replaceChildren();
    box.hidden = false;
    h('h3', 'Suggested introduction', box);
    h('h2', data.nodes[s.a].name + ' and ' + data.nodes[s.b].name, box);
    h('p', s.why, box);
    h('p', 'score ' + s.score, box, 'muted');
  }

  function hideDetails() {
    var box = document.getElementById('details');
    box.replaceChildren();
    box.hidden = true;
  }

  function unmark() {
    marked.forEach(function (j) {
      nodeEls[j].classList.remove('on');
      labelEls[j].classList.remove('on');
    });
    marked = [];
    hiG.replaceChildren();
    regionEls.forEach(function (r) { r.classList.remove('on'); });
    svg.classList.remove('dimmed');
    var on = document.querySelector('#legend li.on');
    if (on) on.classList.remove('on');
  }

  function mark(j) {
    nodeEls[j].classList.add('on');
    labelEls[j].classList.add('on');
    marked.push(j);
  }

  /* Pins a person (or clears with -1): they and the people they know stay bright. */
  function select(i) {
    unmark();
    pinned = i;
    if (i < 0) {
      hideDetails();
      return;
    }
    svg.classList.add('dimmed');
    var p = data.nodes[i];
    mark(i);
    adj[i].forEach(function (j) {
      mark(j);
      var q = data.nodes[j];
      el('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y }, hiG);
    });
    show(i);
  }

  function pickCluster(c, li) {
    var again = li.classList.contains('on');
    select(-1);
    if (again) return;
    li.classList.add('on');
    svg.classList.add('dimmed');
    data.nodes.forEach(function (p, j) {
      if (p.cluster === c) mark(j);
    });
    data.regions.forEach(function (g, k) {
      if (g.cluster === c) regionEls[k].classList.add('on');
    });
  }

  function indexOf(target, attr) {
    var e = target;
    while (e && e !== svg && e.getAttribute) {
      var v = e.getAttribute(attr);
      if (v !== null) return Number(v);
      e = e.parentNode;
    }
    return -1;
  }

  function listen(nodesG, suggestionsG) {
    nodesG.addEventListener('pointerover', function (e) {
      var i = indexOf(e.target, 'data-i');
      if (i < 0) return;
      labelEls[i].classList.add('hover');
      if (pinned < 0) show(i);
    });
    nodesG.addEventListener('pointerout', function (e) {
      var i = indexOf(e.target, 'data-i');
      if (i < 0) return;
      labelEls[i].classList.remove('hover');
      if (pinned < 0 && !drag) hideDetails();
    });
    suggestionsG.addEventListener('pointerover', function (e) {
      var k = indexOf(e.target, 'data-s');
      if (k >= 0 && pinned < 0) showSuggestion(k);
    });
    suggestionsG.addEventListener('pointerout', function () {
      if (pinned < 0) hideDetails();
    });

    var drag = null;
    svg.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      drag = {
        x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false,
        node: indexOf(e.target, 'data-i')
      };
    });
    svg.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && dx * dx + dy * dy < 16) return;
      if (!drag.moved) {
        drag.moved = true;
        svg.classList.add('dragging');
        if (svg.setPointerCapture) svg.setPointerCapture(e.pointerId);
      }
      view.tx = drag.tx + dx;
      view.ty = drag.ty + dy;
      apply();
    });
    function end() {
      if (!drag) return;
      var d = drag;
      drag = null;
      svg.classList.remove('dragging');
      if (!d.moved) select(d.node >= 0 && d.node !== pinned ? d.node : -1);
    }
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', function () {
      drag = null;
      svg.classList.remove('dragging');
    });
    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var r = svg.getBoundingClientRect();
      var mx = e.clientX - r.left, my = e.clientY - r.top;
      var step = e.deltaMode === 1 ? 0.05 : 0.002;
      var s = Math.min(Math.max(view.s * Math.exp(-e.deltaY * step), view.min), 40);
      var f = s / view.s;
      view.tx = mx - (mx - view.tx) * f;
      view.ty = my - (my - view.ty) * f;
      view.s = s;
      apply();
    }, { passive: false });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') select(-1);
    });
    window.addEventListener('resize', fit);
  }

  /* The search box: everyone's name is in data.roster, drawn or not. Finding a drawn
     person pins them; anyone else is shown with their cluster's region picked out. */
  function search() {
    var input = document.getElementById('find');
    var list = document.getElementById('found');
    var roster = data.roster;
    function results() {
      var q = input.value.trim().toLowerCase();
      list.replaceChildren();
      if (!q) return [];
      if (!lowerNames) lowerNames = roster.names.map(function (n) { return n.toLowerCase(); });
      var hits = [], more = 0;
      for (var i = 0; i < lowerNames.length; i++) {
        if (lowerNames[i].indexOf(q) >= 0) {
          if (hits.length < 12) hits.push(i); else more++;
        }
      }
      hits.forEach(function (i) {
        var li = h('li', roster.names[i], list, 'hit');
        var c = roster.cluster[i];
        h('span', (c < 0 ? ' \u00b7 in no cluster' : ' \u00b7 cluster ' + data.clusters[c].number) +
          (roster.node[i] < 0 ? ', not drawn' : ''), li, 'muted');
        li.addEventListener('click', function () { find(i); });
      });
      if (!hits.length) h('li', 'No one by that name.', list, 'muted');
      if (more) h('li', 'and ' + more + ' more: type more of the name', list, 'muted');
      return hits;
    }
    input.addEventListener('input', results);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        var hits = results();
        if (hits.length) find(hits[0]);
      }
    });
  }

  /* Shows person i of the roster: pinned where drawn, else their details and region. */
  function find(i) {
    var roster = data.roster, node = roster.node[i];
    if (node >= 0) {
      select(node);
      var p = data.nodes[node];
      centre(p.x, p.y, Math.max(view.s, data.names_from));
      return;
    }
    select(-1);
    var box = document.getElementById('details');
    box.hidden = false;
    h('h2', roster.names[i], box);
    var c = roster.cluster[i];
    var line = h('p', null, box, 'muted');
    swatch(c < 0 ? '#9aa0a6' : data.clusters[c].color, line);
    line.appendChild(document.createTextNode(
      (c < 0 ? 'in no cluster' : 'cluster ' + data.clusters[c].number) +
      ' \u00b7 knows ' + plural(roster.degree[i], 'person', 'people') + ' here'));
    var k = roster.region[i];
    if (k >= 0) {
      var g = data.regions[k];
      h('p', 'Not drawn: the map draws only the best-connected of each cluster. They are in the picked-out region, with ' +
        plural(g.size - 1, 'other', 'others') + '.', box);
      regionEls[k].classList.add('on');
      svg.classList.add('dimmed');
      centre(g.x, g.y, Math.min(view.s * 2, (svg.clientHeight || 600) / (2.4 * g.r)));
    }
    document.body.dataset.found = String(i);
  }

  /* Moves the view so (x, y) is in the middle, at zoom s. */
  function centre(x, y, s) {
    var w = svg.clientWidth || 800, hh = svg.clientHeight || 600;
    view.s = Math.max(Math.min(s, 40), view.min || 0);
    view.tx = w / 2 - x * view.s;
    view.ty = hh / 2 - y * view.s;
    apply();
  }

  function apply() {
    root.setAttribute('transform',
      'translate(' + view.tx + ' ' + view.ty + ') scale(' + view.s + ')');
    labelsG.style.fontSize = (labelPx(view.s) / view.s) + 'px';
    svg.classList.toggle('all-labels', view.s >= data.names_from);
  }

  /* The whole drawing (names included) in the window, with a small margin; a small
     network is not blown up past twice its size. Names keep their screen size, so their
     extent depends on the zoom: a second round measures them at the first round's. */
  function fit() {
    var w = svg.clientWidth || 800, hh = svg.clientHeight || 600;
    var pad = 12, s = 1, box = { x: 0, y: 0, width: data.width, height: data.height };
    for (var round = 0; round < 2; round++) {
      if (data.nodes.length) {
        labelsG.style.fontSize = (labelPx(s) / s) + 'px';
        var b = root.getBBox();
        if (b.width > 0 && b.height > 0) box = b;
      }
      s = Math.min((w - 2 * pad) / box.width, (hh - 2 * pad) / box.height, 2);
      if (!(s > 0) || !isFinite(s)) s = 1;
    }
    view.s = s;
    view.min = s / 4;
    view.tx = (w - box.width * s) / 2 - box.x * s;
    view.ty = (hh - box.height * s) / 2 - box.y * s;
    apply();
  }
})();
