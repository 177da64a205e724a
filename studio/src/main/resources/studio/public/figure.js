"use strict";
// The toy figure, drawn as SVG from its colours. Colours are checked to be #RRGGBB before they reach an
// attribute; names are never put in markup (textContent only), so a toy called <script> stays text.
window.Figure = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const RGB = /^#[0-9A-Fa-f]{6}$/;
  const safe = (c, fallback) => (typeof c === "string" && RGB.test(c) ? c : fallback);
  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }
  /** Draws into `host` (emptied first); colours = {primary, secondary, accent}; upgrades = ids unlocked. */
  function draw(host, colours, upgrades) {
    const c = colours || {};
    const primary = safe(c.primary, "#9A97B0"), secondary = safe(c.secondary, "#303040"), accent = safe(c.accent, "#FFD24A");
    const svg = el("svg", { viewBox: "0 0 100 120", "aria-hidden": "true", "data-primary": primary.toUpperCase(), "data-accent": accent.toUpperCase() });
    if ((upgrades || []).includes(7)) svg.append(el("circle", { cx: 50, cy: 60, r: 48, fill: accent, opacity: 0.25 }));
    if ((upgrades || []).includes(4)) {
      svg.append(el("path", { d: "M30 55 L5 35 L12 70 Z", fill: accent }), el("path", { d: "M70 55 L95 35 L88 70 Z", fill: accent }));
    }
    svg.append(
      el("rect", { x: 33, y: 88, width: 12, height: 26, rx: 4, fill: secondary }),
      el("rect", { x: 55, y: 88, width: 12, height: 26, rx: 4, fill: secondary }),
      el("rect", { x: 18, y: 52, width: 12, height: 30, rx: 5, fill: secondary }),
      el("rect", { x: 70, y: 52, width: 12, height: 30, rx: 5, fill: secondary }),
      el("rect", { x: 28, y: 48, width: 44, height: 46, rx: 12, fill: primary, class: "body" }),
      el("rect", { x: 28, y: 72, width: 44, height: 7, fill: accent, class: "belt" }),
      el("circle", { cx: 50, cy: 32, r: 19, fill: primary, class: "head" }),
      el("path", { d: "M36 20 L42 6 L50 16 L58 6 L64 20 Z", fill: accent, class: "crest" }),
      el("circle", { cx: 43, cy: 32, r: 3.5, fill: "#fff" }), el("circle", { cx: 57, cy: 32, r: 3.5, fill: "#fff" }),
      el("circle", { cx: 43, cy: 32, r: 1.7, fill: "#111" }), el("circle", { cx: 57, cy: 32, r: 1.7, fill: "#111" }));
    if ((upgrades || []).includes(1)) svg.append(el("path", { d: "M8 58 h16 v14 q-8 9 -16 0 Z", fill: accent, stroke: secondary }));
    host.replaceChildren(svg);
  }
  return { draw };
})();
