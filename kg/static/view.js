/* cppcc-kg graph explorer: legend, search, filters, neighbourhood highlight, side panel, expansion.
 * Reads two JSON blocks written by kg/view.py: #kg-data (drawn at once) and #kg-evidence (parsed
 * the first time the panel shows evidence).  Positions come from Python; physics stays off. */
(function () {
  "use strict";
  const t0 = performance.now();
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  let EVIDENCE = null;
  function evidence() {
    if (EVIDENCE === null) EVIDENCE = JSON.parse(document.getElementById("kg-evidence").textContent);
    return EVIDENCE;
  }
  const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
  const N = DATA.nodes, E = DATA.edges, SMALL = DATA.promise.small;
  const LIMIT = 3000; // most nodes drawn after a filter or class change on big graphs
  const MIN_SCALE = 0.55; // initial zoom never smaller: committee and brand labels stay legible
  const CLS = {};
  DATA.classes.forEach(function (c) { CLS[c.cls] = c; });
  const OTHER = { cls: "", name: "其他", colour: "#7f8c8d", shape: "dot", font: 14, size: 8, top: false };
  const PRED = {
    runs: "主办 runs", memberOf: "成员 memberOf", region: "地区 region", subOrganizationOf: "上级政协 subOrganizationOf",
    holdsPost: "职务 holdsPost", partOf: "隶属 partOf", organOf: "机构 organOf", claims: "数据 claims",
    heldBy: "召开 heldBy", issuedBy: "印发 issuedBy", cooperatesWith: "合作 cooperatesWith"
  };
  const REGION_NAME = {};
  DATA.regions.forEach(function (r) { REGION_NAME[r[0]] = r[1]; });

  const adj = N.map(function () { return []; });
  const parentOf = {};
  E.forEach(function (e, i) {
    adj[e.f].push(i);
    adj[e.t].push(i);
    if (e.p === "subOrganizationOf" && parentOf[e.f] === undefined) parentOf[e.f] = e.t;
  });

  const state = {
    classes: new Set(DATA.classes.filter(function (c) { return SMALL || c.top; }).map(function (c) { return c.cls; })),
    allOf: new Set(), // classes switched on by the user on a big graph: every node of the class
    levels: new Set(["0", "1", "2", "3", "-"]),
    region: "",
    article: -1,
    pinned: new Set(),
    selected: null,
    dimmed: false
  };

  const legendCounts = {}; // class -> the legend's "shown/total" element

  // ------------------------------------------------------------------ helpers
  function el(tag, attrs) {
    const node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "on") Object.keys(attrs.on).forEach(function (ev) { node.addEventListener(ev, attrs.on[ev]); });
      else node.setAttribute(k, attrs[k]);
    });
    for (let i = 2; i < arguments.length; i++) {
      const c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function styleOf(i) { return CLS[N[i].c] || OTHER; }
  function wrap(label, cls) {
    if (label.length > 28) label = label.slice(0, 27) + "…"; // the panel and the tooltip show it whole
    if (cls === "CPPCCCommittee" || label.length <= 7) return label;
    const lines = Math.max(2, Math.ceil(label.length / 7)), step = Math.ceil(label.length / lines), out = [];
    for (let k = 0; k < label.length; k += step) out.push(label.slice(k, k + step));
    return out.join("\n");
  }
  function shade(hex, f) {
    const n = parseInt(hex.slice(1), 16);
    const r = Math.round(((n >> 16) & 255) * f), g = Math.round(((n >> 8) & 255) * f), b = Math.round((n & 255) * f);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }
  function regionPrefix(code) { return code.replace(/(?:00)+$/, ""); }

  // ------------------------------------------------------------------ vis items
  const baseNode = {};
  function visNode(i) {
    if (baseNode[i]) return baseNode[i];
    const n = N[i], s = styleOf(i), weight = Math.log2(2 + n.g + n.m);
    const item = { id: i, x: n.x, y: n.y, label: wrap(n.l, n.c), shape: s.shape, title: n.l + " · " + s.name };
    if (s.shape === "box") {
      item.font = { size: Math.round(s.font + Math.min(14, 3 * weight)), face: FONT, color: "#ffffff" };
      item.margin = 10;
      item.shapeProperties = { borderRadius: 6 };
    } else if (s.shape === "ellipse" || s.shape === "database" || s.shape === "circle") {
      item.font = { size: s.font, face: FONT, color: "#ffffff" };
    } else {
      item.size = Math.round(s.size * (0.8 + 0.3 * weight));
      item.font = { size: Math.round(s.font + Math.min(4, weight)), face: FONT, color: "#17202a",
        strokeWidth: 4, strokeColor: "#ffffff" };
    }
    item.color = { background: s.colour, border: shade(s.colour, 0.7),
      highlight: { background: s.colour, border: "#000000" }, hover: { background: s.colour, border: "#000000" } };
    baseNode[i] = item;
    return item;
  }
  function visEdge(j) {
    const e = E[j], st = DATA.edgeStyles[e.p] || ["#95a5a6", 1, false, 0.75];
    let title = (PRED[e.p] || e.p) + ": " + N[e.f].l + " → " + N[e.t].l;
    if (e.at) title += " (" + Object.keys(e.at).map(function (k) { return k + ": " + e.at[k]; }).join(", ") + ")";
    return { id: j, from: e.f, to: e.t, width: st[1], dashes: st[2], title: title,
      color: { color: st[0], highlight: "#000000", hover: shade(st[0], 0.7), opacity: st[3] } };
  }

  // ------------------------------------------------------------------ visibility
  function passesFilters(n) {
    if (!state.levels.has(DATA.levels[String(n.lv)] === undefined ? "-" : String(n.lv))) return false;
    if (state.region && !(n.r && n.r.indexOf(regionPrefix(state.region)) === 0)) return false;
    if (state.article >= 0 && n.d.indexOf(state.article) < 0) return false;
    return true;
  }
  function wanted() {
    const out = new Set(), filtered = state.region !== "" || state.article >= 0;
    let over = 0;
    for (let i = 0; i < N.length; i++) {
      const n = N[i];
      if (!state.classes.has(n.c)) continue;
      if (!(n.v || filtered || state.allOf.has(n.c))) continue;
      if (!passesFilters(n)) continue;
      if (out.size >= (SMALL ? Infinity : LIMIT)) { over++; continue; }
      out.add(i);
    }
    if (state.article >= 0) { // keep the committees the article's things hang from, up the tree
      Array.from(out).forEach(function (i) {
        let c = N[i].a;
        while (c !== undefined && !out.has(c) && state.classes.has(N[c].c)) { out.add(c); c = parentOf[c]; }
      });
    }
    state.pinned.forEach(function (i) { out.add(i); });
    state.over = over;
    return out;
  }
  const nodes = new vis.DataSet(), edges = new vis.DataSet();
  function apply() {
    const want = wanted(), have = new Set(nodes.getIds());
    const drop = [], add = [];
    have.forEach(function (i) { if (!want.has(i)) drop.push(i); });
    want.forEach(function (i) { if (!have.has(i)) add.push(visNode(i)); });
    if (drop.length) nodes.remove(drop);
    if (add.length) nodes.add(add);
    const wantE = [], haveE = new Set(edges.getIds()), dropE = [], addE = [];
    for (let j = 0; j < E.length; j++) if (want.has(E[j].f) && want.has(E[j].t)) wantE.push(j);
    const wantESet = new Set(wantE);
    haveE.forEach(function (j) { if (!wantESet.has(j)) dropE.push(j); });
    wantE.forEach(function (j) { if (!haveE.has(j)) addE.push(visEdge(j)); });
    if (dropE.length) edges.remove(dropE);
    if (addE.length) edges.add(addE);
    updateStatus();
    updateLegendCounts(want);
  }
  function updateStatus() {
    const shown = nodes.length;
    let text = "显示 " + shown + " / " + N.length + " 个实体 · showing " + shown + " of " + N.length + " entities";
    if (!SMALL) text += " (top of the graph; double-click a node or tick a class to show more)";
    if (state.over) text += " · " + state.over + " more match: narrow the filters";
    document.getElementById("status").textContent = text;
    document.body.dataset.shown = String(shown);
  }

  // ------------------------------------------------------------------ network
  const container = document.getElementById("graph");
  apply();
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    physics: false,
    layout: { improvedLayout: false },
    nodes: { borderWidth: 1, borderWidthSelected: 3, font: { face: FONT } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.5 } }, selectionWidth: 2,
      hoverWidth: 1.5 },
    interaction: { hover: true, tooltipDelay: 250, hideEdgesOnDrag: !SMALL, hideEdgesOnZoom: !SMALL,
      keyboard: false, navigationButtons: false, zoomSpeed: 0.6 }
  });
  function initialView() {
    network.fit({ animation: false });
    if (network.getScale() < MIN_SCALE && N.length) {
      // too much to read at once: start at the top of the committee tree, legibly
      const top = nodes.get({ filter: function (it) { return N[it.id].c === "CPPCCCommittee"; } });
      top.sort(function (a, b) { return (N[a.id].lv === undefined ? 9 : N[a.id].lv) - (N[b.id].lv === undefined ? 9 : N[b.id].lv) || a.y - b.y || a.id - b.id; });
      const anchor = top.length ? top[0] : nodes.get()[0];
      const h = container.clientHeight;
      network.moveTo({ position: { x: anchor.x, y: anchor.y + (h / 2 - 80) / MIN_SCALE }, scale: MIN_SCALE,
        animation: false });
    }
  }
  initialView();
  network.once("afterDrawing", function () {
    api.drawnAt = performance.now();
    api.drawMs = api.drawnAt - t0;
    document.body.dataset.ready = "1";
  });

  // ------------------------------------------------------------------ highlight
  let dimmedNodes = [], dimmedEdges = [];
  function clearHighlight() {
    if (dimmedNodes.length) nodes.update(dimmedNodes.map(function (i) { return visNode(i); }));
    if (dimmedEdges.length) edges.update(dimmedEdges.map(function (j) { return visEdge(j); }));
    dimmedNodes = []; dimmedEdges = [];
  }
  function highlight(i) {
    clearHighlight();
    const keep = new Set([i]), keepE = new Set();
    adj[i].forEach(function (j) { keepE.add(j); keep.add(E[j].f); keep.add(E[j].t); });
    const nu = [], eu = [];
    nodes.getIds().forEach(function (k) {
      if (keep.has(k)) return;
      dimmedNodes.push(k);
      nu.push({ id: k, color: { background: "#eaeded", border: "#d5d8dc" }, font: { color: "#c8cfd0", strokeWidth: 0 } });
    });
    edges.getIds().forEach(function (j) {
      if (keepE.has(j)) return;
      dimmedEdges.push(j);
      eu.push({ id: j, color: { color: "#eaeded", opacity: 0.4 } });
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
  }

  // ------------------------------------------------------------------ panel
  const panel = document.getElementById("panel"), body = document.getElementById("panel-body");
  function nodeLink(i) {
    return el("span", { class: "link", title: styleOf(i).name, text: N[i].l,
      on: { click: function () { focusNode(i); } } });
  }
  function regionText(i) {
    let n = N[i];
    if (!n.r && n.a !== undefined) n = N[n.a];
    return n.r ? (REGION_NAME[n.r] || n.r) : "";
  }
  function evidenceSection(rows) {
    const box = el("div");
    if (!rows || !rows[0].length) { box.appendChild(el("p", { class: "muted", text: "no evidence sentence recorded" })); return box; }
    rows[0].forEach(function (r) {
      const sent = r[1], hs = r[2], he = r[3], doc = DATA.docs[r[0]] || ["", "", ""];
      const p = el("div", { class: "ev" });
      const s = el("div", { class: "sentence" });
      if (hs >= 0 && he > hs) {
        s.appendChild(document.createTextNode(sent.slice(0, hs)));
        s.appendChild(el("mark", { text: sent.slice(hs, he) }));
        s.appendChild(document.createTextNode(sent.slice(he)));
      } else s.textContent = sent;
      p.appendChild(s);
      const name = doc[0].split("/").pop();
      p.appendChild(el("div", { class: "src", title: doc[0], text: "《" + (doc[2] || "无标题 untitled") + "》 " + (doc[1] || "date unknown") + " · " + name }));
      box.appendChild(p);
    });
    if (rows[1] > rows[0].length) box.appendChild(el("p", { class: "muted", text: "showing " + rows[0].length + " of " + rows[1] + " sentences" }));
    return box;
  }
  function attrText(at) {
    return Object.keys(at).filter(function (k) { return k !== "via"; }).map(function (k) { return k + ": " + at[k]; }).join(", ");
  }
  function attrsList(at) {
    const dl = el("dl");
    Object.keys(at || {}).forEach(function (k) {
      const v = at[k];
      dl.appendChild(el("dt", { text: k }));
      dl.appendChild(el("dd", { text: Array.isArray(v) ? v.join("；") : (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)) }));
    });
    return dl;
  }
  function showNode(i) {
    const n = N[i], s = styleOf(i);
    body.textContent = "";
    body.appendChild(el("h2", { text: n.l }));
    body.appendChild(el("span", { class: "cls", style: "background:" + s.colour, text: s.name }));
    if (n.sc) body.appendChild(el("span", { class: "muted", text: " also: " + n.sc.join(", ") }));
    const dl = el("dl");
    function row(k, v) { if (v !== "" && v !== undefined && v !== null) { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", {}, v)); } }
    row("地区 Region", regionText(i));
    if (n.lv !== undefined) row("层级 Level", DATA.levels[String(n.lv)] || String(n.lv));
    if (n.a !== undefined) row("所属 Under", nodeLink(n.a));
    row("提及 Articles", String(n.m));
    row("关联 Links", String(n.g));
    row("键 Key", n.k);
    body.appendChild(dl);
    if (n.alt) {
      body.appendChild(el("h3", { text: "别名 Other labels" }));
      body.appendChild(el("ul", {}, ...n.alt.map(function (a) { return el("li", { text: a[0] + " (" + a[1] + ")" }); })));
    }
    if (n.at) { body.appendChild(el("h3", { text: "属性 Attributes" })); body.appendChild(attrsList(n.at)); }
    const figures = [], groups = {};
    let hidden = 0;
    adj[i].forEach(function (j) {
      const e = E[j], other = e.f === i ? e.t : e.f, out = e.f === i;
      if (!nodes.get(other)) hidden++;
      if (e.p === "claims" && out) figures.push(j);
      const g = (out ? "→ " : "← ") + (PRED[e.p] || e.p);
      (groups[g] = groups[g] || []).push(j);
    });
    if (n.po) {
      body.appendChild(el("h3", { text: "职务 Posts" }));
      body.appendChild(el("ul", {}, ...n.po.map(function (p) { return el("li", { text: p }); })));
    }
    if (figures.length) {
      body.appendChild(el("h3", { text: "数据 Figures" }));
      body.appendChild(el("ul", {}, ...figures.map(function (j) { return el("li", {}, nodeLink(E[j].t)); })));
    }
    if (hidden) {
      body.appendChild(el("button", { type: "button", id: "expand", text: "展开 " + hidden + " 个隐藏节点 · show " + hidden + " hidden neighbours",
        on: { click: function () { expand(i); } } }));
    }
    Object.keys(groups).sort().forEach(function (g) {
      const list = groups[g];
      body.appendChild(el("h3", { text: g + " (" + list.length + ")" }));
      body.appendChild(el("ul", {}, ...list.slice(0, 40).map(function (j) {
        const e = E[j], other = e.f === i ? e.t : e.f;
        return el("li", {}, nodeLink(other), e.at ? el("span", { class: "muted", text: " " + attrText(e.at) }) : null,
          el("span", { class: "link", text: " [evidence]", on: { click: function () { showEdge(j); } } }));
      }), list.length > 40 ? el("li", { text: "… " + (list.length - 40) + " more" }) : null));
    });
    body.appendChild(el("h3", { text: "证据 Evidence" }));
    body.appendChild(evidenceSection(evidence().n[String(i)]));
    panel.hidden = false;
    network.redraw();
  }
  function showEdge(j) {
    const e = E[j];
    body.textContent = "";
    body.appendChild(el("h2", { text: PRED[e.p] || e.p }));
    body.appendChild(el("p", {}, nodeLink(e.f), " → ", nodeLink(e.t)));
    if (e.at) body.appendChild(attrsList(e.at));
    body.appendChild(el("h3", { text: "证据 Evidence" }));
    body.appendChild(evidenceSection(evidence().e[String(j)]));
    panel.hidden = false;
  }
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; clearHighlight(); network.unselectAll(); });

  // ------------------------------------------------------------------ focus, expansion
  function focusNode(i) {
    if (!nodes.get(i)) { state.pinned.add(i); apply(); }
    network.selectNodes([i]);
    highlight(i);
    network.focus(i, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNode(i);
    state.selected = i;
  }
  function expand(i) {
    adj[i].forEach(function (j) { state.pinned.add(E[j].f); state.pinned.add(E[j].t); });
    apply();
    highlight(i);
    showNode(i);
  }
  network.on("click", function (p) {
    if (p.nodes.length) { const i = p.nodes[0]; state.selected = i; highlight(i); showNode(i); }
    else if (p.edges.length) { clearHighlight(); showEdge(p.edges[0]); }
    else { clearHighlight(); panel.hidden = true; }
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) expand(p.nodes[0]); });

  // ------------------------------------------------------------------ search
  const PUNCT = /[\s“”‘’「」『』"'《》〈〉()（）·•・]/g;
  const T2S = DATA.t2s || {};
  function norm(s) {
    s = s.toLowerCase().replace(PUNCT, "");
    let out = "";
    for (const ch of s) out += T2S[ch] || ch;
    return out;
  }
  let index = null;
  function searchIndex() {
    if (index) return index;
    index = N.map(function (n) {
      const names = [[norm(n.l), ""]];
      (n.alt || []).forEach(function (a) { names.push([norm(a[0]), a[0] + " (" + a[1] + ")"]); });
      return names;
    });
    return index;
  }
  function search(q) {
    q = norm(q);
    if (!q) return [];
    const idx = searchIndex(), hits = [];
    for (let i = 0; i < N.length; i++) {
      let best = null;
      idx[i].forEach(function (nm) {
        const p = nm[0].indexOf(q);
        if (p < 0) return;
        const rank = nm[0] === q ? 0 : (p === 0 ? 1 : 2);
        if (best === null || rank < best[0]) best = [rank, nm[1]];
      });
      if (best) hits.push({ i: i, rank: best[0], why: best[1] });
    }
    hits.sort(function (a, b) {
      return a.rank - b.rank || (N[b.i].g + N[b.i].m) - (N[a.i].g + N[a.i].m) || N[a.i].l.length - N[b.i].l.length || a.i - b.i;
    });
    return hits.slice(0, 12);
  }
  const input = document.getElementById("search"), results = document.getElementById("search-results");
  let active = 0, current = [];
  function renderResults() {
    results.textContent = "";
    current.forEach(function (h, k) {
      const s = styleOf(h.i);
      results.appendChild(el("li", { class: k === active ? "active" : "", "data-node": String(h.i),
        on: { mousedown: function (ev) { ev.preventDefault(); choose(k); } } },
      icon(s, 12), el("span", { text: N[h.i].l }), h.why ? el("span", { class: "why", text: h.why }) : null));
    });
    results.hidden = current.length === 0;
  }
  function choose(k) {
    if (!current[k]) return;
    const i = current[k].i;
    results.hidden = true;
    input.value = N[i].l;
    focusNode(i);
  }
  input.addEventListener("input", function () { current = search(input.value); active = 0; renderResults(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, current.length - 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); renderResults(); ev.preventDefault(); }
    else if (ev.key === "Enter") { if (!current.length) current = search(input.value); choose(active); ev.preventDefault(); }
    else if (ev.key === "Escape") { results.hidden = true; }
  });
  input.addEventListener("blur", function () { results.hidden = true; });

  // ------------------------------------------------------------------ legend and filters
  function icon(s, px) {
    const NS = "http://www.w3.org/2000/svg", svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", px); svg.setAttribute("height", px); svg.setAttribute("viewBox", "0 0 20 20");
    let shape;
    const pts = { triangle: "10,2 19,18 1,18", triangleDown: "1,2 19,2 10,18", diamond: "10,1 19,10 10,19 1,10",
      star: "10,1 12.6,7 19,7.4 14,11.6 15.6,18.5 10,14.8 4.4,18.5 6,11.6 1,7.4 7.4,7",
      hexagon: "5,2 15,2 19,10 15,18 5,18 1,10" }[s.shape];
    if (pts) { shape = document.createElementNS(NS, "polygon"); shape.setAttribute("points", pts); }
    else if (s.shape === "box" || s.shape === "square" || s.shape === "database") {
      shape = document.createElementNS(NS, "rect");
      shape.setAttribute("x", 2); shape.setAttribute("y", 4); shape.setAttribute("width", 16); shape.setAttribute("height", s.shape === "box" ? 12 : 16);
      shape.setAttribute("rx", s.shape === "box" ? 3 : 0);
      if (s.shape === "square") shape.setAttribute("y", 2);
    } else {
      shape = document.createElementNS(NS, "ellipse");
      shape.setAttribute("cx", 10); shape.setAttribute("cy", 10); shape.setAttribute("rx", s.shape === "ellipse" ? 9 : 7); shape.setAttribute("ry", 7);
    }
    shape.setAttribute("fill", s.colour);
    shape.setAttribute("stroke", shade(s.colour, 0.7));
    svg.appendChild(shape);
    return svg;
  }
  function buildLegend() {
    const legend = document.getElementById("legend");
    DATA.classes.forEach(function (c) {
      if (!c.count) return;
      const box = el("input", { type: "checkbox", "data-cls": c.cls });
      box.checked = state.classes.has(c.cls);
      box.addEventListener("change", function () {
        if (box.checked) { state.classes.add(c.cls); if (!SMALL && !c.top) state.allOf.add(c.cls); }
        else { state.classes.delete(c.cls); state.allOf.delete(c.cls); }
        clearHighlight(); apply();
      });
      const count = el("span", { class: "count" });
      legendCounts[c.cls] = count;
      legend.appendChild(el("label", { class: "legend-row", "data-cls": c.cls }, box, icon(c, 16), el("span", { text: c.name }), count));
    });
    const edgeLegend = document.getElementById("edge-legend"), used = new Set(E.map(function (e) { return e.p; }));
    Object.keys(DATA.edgeStyles).forEach(function (p) {
      if (!used.has(p)) return;
      const st = DATA.edgeStyles[p], line = el("span", { style: "display:inline-block;width:18px;border-top:" + Math.max(1, st[1]) + "px " + (st[2] ? "dashed " : "solid ") + st[0] });
      edgeLegend.appendChild(el("span", { class: "edge-row" }, line, PRED[p] || p));
    });
  }
  function updateLegendCounts(want) {
    const shown = {};
    want.forEach(function (i) { shown[N[i].c] = (shown[N[i].c] || 0) + 1; });
    DATA.classes.forEach(function (c) { if (legendCounts[c.cls]) legendCounts[c.cls].textContent = (shown[c.cls] || 0) + "/" + c.count; });
  }
  function buildFilters() {
    const levels = document.getElementById("levels");
    Object.keys(DATA.levels).forEach(function (lv) {
      const box = el("input", { type: "checkbox", "data-level": lv });
      box.checked = true;
      box.addEventListener("change", function () { if (box.checked) state.levels.add(lv); else state.levels.delete(lv); clearHighlight(); apply(); });
      levels.appendChild(el("label", {}, box, " " + DATA.levels[lv]));
    });
    const region = document.getElementById("region");
    DATA.regions.forEach(function (r) {
      const depth = /0000$/.test(r[0]) ? 0 : (/00$/.test(r[0]) ? 1 : 2);
      region.appendChild(el("option", { value: r[0], text: "\u3000".repeat(depth) + r[1] }));
    });
    region.addEventListener("change", function () { state.region = region.value; clearHighlight(); apply(); });
    const article = document.getElementById("article");
    DATA.docs.forEach(function (d, k) {
      article.appendChild(el("option", { value: String(k), title: d[0], text: (d[1] ? d[1] + " " : "") + (d[2] || d[0].split("/").pop()) }));
    });
    article.addEventListener("change", function () { state.article = article.value === "" ? -1 : Number(article.value); clearHighlight(); apply(); });
    document.getElementById("reset").addEventListener("click", function () {
      state.pinned.clear(); state.region = ""; state.article = -1; region.value = ""; article.value = "";
      state.levels = new Set(["0", "1", "2", "3", "-"]);
      levels.querySelectorAll("input").forEach(function (b) { b.checked = true; });
      clearHighlight(); panel.hidden = true; apply(); initialView();
    });
    document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  }
  buildLegend();
  buildFilters();
  updateLegendCounts(new Set(nodes.getIds()));

  const api = {
    network: network, nodes: nodes, edges: edges, data: DATA,
    shownCount: function () { return nodes.length; },
    drawnCount: function () { return network.body.nodeIndices.length; },
    search: function (q) { return search(q).map(function (h) { return N[h.i].k; }); },
    focusKey: function (k) { for (let i = 0; i < N.length; i++) if (N[i].k === k) { focusNode(i); return true; } return false; },
    domPosition: function (k) {
      for (let i = 0; i < N.length; i++) if (N[i].k === k) {
        const p = network.getPositions([i])[i];
        if (!p) return null;
        const d = network.canvasToDOM(p), r = container.getBoundingClientRect();
        return { x: d.x + r.left, y: d.y + r.top };
      }
      return null;
    },
    drawnAt: null, drawMs: null
  };
  window.kgView = api;
})();
