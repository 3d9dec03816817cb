"use strict";
// editqa's reviewer page. Every piece of article text, message and file name is placed with
// textContent (never innerHTML), so nothing in a report can run.
(function () {
  const data = JSON.parse(document.getElementById("editqa-data").textContent);
  const app = document.getElementById("app");
  const RANK = { error: 2, warning: 1, info: 0 };
  const PROBLEM = { omitted: "omitted in target", added: "added in target", length: "length differs" };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  const popover = el("div", { id: "popover", class: "hidden", role: "tooltip" });
  document.body.append(popover);

  function showPopover(target, findings) {
    popover.replaceChildren();
    for (const f of findings) {
      popover.append(...[
        el("div", {}, el("span", { class: "rule", text: f.rule + " " }), f.message),
        f.sourceText ? el("div", { class: "source-segment", text: "source: " + f.sourceText }) : null,
        f.suggestions.length
          ? el("div", { text: "→ " + f.suggestions.map((s) => (s === "" ? "(delete)" : s)).join(" | ") })
          : null
      ].filter(Boolean));
    }
    const box = target.getBoundingClientRect();
    popover.style.left = Math.max(4, window.scrollX + box.left) + "px";
    popover.style.top = window.scrollY + box.bottom + 6 + "px";
    popover.classList.remove("hidden");
  }
  function hidePopover() { popover.classList.add("hidden"); }

  function counts(findings, key) {
    const out = {};
    for (const f of findings) out[f[key]] = (out[f[key]] || 0) + 1;
    return out;
  }

  function overlaps(a, b) {
    if (a.start === a.end || b.start === b.end) return a.start === b.start || (a.start < b.start && b.start < a.end) || (b.start < a.start && a.start < b.end);
    return a.start < b.end && b.start < a.end;
  }

  function header() {
    const total = data.files.reduce((n, f) => n + f.findings.length, 0);
    app.append(
      el("h1", { text: "editqa report" }),
      el("p", { class: "meta", text: `${data.files.length} file(s), ${total} finding(s) · ${data.generator} · ${data.generated}` })
    );
    for (const n of data.notices) app.append(el("p", { class: "muted", text: "Note: " + n }));
    if (data.files.length > 1) {
      const list = el("ul", { class: "index" });
      for (const f of data.files) {
        const c = counts(f.findings, "severity");
        list.append(el("li", {}, el("a", { href: "#" + f.id, text: f.path }),
          ` — ${f.findings.length} finding(s): ${c.error || 0} error, ${c.warning || 0} warning, ${c.info || 0} info`));
      }
      app.append(el("nav", { "aria-label": "Files" }, list));
    }
  }

  // The rows of a translation's side-by-side view: each aligned segment with the stretch of the
  // target text [from, to) it shows. The non-empty stretches cover the whole text, so nothing is
  // lost: the text between two segments goes to the row above up to its first non-space
  // character (blank lines end the row above, markup such as "## " starts the row below), text
  // before the first or after the last segment joins that row. An omitted segment has an empty
  // stretch. `owner` says which single row draws each empty finding (an insertion point).
  function alignedRows(file) {
    const text = file.text;
    const rows = (file.segments || []).map((seg) => ({ seg, from: seg.start, to: seg.end }));
    let full = rows.filter((r) => r.to > r.from);
    if (!full.length) { full = [{ seg: null, from: 0, to: text.length }]; rows.unshift(full[0]); }
    full[0].from = 0;
    full[full.length - 1].to = text.length;
    for (let k = 0; k + 1 < full.length; k++) {
      let cut = Math.min(full[k].to, full[k + 1].from);
      while (cut < full[k + 1].from && /\s/.test(text[cut])) cut++;
      full[k].to = cut; full[k + 1].from = cut;
    }
    const owner = new Map();
    for (const f of file.findings.filter((g) => g.start === g.end)) {
      owner.set(f.i, rows.find((r) => r.seg && r.from === r.to && r.from === f.start && r.seg.id === f.segment)
        || full.find((r) => r.from <= f.start && f.start < r.to) || full[full.length - 1]);
    }
    return { rows, owner };
  }

  function FileView(file) {
    const aligned = alignedRows(file);
    const state = { accepted: new Map(), rejected: new Set(), side: false, current: -1, aligned: Boolean(file.segments),
      filter: { severity: new Set(["error", "warning", "info"]), category: "", rule: "" } };
    const section = el("section", { id: file.id, class: "file", "data-path": file.path });
    const status = el("p", { class: "status", role: "status" });
    const original = el("div", { class: "pane original", "data-testid": "original" });
    const result = el("div", { class: "pane result", "data-testid": "result" });
    const views = el("div", { class: "views" }, original, result);
    const list = el("ol", { class: "findings" });
    const byIndex = new Map(file.findings.map((f) => [f.i, f]));

    function visible(f) {
      const flt = state.filter;
      return flt.severity.has(f.severity) && (!flt.category || f.category === flt.category) && (!flt.rule || f.rule === flt.rule);
    }
    function resultText() {
      const edits = [...state.accepted].map(([i, k]) => [byIndex.get(i), byIndex.get(i).suggestions[k]]);
      edits.sort((a, b) => b[0].start - a[0].start || b[0].end - a[0].end);
      let text = file.text;
      for (const [f, s] of edits) text = text.slice(0, f.start) + s + text.slice(f.end);
      return text;
    }
    function accept(i, k) {
      const f = byIndex.get(i);
      for (const j of state.accepted.keys()) {
        if (j !== i && overlaps(f, byIndex.get(j))) {
          status.textContent = `Finding ${i + 1} overlaps accepted finding ${j + 1}: reject that one first.`;
          return false;
        }
      }
      state.accepted.set(i, k);
      state.rejected.delete(i);
      return true;
    }
    function reject(i) { state.accepted.delete(i); state.rejected.add(i); }

    // file.text[from, to) with the shown findings marked and the accepted changes drawn as
    // del/ins. Findings and changes reaching past either end are cut there (a change is drawn
    // whole where it starts); an empty finding or insertion is drawn only where owns(f) holds.
    function renderRange(from, to, owns) {
      const touches = (f) => (f.start === f.end ? owns(f) : f.start < to && from < f.end);
      const accepted = [...state.accepted.keys()].map((i) => byIndex.get(i)).filter(touches).sort((a, b) => a.start - b.start);
      const shown = file.findings.filter((f) => visible(f) && !state.accepted.has(f.i) && touches(f));
      const clip = (n) => Math.min(to, Math.max(from, n));
      const cuts = new Set([from, to]);
      for (const f of shown) { cuts.add(clip(f.start)); cuts.add(clip(f.end)); }
      for (const f of accepted) { cuts.add(clip(f.start)); cuts.add(clip(f.end)); }
      const points = [...cuts].sort((a, b) => a - b);
      const frag = document.createDocumentFragment();
      let skipUntil = Math.max(-1, ...accepted.filter((f) => f.start < from).map((f) => f.end));
      for (let n = 0; n < points.length; n++) {
        const pos = points[n];
        for (const f of shown.filter((g) => g.start === pos && g.end === pos)) frag.append(mark(f, "", [f], true));
        const edit = accepted.find((f) => f.start === pos);
        if (edit) {
          const sugg = edit.suggestions[state.accepted.get(edit.i)];
          if (edit.end > edit.start) frag.append(el("del", { "data-i": edit.i, text: file.text.slice(edit.start, edit.end) }));
          if (sugg) frag.append(el("ins", { "data-i": edit.i, text: sugg }));
          skipUntil = edit.end;
        }
        if (n + 1 >= points.length) break;
        const next = points[n + 1];
        if (pos < skipUntil) continue;
        const text = file.text.slice(pos, next);
        const over = shown.filter((f) => f.start <= pos && next <= f.end && f.start < f.end);
        frag.append(over.length ? mark(over[0], text, over, false) : document.createTextNode(text));
      }
      return frag;
    }
    function alignedTable() {
      const body = el("tbody");
      for (const row of aligned.rows) {
        const seg = row.seg || { id: "", sourceText: "", problem: null };
        const missing = row.seg !== null && row.from === row.to;
        body.append(el("tr", { class: "segment" + (seg.problem ? " problem" : ""), "data-segment": seg.id, "data-problem": seg.problem || "" },
          el("th", { scope: "row", class: "seg" }, seg.id, seg.problem ? el("span", { class: "problem-label", text: PROBLEM[seg.problem] || seg.problem }) : null),
          el("td", { class: "source", text: seg.sourceText }),
          el("td", { class: "target" + (missing ? " missing" : "") }, renderRange(row.from, row.to, (f) => aligned.owner.get(f.i) === row))));
      }
      const head = el("tr", {}, el("th", { scope: "col", class: "seg", text: "Segment" }),
        el("th", { scope: "col", text: "Source" }), el("th", { scope: "col", text: "Target" }));
      return el("table", { class: "aligned", "data-testid": "aligned" }, el("thead", {}, head), body);
    }
    function renderText() {
      const text = state.aligned ? alignedTable() : renderRange(0, file.text.length, () => true);
      original.replaceChildren(el("h3", { text: state.side ? "Original, findings highlighted" : "Text with accepted changes" }), text);
      result.replaceChildren(el("h3", { text: "Result" }), document.createTextNode(resultText()));
      if (alignButton) alignButton.textContent = state.aligned ? "Text only" : "Source beside translation";
    }
    function mark(primary, text, over, point) {
      over = [...over].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
      const m = el("mark", { class: over[0].severity + (point ? " point" : ""), tabindex: "0", "data-i": over.map((f) => f.i).join(" "),
        "aria-label": over.map((f) => `${f.severity}: ${f.message}`).join("; "), text });
      m.addEventListener("mouseenter", () => showPopover(m, over));
      m.addEventListener("focus", () => { showPopover(m, over); state.current = over[0].i; });
      m.addEventListener("mouseleave", hidePopover);
      m.addEventListener("blur", hidePopover);
      m.addEventListener("click", () => { const li = list.querySelector(`li[data-i="${over[0].i}"]`); if (li) li.focus(); });
      return m;
    }
    function renderList() {
      list.replaceChildren();
      for (const f of file.findings) {
        const cls = ["finding", f.severity, state.accepted.has(f.i) ? "accepted" : "", state.rejected.has(f.i) ? "rejected" : ""].join(" ");
        const li = el("li", { class: cls, tabindex: "0", "data-i": f.i });
        if (!visible(f)) li.classList.add("hidden");
        li.append(...[
          el("div", {}, el("span", { class: "sev " + f.severity, text: f.severity }), ` ${f.line}:${f.column} `,
            el("span", { class: "rule", text: f.rule + (f.engines.length > 1 ? " (" + f.engines.join(", ") + ")" : "") })),
          el("div", { class: "message", text: f.message }),
          el("div", { class: "muted", text: "“" + file.text.slice(f.start, f.end) + "”" }),
          f.sourceText ? el("div", { class: "source-segment", text: `source [${f.segment}]: ${f.sourceText}` }) : null
        ].filter(Boolean));
        const actions = el("div", { class: "actions" });
        f.suggestions.forEach((s, k) => actions.append(el("button", { type: "button", class: "accept", "data-k": k,
          onclick: () => { if (accept(f.i, k)) { status.textContent = `Accepted finding ${f.i + 1}.`; } refresh(); },
          text: "Accept " + (s === "" ? "(delete)" : "“" + s + "”") + (f.safety === "safe" ? " · safe" : "") })));
        actions.append(el("button", { type: "button", class: "reject", onclick: () => { reject(f.i); status.textContent = `Rejected finding ${f.i + 1}.`; refresh(); }, text: "Reject" }));
        li.append(actions);
        li.addEventListener("focus", () => { state.current = f.i; highlight(f.i); });
        list.append(li);
      }
    }
    function highlight(i) {
      for (const m of original.querySelectorAll("mark.current")) m.classList.remove("current");
      for (const m of original.querySelectorAll("mark")) if (m.dataset.i.split(" ").includes(String(i))) m.classList.add("current");
    }
    function refresh() { renderText(); renderList(); if (state.current >= 0) highlight(state.current); }

    function download() {
      const blob = new Blob([resultText()], { type: "text/plain;charset=utf-8" });
      const a = el("a", { href: URL.createObjectURL(blob), download: file.path.split(/[\\/]/).pop() || "text.txt" });
      document.body.append(a); a.click(); a.remove();
    }
    function copy() {
      const text = resultText();
      const done = () => { status.textContent = "Copied the resulting text."; };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
      else fallback();
      function fallback() {
        const area = el("textarea", {}); area.value = text; document.body.append(area); area.select();
        try { document.execCommand("copy"); done(); } catch (e) { status.textContent = "Copy failed: select the Result pane and copy."; }
        area.remove();
      }
    }

    const sev = counts(file.findings, "severity");
    const cat = counts(file.findings, "category");
    const rules = [...new Set(file.findings.map((f) => f.rule))].sort();
    const toolbar = el("div", { class: "toolbar", role: "toolbar", "aria-label": "Filters and actions" });
    for (const s of ["error", "warning", "info"]) {
      const box = el("input", { type: "checkbox", checked: "", "data-severity": s, onchange: (e) => {
        if (e.target.checked) state.filter.severity.add(s); else state.filter.severity.delete(s); refresh(); } });
      toolbar.append(el("label", {}, box, ` ${s} (${sev[s] || 0})`));
    }
    const catSelect = el("select", { "aria-label": "Category", onchange: (e) => { state.filter.category = e.target.value; refresh(); } },
      el("option", { value: "", text: "all categories" }), ...Object.keys(cat).sort().map((c) => el("option", { value: c, text: `${c} (${cat[c]})` })));
    const ruleSelect = el("select", { "aria-label": "Rule", onchange: (e) => { state.filter.rule = e.target.value; refresh(); } },
      el("option", { value: "", text: "all rules" }), ...rules.map((r) => el("option", { value: r, text: r })));
    const alignButton = file.segments ? el("button", { type: "button", class: "aligned-toggle",
      title: "Switch between source beside target and the target text alone", onclick: () => { state.aligned = !state.aligned; refresh(); } }) : null;
    const sideButton = el("button", { type: "button", "aria-pressed": "false", class: "side", onclick: () => {
      state.side = !state.side; views.classList.toggle("side", state.side); sideButton.setAttribute("aria-pressed", String(state.side)); refresh(); }, text: "Side by side" });
    toolbar.append(catSelect, ruleSelect,
      el("button", { type: "button", class: "accept-safe", onclick: () => { let n = 0; for (const i of file.safe) if (!state.accepted.has(i) && accept(i, 0)) n++; status.textContent = `Accepted ${n} safe fix(es).`; refresh(); }, text: "Accept all safe" }),
      el("button", { type: "button", class: "reject-all", onclick: () => { for (const f of file.findings) reject(f.i); status.textContent = "Rejected all."; refresh(); }, text: "Reject all" }),
      ...(alignButton ? [alignButton] : []), sideButton,
      el("button", { type: "button", class: "copy", onclick: copy, text: "Copy text" }),
      el("button", { type: "button", class: "download", onclick: download, text: "Download text" }));

    section.append(el("h2", { text: file.path }),
      el("p", { class: "meta", text: `Language: ${file.language || "unknown"} · ${file.findings.length} finding(s)` }));
    if (file.error) section.append(el("p", { class: "error-box", text: "Could not be checked: " + file.error }));
    for (const n of file.notes) section.append(el("p", { class: "muted", text: "Note: " + n }));
    section.append(el("ul", { class: "counts", "aria-label": "Counts by category" }, ...Object.keys(cat).sort().map((c) => el("li", { text: `${c}: ${cat[c]}` }))));
    if (!file.error) section.append(toolbar, status, views, el("h3", { text: "Findings (j/k to move, a to accept, r to reject)" }), list);
    section.editqa = { file, state, list, accept, reject, refresh, resultText };
    refresh();
    return section;
  }

  header();
  const sections = data.files.map((f) => FileView(f));
  app.append(...sections);

  document.addEventListener("keydown", (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const items = [...document.querySelectorAll("li.finding:not(.hidden)")];
    if (!items.length) return;
    const at = items.indexOf(document.activeElement instanceof HTMLLIElement ? document.activeElement : null);
    if (e.key === "j" || e.key === "n") { items[Math.min(items.length - 1, at + 1)].focus(); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { items[Math.max(0, at - 1)].focus(); e.preventDefault(); }
    else if ((e.key === "a" || e.key === "r") && at >= 0) {
      const button = items[at].querySelector(e.key === "a" ? "button.accept" : "button.reject");
      if (button) {
        const i = items[at].dataset.i;
        const section = items[at].closest("section");
        button.click();
        const again = section.querySelector(`li.finding[data-i="${i}"]`);
        if (again) again.focus();
      }
    }
  });
  document.body.dataset.ready = "true";
})();
