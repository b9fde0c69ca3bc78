// copylint's page: the article in a textarea, its findings marked in a backdrop behind it and
// listed beside it. Each check posts the text and a file name to /v1/check (the suffix says
// whether it is read as Markdown) and gets copylint's JSON findings back, whose lines and
// columns (1-based, columns in code points) are turned into offsets of the textarea's text.
// A textarea's value has LF line ends and a file read by Blob.text() no BOM: the same text
// copylint checks, so the positions agree.
"use strict";

(function () {
  const area = document.getElementById("text");
  const backdrop = document.getElementById("backdrop");
  const list = document.getElementById("findings");
  const summary = document.getElementById("summary");
  const statusLine = document.getElementById("status");
  const localeSelect = document.getElementById("locale");
  const formatSelect = document.getElementById("format");
  const fileInput = document.getElementById("file");
  const fixSafeButton = document.getElementById("fix-safe");
  const CHECK_DELAY_MS = 500;

  // `text` is the text the findings' offsets refer to (the textarea's, as of the last check
  // or edit); `sequence` numbers the checks, so that only the latest is shown.
  const state = { text: "", findings: [], base: "article", sequence: 0, timer: 0 };

  function fileName() {
    return state.base + "." + formatSelect.value;
  }

  function say(message, isError) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", Boolean(isError));
  }

  // The UTF-16 offset of a 1-based line and code-point column of `text`.
  function offsetOf(text, starts, line, column) {
    let at = starts[Math.min(line, starts.length) - 1];
    for (let left = column - 1; left > 0 && at < text.length; left -= 1) {
      const unit = text.charCodeAt(at);
      at += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
    }
    return at;
  }

  function lineStarts(text) {
    const starts = [0];
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
      starts.push(at + 1);
    }
    return starts;
  }

  function place(finding, text, starts) {
    const edits = finding.fix
      ? finding.fix.edits.map(function (edit) {
          return {
            start: offsetOf(text, starts, edit.line, edit.column),
            end: offsetOf(text, starts, edit.end_line, edit.end_column),
            text: edit.text,
          };
        })
      : [];
    return {
      data: finding,
      start: offsetOf(text, starts, finding.line, finding.column),
      end: offsetOf(text, starts, finding.end_line, finding.end_column),
      edits: edits,
      safe: Boolean(finding.fix && finding.fix.applicability === "safe"),
    };
  }

  async function check() {
    window.clearTimeout(state.timer);
    const text = area.value;
    const sequence = ++state.sequence;
    say("Checking…");
    let response;
    let body = null;
    try {
      response = await fetch("/v1/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, filename: fileName(), locale: localeSelect.value }),
      });
      body = await response.json();
    } catch (error) {
      if (sequence === state.sequence) say("The copylint server could not be reached.", true);
      return;
    }
    if (sequence !== state.sequence || area.value !== text) return; // a later check is due
    if (!response.ok) {
      say((body && body.error) || "The check failed (" + response.status + ").", true);
      return;
    }
    const starts = lineStarts(text);
    state.text = text;
    state.findings = body.map(function (finding) {
      return place(finding, text, starts);
    });
    render();
    say("Checked " + fileName() + " at " + new Date().toLocaleTimeString() + ".");
  }

  function scheduleCheck() {
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(check, CHECK_DELAY_MS);
  }

  // Typing moves the marks with the text until the next check: findings after the change
  // shift, findings the change touches are dropped.
  function follow() {
    const before = state.text;
    const after = area.value;
    let head = 0;
    const most = Math.min(before.length, after.length);
    while (head < most && before.charCodeAt(head) === after.charCodeAt(head)) head += 1;
    let tail = 0;
    while (
      tail < most - head &&
      before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
    ) {
      tail += 1;
    }
    const changedEnd = before.length - tail;
    const shift = after.length - before.length;
    const move = function (span) {
      if (span.end <= head) return span;
      if (span.start >= changedEnd) {
        return Object.assign({}, span, { start: span.start + shift, end: span.end + shift });
      }
      return null;
    };
    state.findings = state.findings
      .map(function (finding) {
        const moved = move(finding);
        if (!moved) return null;
        const edits = finding.edits.map(move);
        return edits.includes(null) ? null : Object.assign(moved, { edits: edits });
      })
      .filter(Boolean);
    state.text = after;
    render();
    scheduleCheck();
  }

  function render() {
    renderBackdrop();
    renderList();
    fixSafeButton.disabled = !state.findings.some((f) => f.safe && f.edits.length);
  }

  function renderBackdrop() {
    const text = state.text;
    const parts = document.createDocumentFragment();
    let at = 0;
    const ordered = state.findings
      .map((finding, index) => ({ finding: finding, index: index }))
      .sort((a, b) => a.finding.start - b.finding.start);
    for (const { finding, index } of ordered) {
      if (finding.start < at || finding.end <= finding.start) continue; // overlaps one shown
      parts.append(text.slice(at, finding.start));
      const mark = document.createElement("mark");
      mark.className = "cat-" + finding.data.category;
      mark.dataset.index = String(index);
      mark.textContent = text.slice(finding.start, finding.end);
      parts.append(mark);
      at = finding.end;
    }
    // A final newline needs a character after it to take up its line.
    parts.append(text.slice(at) + "\n ");
    backdrop.replaceChildren(parts);
    backdrop.scrollTop = area.scrollTop;
  }

  function renderList() {
    const items = state.findings.map(renderFinding);
    if (!items.length) {
      const none = document.createElement("li");
      none.className = "empty";
      none.textContent = state.text.trim() ? "No findings: the copy is clean." : "";
      items.push(none);
    }
    list.replaceChildren(...items);
    const count = state.findings.length;
    summary.textContent = count === 1 ? "1 finding" : count + " findings";
  }

  function renderFinding(finding, index) {
    const f = finding.data;
    const item = document.createElement("li");
    item.className = "finding cat-" + f.category;
    item.dataset.index = String(index);
    item.dataset.rule = f.rule;
    const where = document.createElement("div");
    where.className = "where";
    const rule = document.createElement("span");
    rule.className = "rule";
    rule.textContent = f.rule;
    where.append("line " + f.line + ":" + f.column + " · " + f.severity + " · ", rule);
    const flagged = document.createElement("div");
    flagged.className = "flagged";
    flagged.textContent = "“" + f.text + "”";
    const message = document.createElement("p");
    message.className = "message";
    message.textContent = f.message;
    const actions = document.createElement("div");
    actions.className = "actions";
    f.suggestions.forEach(function (suggestion, which) {
      const button = action("→ " + (suggestion || "(delete)"), function () {
        const edits =
          which === 0 && finding.edits.length
            ? finding.edits
            : [{ start: finding.start, end: finding.end, text: suggestion }];
        apply(edits);
      });
      button.classList.add("suggestion");
      if (!finding.safe) button.classList.add("unsafe");
      actions.append(button);
    });
    if (!f.suggestions.length && finding.edits.length) {
      const deletes = finding.edits.every((edit) => edit.text === "");
      const button = action(deletes ? "Delete the line" : "Apply the fix", function () {
        apply(finding.edits);
      });
      button.classList.add("suggestion");
      actions.append(button);
    }
    item.append(where, flagged, message, actions);
    item.addEventListener("click", function (event) {
      if (event.target.closest("button")) return;
      show(finding);
    });
    item.addEventListener("mouseenter", () => highlight(index, true));
    item.addEventListener("mouseleave", () => highlight(index, false));
    return item;
  }

  function action(label, run) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      run();
    });
    return button;
  }

  function highlight(index, on) {
    const mark = backdrop.querySelector('mark[data-index="' + index + '"]');
    if (mark) mark.classList.toggle("active", on);
  }

  // Select a finding's text in the textarea and scroll it into view.
  function show(finding) {
    const mark = backdrop.querySelector('mark[data-index="' + state.findings.indexOf(finding) + '"]');
    if (mark) area.scrollTop = Math.max(0, mark.offsetTop - area.clientHeight / 3);
    area.focus({ preventScroll: true });
    area.setSelectionRange(finding.start, finding.end);
  }

  // Apply edits (offsets into `state.text`), then check the text again.
  function apply(edits) {
    if (area.value !== state.text) return;
    const ordered = edits.slice().sort((a, b) => b.start - a.start);
    let text = state.text;
    for (const edit of ordered) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    const scroll = area.scrollTop;
    area.value = text;
    area.scrollTop = scroll;
    follow();
    check();
  }

  function applySafeFixes() {
    const edits = [];
    const taken = [];
    for (const finding of state.findings) {
      if (!finding.safe) continue;
      const clash = finding.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end));
      if (clash) continue;
      for (const edit of finding.edits) {
        edits.push(edit);
        taken.push(edit);
      }
    }
    if (edits.length) apply(edits);
  }

  async function copyText() {
    const text = area.value;
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      area.focus();
      area.select();
      if (!document.execCommand("copy")) {
        say("The browser would not copy: select the text and copy it yourself.", true);
        return;
      }
    }
    say("Copied the corrected text (" + text.length + " characters).");
  }

  async function openFile() {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    const dot = file.name.lastIndexOf(".");
    const suffix = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : "";
    state.base = dot > 0 ? file.name.slice(0, dot) : file.name || "article";
    formatSelect.value = suffix === "md" || suffix === "markdown" ? "md" : "txt";
    document.getElementById("filename").textContent = "— " + file.name;
    area.value = await file.text();
    area.scrollTop = 0;
    fileInput.value = "";
    follow();
    check();
  }

  area.addEventListener("input", follow);
  area.addEventListener("scroll", function () {
    backdrop.scrollTop = area.scrollTop;
    backdrop.scrollLeft = area.scrollLeft;
  });
  document.getElementById("check").addEventListener("click", check);
  document.getElementById("copy").addEventListener("click", copyText);
  fixSafeButton.addEventListener("click", applySafeFixes);
  localeSelect.addEventListener("change", check);
  formatSelect.addEventListener("change", check);
  fileInput.addEventListener("change", openFile);
  new ResizeObserver(renderBackdrop).observe(area);
})();
