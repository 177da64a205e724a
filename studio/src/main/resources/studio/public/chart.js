"use strict";
// A toy's XP over time as an SVG line, with its play sessions as bars along the bottom. Drawn here, no
// chart service: the page must work offline.
window.XpChart = (() => {
  const NS = "http://www.w3.org/2000/svg";
  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  /** points: [{at, xp}] oldest first; sessions: [{start, end}] */
  function draw(host, points, sessions) {
    const W = 600, H = 220, L = 48, R = 10, T = 10, B = 40;
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none" });
    const times = points.map(p => Date.parse(p.at)).concat(sessions.flatMap(s => [Date.parse(s.start), Date.parse(s.end || s.start)]))
      .filter(Number.isFinite);
    if (times.length === 0) {
      svg.append(el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#5d5d70" }, "No play yet: put the toy on your portal."));
      host.replaceChildren(svg);
      return;
    }
    let t0 = Math.min(...times), t1 = Math.max(...times);
    if (t1 - t0 < 60000) { t1 = t0 + 60000; }
    const maxXp = Math.max(10, ...points.map(p => Number(p.xp) || 0));
    const x = t => L + (W - L - R) * (t - t0) / (t1 - t0);
    const y = v => T + (H - T - B) * (1 - v / maxXp);
    svg.append(el("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#999" }),
      el("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#999" }),
      el("text", { x: L - 6, y: T + 10, "text-anchor": "end", "font-size": 11 }, String(maxXp)),
      el("text", { x: L - 6, y: H - B, "text-anchor": "end", "font-size": 11 }, "0"),
      el("text", { x: L, y: H - 6, "font-size": 11 }, new Date(t0).toLocaleDateString()),
      el("text", { x: W - R, y: H - 6, "text-anchor": "end", "font-size": 11 }, new Date(t1).toLocaleDateString()));
    for (const s of sessions) {
      const a = Date.parse(s.start), b = Date.parse(s.end || s.start);
      if (!Number.isFinite(a)) continue;
      svg.append(el("rect", { x: x(a), y: H - B + 4, width: Math.max(2, x(b) - x(a)), height: 8, fill: "#4b2bd1", opacity: 0.6, class: "session" }));
    }
    if (points.length > 0) {
      let d = "";
      points.forEach((p, i) => { d += `${i ? "L" : "M"}${x(Date.parse(p.at)).toFixed(1)} ${y(Number(p.xp) || 0).toFixed(1)} `; });
      svg.append(el("path", { d, fill: "none", stroke: "#2aa84a", "stroke-width": 2.5, class: "xp-line" }));
      for (const p of points) svg.append(el("circle", { cx: x(Date.parse(p.at)), cy: y(Number(p.xp) || 0), r: 3, fill: "#2aa84a" }));
    }
    host.replaceChildren(svg);
  }
  return { draw };
})();
