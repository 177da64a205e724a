"use strict";
// The studio page: hash routes over one HTML file, a JSON API with the CSRF token in a header, and the live
// portal over server-sent events. Everything a player or the bridge wrote is put in the page as text
// (textContent), never as markup.
(() => {
  const $ = id => document.getElementById(id);
  const state = { me: null, upgrades: [], live: null, toy: null, pendingWrite: null };
  // what a measurement (scripts/bench studio) reads: when each placement was drawn, in epoch milliseconds
  window.__studio = { drawn: {}, events: 0 };

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    node.append(...children);
    return node;
  }

  function notice(text) { $("notice").textContent = text || ""; }

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (state.me) headers["X-CSRF-Token"] = state.me.csrf;
    const response = await fetch(path, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => ({}));
    if (response.status === 401 && path !== "/api/login") { signedOut(); }
    if (!response.ok) throw new Error(data.error || `The studio answered ${response.status}.`);
    return data;
  }

  // Level n starts at 100 * (n-1)^2 XP (protocol's Leveling): the bar shows the way to the next level.
  function progress(xp, level) {
    const from = 100 * (level - 1) ** 2, to = 100 * level ** 2;
    return level < 1 ? 0 : Math.max(0, Math.min(1, (xp - from) / (to - from)));
  }

  // ---- routing -------------------------------------------------------------------------------------------
  const views = ["signin", "live", "toys", "toy", "gallery", "account"];
  function show(view) {
    for (const v of views) $(`view-${v}`).hidden = v !== view;
    for (const a of document.querySelectorAll("nav a")) {
      if (a.getAttribute("href") === `#/${view}`) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    }
  }
  async function route() {
    if (!state.me) { show("signin"); return; }
    const [, view, arg] = (location.hash || "#/live").split("/");
    notice("");
    try {
      if (view === "toys") { show("toys"); await loadToys(); }
      else if (view === "toy" && arg) { show("toy"); await loadToy(decodeURIComponent(arg)); }
      else if (view === "gallery") { show("gallery"); await loadGallery(); }
      else if (view === "account") { show("account"); $("account-name").textContent = state.me.name; }
      else { show("live"); }
    } catch (e) { notice(e.message); }
  }
  function signedOut() {
    state.me = null;
    $("nav").hidden = true;
    if (state.live) { state.live.close(); state.live = null; }
    show("signin");
  }
  async function signedIn(me) {
    state.me = me;
    $("nav").hidden = false;
    state.upgrades = await api("GET", "/api/upgrades");
    openLive();
    if (!location.hash || location.hash === "#/signin") location.hash = "#/live"; else await route();
  }

  // ---- sign in -------------------------------------------------------------------------------------------
  async function credentials(path) {
    try {
      const me = await api("POST", path, { name: $("signin-name").value, password: $("signin-password").value });
      $("signin-password").value = "";
      await signedIn(me);
    } catch (e) { notice(e.message); }
  }
  $("signin-form").addEventListener("submit", ev => { ev.preventDefault(); credentials("/api/login"); });
  $("register-submit").addEventListener("click", () => credentials("/api/register"));
  $("logout").addEventListener("click", async () => { await api("POST", "/api/logout", {}).catch(() => {}); signedOut(); });

  // ---- the live portal -----------------------------------------------------------------------------------
  const board = { portals: new Map(), toys: new Map() };
  function openLive() {
    if (state.live) return;
    const source = new EventSource("/api/live");
    state.live = source;
    source.onopen = () => { $("live-state").textContent = "Live: toys appear as you put them down."; };
    source.onerror = () => { $("live-state").textContent = "Reconnecting…"; };
    source.addEventListener("snapshot", ev => {
      const data = JSON.parse(ev.data);
      board.portals = new Map(data.portals.map(p => [p.deviceId, p]));
      board.toys = new Map(data.toys.map(t => [t.uid, t]));
      drawBoard();
    });
    source.addEventListener("portal", ev => {
      const p = JSON.parse(ev.data);
      if (p.gone) board.portals.delete(p.deviceId); else board.portals.set(p.deviceId, p);
      drawBoard();
    });
    source.addEventListener("placed", ev => {
      const t = JSON.parse(ev.data);
      board.toys.set(t.uid, t);
      drawBoard();
      window.__studio.drawn[t.uid] = Date.now(); // the wall clock, as the bench stamps the event
      window.__studio.events++;
    });
    source.addEventListener("toy", ev => {
      const t = JSON.parse(ev.data);
      if (board.toys.has(t.uid) && t.deviceId !== undefined) { board.toys.set(t.uid, t); drawBoard(); }
      toyChanged(t);
    });
    source.addEventListener("removed", ev => { board.toys.delete(JSON.parse(ev.data).uid); drawBoard(); });
  }

  const FLAGS = { "tampered": "Tampered: not a genuine record", "rolled-back": "Rolled back: an old copy of this toy",
    "clone-suspected": "Possible copy: this toy is on another portal too" };
  function toyCard(t) {
    const figure = h("div", { class: "figure" });
    Figure.draw(figure, t.colours, []);
    const LINES = { amiibo: "amiibo", skylanders: "Skylanders", lego_dimensions: "LEGO Dimensions" };
    const other = t.foreign ? `${LINES[t.foreign.line] || "Another line's toy"}` +
      (t.foreign.check === "passed" && t.foreign.characterId !== undefined ? ` #${t.foreign.characterId}` : " (unreadable)") : null;
    const card = h("div", { class: "slot toy" + (t.flag ? " flagged" : ""), "data-uid": t.uid },
      figure, h("span", { class: "name", text: other || t.name || (t.flag ? "Unknown toy" : "New toy") }));
    if (t.level !== undefined) {
      const bar = h("div", { class: "xpbar", role: "progressbar", "aria-label": "XP to next level",
        "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(Math.round(progress(t.xp, t.level) * 100)) },
        h("span"));
      bar.firstChild.style.width = `${Math.round(progress(t.xp, t.level) * 100)}%`;
      card.append(h("span", { class: "level", text: `Level ${t.level} · ${t.xp} XP` }), bar);
    }
    if (t.flag) card.append(h("span", { class: "flag", text: FLAGS[t.flag] || t.flag }));
    return card;
  }
  function drawBoard() {
    const host = $("portals");
    const portals = [...board.portals.values()];
    if (portals.length === 0) { host.replaceChildren(h("p", { class: "hint", text: "No portal has connected yet." })); return; }
    host.replaceChildren(...portals.map(p => {
      const pads = p.pads.map(pad => {
        const slots = [];
        for (let s = 0; s < pad.slots; s++) {
          const toy = [...board.toys.values()].find(t => t.deviceId === p.deviceId && t.pad === pad.pad && t.slot === s);
          slots.push(toy ? toyCard(toy) : h("div", { class: "slot", "aria-label": `Pad ${pad.pad + 1}, slot ${s + 1}: empty` }));
        }
        return h("div", { class: "pad", "data-pad": String(pad.pad) },
          h("h4", { text: `Pad ${pad.pad + 1}` }), h("div", { class: "slots" }, ...slots));
      });
      return h("div", { class: "portal card" + (p.online ? "" : " offline"), "data-device": p.deviceId },
        h("h3", { text: `${p.deviceId}${p.online ? "" : " (offline)"}` }), h("div", { class: "pads" }, ...pads));
    }));
  }

  // ---- my toys and claiming ------------------------------------------------------------------------------
  async function loadToys() {
    const [mine, claimable] = await Promise.all([api("GET", "/api/toys"), api("GET", "/api/claimable")]);
    const grid = $("my-toys");
    if (mine.toys.length === 0) grid.replaceChildren(h("p", { class: "hint", text: "No toys yet: claim one below." }));
    else grid.replaceChildren(...mine.toys.map(t => {
      const figure = h("div", { class: "figure" });
      Figure.draw(figure, t.colours, t.upgrades);
      return h("a", { class: "card tile", href: `#/toy/${encodeURIComponent(t.uid)}`, "data-uid": t.uid },
        figure, h("div", { class: "name", text: t.name || "Unnamed toy" }),
        h("div", { text: t.level !== undefined ? `Level ${t.level} · ${t.xp} XP` : "" }));
    }));
    const select = $("claim-toy");
    select.replaceChildren(h("option", { value: "", text: claimable.toys.length ? "Choose a toy on your portal" : "No new toy on a portal" }),
      ...claimable.toys.map(t => h("option", { value: t.uid, text: `${t.name || "Unnamed toy"} (${t.uid})` })));
    if (claimable.toys.length === 1) select.value = claimable.toys[0].uid;
  }
  $("claim-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    const uid = $("claim-uid").value.trim() || $("claim-toy").value;
    try {
      await api("POST", "/api/claim", { uid, code: $("claim-code").value });
      $("claim-code").value = ""; $("claim-uid").value = "";
      notice("Claimed: the toy is yours.");
      await loadToys();
    } catch (e) { notice(e.message); }
  });

  // ---- one toy: co-design, history, sharing ---------------------------------------------------------------
  function preview() {
    const t = state.toy;
    const upgrades = [...t.upgrades, ...[...document.querySelectorAll("#design-upgrades input:checked")].map(i => Number(i.value))];
    Figure.draw($("toy-figure"), { primary: $("design-primary").value, secondary: t.colours && t.colours.secondary,
      accent: $("design-accent").value }, upgrades);
  }
  async function loadToy(uid) {
    const t = await api("GET", `/api/toys/${encodeURIComponent(uid)}`);
    state.toy = t;
    state.pendingWrite = null;
    $("toy-title").textContent = `Design ${t.name || "your toy"}`;
    $("design-name").value = t.name || "";
    $("design-primary").value = (t.colours && t.colours.primary || "#9A97B0").toLowerCase();
    $("design-accent").value = (t.colours && t.colours.accent || "#FFD24A").toLowerCase();
    $("toy-progress").textContent = `Level ${t.level} · ${t.xp} XP`;
    $("toy-xpfill").style.width = `${Math.round(progress(t.xp, t.level) * 100)}%`;
    $("write-state").textContent = t.writePending ? "Place it on your portal to write it." : "";
    $("design-error").textContent = "";
    $("design-upgrades").replaceChildren(...state.upgrades.map(u => {
      const have = t.upgrades.includes(u.id), reached = t.level >= u.level;
      const box = h("input", { type: "checkbox", value: String(u.id), id: `upgrade-${u.id}` });
      box.checked = have; box.disabled = have || !reached;
      box.addEventListener("change", preview);
      return h("label", { for: `upgrade-${u.id}` }, box,
        document.createTextNode(`${u.name}${have ? " (unlocked)" : reached ? "" : ` (level ${u.level})`}`));
    }));
    preview();
    const history = await api("GET", `/api/toys/${encodeURIComponent(uid)}/history`);
    XpChart.draw($("toy-chart"), history.xp, history.sessions.slice().reverse());
    $("toy-sessions").replaceChildren(...history.sessions.slice(0, 20).map(s => h("li", {
      text: `${new Date(s.start).toLocaleString()} on ${s.deviceId}, pad ${s.pad + 1}` +
        (s.durationMillis != null ? ` for ${Math.round(s.durationMillis / 1000)} s` : " (on the portal now)") })));
  }
  $("design-primary").addEventListener("input", preview);
  $("design-accent").addEventListener("input", preview);
  $("design-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    const t = state.toy;
    const upgrades = [...document.querySelectorAll("#design-upgrades input:checked:not(:disabled)")].map(i => Number(i.value));
    $("design-error").textContent = "";
    try {
      const result = await api("POST", `/api/toys/${encodeURIComponent(t.uid)}/design`, {
        name: $("design-name").value, primary: $("design-primary").value.toUpperCase(),
        accent: $("design-accent").value.toUpperCase(), upgrades });
      if (result.status === "written") $("write-state").textContent = "Written to your toy.";
      else if (result.status === "unchanged") $("write-state").textContent = "Nothing changed.";
      else {
        $("write-state").textContent = "Saved. Place it on your portal to write it.";
        state.pendingWrite = { uid: t.uid, revision: result.profile ? result.profile.revision : 0 };
      }
      if (result.profile) Object.assign(state.toy, result.profile);
    } catch (e) { $("design-error").textContent = e.message; }
  });
  function toyChanged(t) {
    const p = state.pendingWrite;
    if (p && t.uid === p.uid && t.writePending === false && t.revision >= p.revision) {
      state.pendingWrite = null;
      $("write-state").textContent = "Written to your toy.";
    }
  }
  $("share-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    try {
      await api("POST", "/api/gallery", { uid: state.toy.uid, title: $("share-title").value });
      $("share-title").value = "";
      notice("Shared in the gallery.");
    } catch (e) { notice(e.message); }
  });

  // ---- gallery -------------------------------------------------------------------------------------------
  async function loadGallery() {
    const [gallery, mine] = await Promise.all([api("GET", "/api/gallery"), api("GET", "/api/toys")]);
    const host = $("gallery");
    if (gallery.designs.length === 0) { host.replaceChildren(h("p", { class: "hint", text: "Nothing shared yet." })); return; }
    host.replaceChildren(...gallery.designs.map(d => {
      const figure = h("div", { class: "figure" });
      Figure.draw(figure, d.colours, []);
      const select = h("select", { id: `apply-${d.id}`, "aria-label": `Apply ${d.title} to` },
        ...mine.toys.map(t => h("option", { value: t.uid, text: t.name || t.uid })));
      const button = h("button", { type: "button", text: "Apply to my toy" });
      button.disabled = mine.toys.length === 0;
      button.addEventListener("click", async () => {
        try {
          const r = await api("POST", `/api/gallery/${d.id}/apply`, { uid: select.value });
          notice(r.status === "written" ? "Applied and written to your toy." : "Applied. Place the toy on your portal to write it.");
        } catch (e) { notice(e.message); }
      });
      return h("div", { class: "card tile", "data-design": String(d.id) }, figure,
        h("div", { class: "name", text: d.title }), h("div", { class: "hint", text: `by ${d.author}` }), select, button);
    }));
  }

  // ---- account -------------------------------------------------------------------------------------------
  $("delete-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    if (!confirm("Delete your account? Your toys are released and your play history made anonymous.")) return;
    try {
      await api("POST", "/api/account/delete", { password: $("delete-password").value });
      $("delete-password").value = "";
      signedOut();
      notice("Your account is deleted.");
    } catch (e) { notice(e.message); }
  });

  window.addEventListener("hashchange", route);
  api("GET", "/api/me").then(signedIn, () => signedOut());
})();
