/**
 * The playground: reads what is in `textarea#listing` as it changes and
 * shows the record (`pre#record`), the issues (`ul#issues`) and where each
 * value was read from (the highlighted mirror behind the textarea).
 * Clicking an issue or a value selects its text in the textarea.
 *
 * The reading runs in a worker, so that no text, however long or broken,
 * blocks the page. It runs as a classic script after `worker-source.js`,
 * which holds the worker's code (the library's browser build with its
 * message handler) as a string: the worker starts from a Blob URL, which
 * works from `file://` as from any static host. Where no worker can start,
 * the page loads `film-listing.js`, the library's browser build, and reads
 * texts up to the length it can edit on its own thread.
 */

import type { FieldSpan, PartialFilm } from "../../src/index";
import { type Reading, readListing, type ShownIssue } from "./reading";

/** Set by `worker-source.js`. */
declare const playgroundWorkerSource: string;
/** Set by `film-listing.js`, once loaded. */
declare const filmListing: typeof import("../../src/index");

/** A field of the record, as zod names it: `["cast", 2]`. */
type Path = FieldSpan["path"];

/** One listing of the sample menu, taken from the fixtures at build time. */
interface Sample {
  readonly group: string;
  readonly label: string;
  readonly text: string;
  /** For a listing of the error fixtures: the error it must give. */
  readonly error?: { readonly code: string; readonly line: number; readonly column: number };
}

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element as T;
};

const listing = byId<HTMLTextAreaElement>("listing");
const mirror = byId<HTMLDivElement>("highlight");
const output = byId<HTMLDivElement>("output");
const record = byId<HTMLPreElement>("record");
const recordNote = byId<HTMLParagraphElement>("record-note");
const issuesList = byId<HTMLUListElement>("issues");
const moreIssues = byId<HTMLParagraphElement>("more-issues");
const status = byId<HTMLParagraphElement>("status");
const heldNote = byId<HTMLDivElement>("held");
const heldSize = byId<HTMLParagraphElement>("held-size");
const clearButton = byId<HTMLButtonElement>("clear");
const sampleMenu = byId<HTMLSelectElement>("sample");
const samples = JSON.parse(byId<HTMLScriptElement>("samples").textContent ?? "[]") as Sample[];

/** A path as one string, to look spans up by: `cast.2`, `reviews.0.text`. */
const keyOf = (path: Path): string => path.join(".");

/** The colour family of a field, by its name. */
function familyOf(path: Path): string {
  switch (path[0]) {
    case "genres":
    case "badges":
      return "f-genres";
    case "synopsis":
      return "f-synopsis";
    case "cast":
    case "directors":
    case "availableOn":
      return "f-names";
    case "reviews":
      return "f-reviews";
    default:
      return "f-header";
  }
}

/** Selects `[start, end)` in the textarea and scrolls it into view. */
function select(start: number, end: number, anchor: Element | null): void {
  listing.focus({ preventScroll: true });
  listing.setSelectionRange(start, end);
  if (anchor instanceof HTMLElement) {
    listing.scrollTop = Math.max(0, anchor.offsetTop - listing.clientHeight / 3);
    syncScroll();
  }
}

/** Makes an element act as a button: click, Enter and Space. */
function actAsButton(element: HTMLElement, label: string, act: () => void): void {
  element.tabIndex = 0;
  element.setAttribute("role", "button");
  element.setAttribute("aria-label", label);
  element.addEventListener("click", act);
  element.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      act();
    }
  });
}

// The mirror: the same text as the textarea, with each span and issue
// marked. The textarea is transparent over it, so the marks show behind
// the text the user edits.

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly className: string;
  readonly id: string;
}

function marksOf(spans: readonly FieldSpan[], issues: readonly ShownIssue[]): Mark[] {
  const marks: Mark[] = spans.map((span) => ({
    start: span.start.offset,
    end: span.end.offset,
    className: `field ${familyOf(span.path)}`,
    id: `span:${keyOf(span.path)}`,
  }));
  issues.forEach((issue, index) => {
    marks.push({
      start: issue.start,
      // An issue at one point (the end of the text) still gets a visible mark.
      end: Math.max(issue.end, issue.start + 1),
      className: `issue issue-${issue.severity}`,
      id: `issue:${index}`,
    });
  });
  return marks;
}

/**
 * Renders the text with its marks. Marks may nest or overlap (an issue
 * inside a field), so the text is cut at every mark boundary and each piece
 * carries the classes of every mark over it; the first piece of a mark
 * carries its id, to scroll to.
 */
function renderMirror(text: string, marks: readonly Mark[]): void {
  const bounds = new Set<number>([0, text.length]);
  for (const mark of marks) {
    bounds.add(Math.min(mark.start, text.length));
    bounds.add(Math.min(mark.end, text.length));
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  const open: Mark[] = [];
  let next = 0;
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const starting: Mark[] = [];
    while (next < byStart.length && (byStart[next] as Mark).start <= from) {
      const mark = byStart[next++] as Mark;
      open.push(mark);
      if (mark.start === from) starting.push(mark);
    }
    for (let j = open.length - 1; j >= 0; j--) if ((open[j] as Mark).end <= from) open.splice(j, 1);
    const piece = text.slice(from, to);
    if (open.length === 0) {
      fragment.append(piece);
      continue;
    }
    const element = document.createElement("mark");
    element.className = open.map((mark) => mark.className).join(" ");
    for (const mark of starting) element.dataset[mark.id.startsWith("issue") ? "issue" : "span"] = mark.id;
    element.textContent = piece;
    fragment.append(element);
  }
  // A final line break needs a character after it to take up its line.
  fragment.append("\u200b");
  mirror.replaceChildren(fragment);
}

/** The first mirror element of a mark, to scroll the textarea to. */
function markElement(id: string): Element | null {
  for (const element of mirror.querySelectorAll("mark")) {
    if (element instanceof HTMLElement && (element.dataset.span === id || element.dataset.issue === id)) return element;
  }
  return null;
}

// The record: JSON as `JSON.stringify(film, null, 2)` writes it, with each
// value that has a span wrapped in an element that selects it.

function renderRecord(film: PartialFilm, spans: ReadonlyMap<string, FieldSpan>): void {
  const fragment = document.createDocumentFragment();
  const write = (value: unknown, path: Path, indent: string): void => {
    if (typeof value === "object" && value !== null) {
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((item, index) => [index, item])
        : Object.entries(value);
      const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
      if (entries.length === 0) {
        fragment.append(open + close);
        return;
      }
      fragment.append(`${open}\n`);
      const inner = `${indent}  `;
      entries.forEach(([key, item], index) => {
        fragment.append(typeof key === "number" ? inner : `${inner}${JSON.stringify(key)}: `);
        write(item, [...path, key], inner);
        fragment.append(index + 1 < entries.length ? ",\n" : "\n");
      });
      fragment.append(`${indent}${close}`);
      return;
    }
    const json = JSON.stringify(value);
    const span = spans.get(keyOf(path));
    if (span === undefined) {
      fragment.append(json);
      return;
    }
    const element = document.createElement("span");
    element.className = `value ${familyOf(path)}`;
    element.textContent = json;
    element.dataset.path = keyOf(path);
    actAsButton(
      element,
      `${keyOf(path)}: select the text it was read from, at ${span.start.line}:${span.start.column}`,
      () => select(span.start.offset, span.end.offset, markElement(`span:${keyOf(path)}`)),
    );
    fragment.append(element);
  };
  write(film, [], "");
  record.replaceChildren(fragment);
}

const number = (n: number): string => n.toLocaleString("en-US");
const count = (n: number, what: string): string => `${number(n)} ${what}${n === 1 ? "" : "s"}`;

function renderIssues(reading: Reading): void {
  const fragment = document.createDocumentFragment();
  reading.issues.forEach((issue, index) => {
    const item = document.createElement("li");
    item.className = `issue-item ${issue.severity}`;
    const button = document.createElement("button");
    button.type = "button";
    const code = document.createElement("span");
    code.className = "code";
    code.textContent = issue.code;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `${issue.line}:${issue.column}`;
    const reason = document.createElement("span");
    reason.className = "reason";
    reason.textContent = issue.reason;
    button.append(code, " ", where, " ", reason);
    if (issue.hint !== undefined) {
      const hint = document.createElement("span");
      hint.className = "issue-hint";
      hint.textContent = `Hint: ${issue.hint}`;
      button.append(hint);
    }
    // Of a text too long to edit, only the part shown can be selected.
    if (issue.end > listing.value.length) button.disabled = true;
    button.addEventListener("click", () => select(issue.start, issue.end, markElement(`issue:${index}`)));
    item.append(button);
    fragment.append(item);
  });
  issuesList.replaceChildren(fragment);
  const { errors, warnings } = reading;
  const unlisted = errors + warnings - reading.issues.length;
  moreIssues.textContent = unlisted > 0 ? `And ${count(unlisted, "more issue")}, not listed.` : "";
  moreIssues.hidden = unlisted === 0;
  status.textContent =
    errors + warnings === 0
      ? "No issues: parseListing returns this record."
      : `${count(errors, "error")}, ${count(warnings, "warning")}${errors > 0 ? ": parseListing throws the first error." : "."}`;
  status.className = `status ${errors > 0 ? "has-errors" : warnings > 0 ? "has-warnings" : "ok"}`;
}

/** Shows a reading of the text on show; a reading of a text since replaced is left out. */
function show(reading: Reading): void {
  if (reading.id !== textId) return;
  settled();
  renderIssues(reading);
  const { highlight } = reading;
  if (highlight !== undefined && held === undefined) {
    renderMirror(listing.value, marksOf(highlight.spans, reading.issues));
    renderRecord(highlight.film, new Map(highlight.spans.map((span) => [keyOf(span.path), span])));
  } else {
    mirror.replaceChildren();
    record.textContent = reading.json;
    status.textContent += " Highlighting is off for a text this long.";
  }
  recordNote.textContent =
    reading.jsonLength > reading.json.length
      ? `The record's JSON is ${count(reading.jsonLength, "character")} long: only its first ${number(reading.json.length)} are shown.`
      : "";
  recordNote.hidden = recordNote.textContent === "";
  syncScroll();
}

/** Says why the text on show was not read, and shows nothing of an earlier one. */
function showUnread(id: number, why: string): void {
  if (id !== textId) return;
  settled();
  clearOutput();
  status.textContent = why;
  status.className = "status has-errors";
}

// Stale results: from the moment the text changes until its reading comes,
// what is on show belongs to another text. It is marked busy at once; after
// a keystroke it is dimmed, and cleared if the reading takes longer than a
// glance; a text put in whole (a paste, a drop, a sample, Clear) clears it
// at once, before the browser lays the new text out, which for a long text
// can take longer than any timer.

/** How long the results of the previous text stay on show, dimmed. */
const STALE_MS = 200;
let staleTimer: ReturnType<typeof setTimeout> | undefined;

function markStale(replaced: boolean): void {
  output.setAttribute("aria-busy", "true");
  output.classList.add("stale");
  clearTimeout(staleTimer);
  if (replaced) showReading();
  else staleTimer = setTimeout(showReading, STALE_MS);
}

function showReading(): void {
  clearOutput();
  status.textContent = "Reading…";
  status.className = "status";
}

function settled(): void {
  clearTimeout(staleTimer);
  output.removeAttribute("aria-busy");
  output.classList.remove("stale");
}

function clearOutput(): void {
  issuesList.replaceChildren();
  moreIssues.textContent = "";
  moreIssues.hidden = true;
  record.replaceChildren();
  recordNote.textContent = "";
  recordNote.hidden = true;
  mirror.replaceChildren();
}

// Texts too long to edit: a textarea of a few hundred thousand lines takes
// the browser seconds to lay out on each change. Such a text, pasted or
// dropped, is held aside and read in full; the textarea shows its start,
// read-only.

const EDIT_LIMIT = { characters: 250_000, lines: 25_000 };
/** The characters of a held text shown in the textarea. */
const PREVIEW = 20_000;

/** The whole text, while it is too long to edit. */
let held: string | undefined;

function tooLongToEdit(text: string): boolean {
  if (text.length > EDIT_LIMIT.characters) return true;
  let lines = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
    if (++lines > EDIT_LIMIT.lines) return true;
  }
  return false;
}

function hold(text: string): void {
  held = text;
  listing.value = text.slice(0, previewEnd(text));
  listing.readOnly = true;
  listing.scrollTop = 0;
  let lines = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
  heldSize.textContent = `This text is ${count(text.length, "character")} and ${count(lines, "line")} long, too long to edit here: all of it is read, and its first ${count(listing.value.length, "character")} are shown.`;
  heldNote.hidden = false;
}

/** Where the shown start of a held text ends: at a line break near {@link PREVIEW}, else between two characters. */
function previewEnd(text: string): number {
  if (text.length <= PREVIEW) return text.length;
  const lineEnd = text.lastIndexOf("\n", PREVIEW);
  if (lineEnd > PREVIEW / 2) return lineEnd;
  const code = text.charCodeAt(PREVIEW - 1);
  return code >= 0xd800 && code <= 0xdbff ? PREVIEW - 1 : PREVIEW;
}

function release(): void {
  held = undefined;
  listing.readOnly = false;
  heldNote.hidden = true;
}

/** Text pasted or dropped: held aside when the result is too long to edit. */
function insertText(event: Event, inserted: string | undefined): void {
  if (inserted === undefined || inserted === "") return;
  const text =
    held !== undefined
      ? inserted
      : listing.value.slice(0, listing.selectionStart) + inserted + listing.value.slice(listing.selectionEnd);
  if (held === undefined && !tooLongToEdit(text)) return;
  event.preventDefault();
  if (tooLongToEdit(text)) hold(text);
  else {
    release();
    listing.value = text;
  }
  sampleMenu.value = "";
  changed(true);
}

// Reading: in a worker when one starts, else on this thread for a text
// short enough to edit.

/** The number of the text on show. */
let textId = 0;

interface Reader {
  read(id: number, text: string): void;
}

/** What the worker posts: that it runs, then a reading, or why a text could not be read. */
type Answer = Reading | { readonly id: number; readonly failure: string } | { readonly ready: true };

/** Said of a text whose worker crashed while reading it. */
const CRASHED =
  "Not read: the worker reading this text crashed (the browser stopped it, most likely for lack of memory). The next change is read by a new worker; `film-listing inspect` reads any text.";

/**
 * The worker: one text at a time, and of the texts that came while it
 * read, only the last. A worker that fails before it says it is ready
 * cannot run here: reading falls back to this thread. One that fails
 * later crashed on the text it was reading: that text is not read, and a
 * new worker reads the next one.
 */
function startWorker(): Reader | undefined {
  let worker: Worker | undefined;
  /** Whether a worker of this page ever ran its script. */
  let ran = false;
  /** The text the worker is reading. */
  let reading: number | undefined;
  let next: { id: number; text: string } | undefined;
  const post = (id: number, text: string) => {
    worker ??= spawn();
    if (worker === undefined) {
      reader = readHere;
      readHere.read(id, text);
      return;
    }
    reading = id;
    worker.postMessage({ id, text });
  };
  const spawn = (): Worker | undefined => {
    let started: Worker;
    try {
      started = new Worker(URL.createObjectURL(new Blob([playgroundWorkerSource], { type: "text/javascript" })));
    } catch {
      return undefined;
    }
    started.addEventListener("message", (event: MessageEvent<Answer>) => {
      const answer = event.data;
      if ("ready" in answer) {
        ran = true;
        return;
      }
      reading = undefined;
      if (next !== undefined) {
        post(next.id, next.text);
        next = undefined;
      }
      if ("failure" in answer) showUnread(answer.id, `This text could not be read: ${answer.failure}`);
      else show(answer);
    });
    started.addEventListener("error", () => {
      started.terminate();
      if (worker !== started) return;
      worker = undefined;
      if (!ran) {
        // It never ran its script: read here from now on.
        reader = readHere;
        changed(false);
        return;
      }
      const crashed = reading;
      reading = undefined;
      if (crashed !== undefined) showUnread(crashed, CRASHED);
      if (next !== undefined) {
        post(next.id, next.text);
        next = undefined;
      }
    });
    return started;
  };
  worker = spawn();
  if (worker === undefined) return undefined;
  return {
    read(id, text) {
      if (reading !== undefined) next = { id, text };
      else post(id, text);
    },
  };
}

let library: Promise<typeof filmListing> | undefined;

/** `film-listing.js`, loaded once, when first needed. */
function loadLibrary(): Promise<typeof filmListing> {
  library ??= new Promise((loaded, failed) => {
    const script = document.createElement("script");
    script.src = "film-listing.js";
    script.addEventListener("load", () => loaded(filmListing));
    script.addEventListener("error", () => failed(new Error("film-listing.js did not load")));
    document.head.append(script);
  });
  return library;
}

const readHere: Reader = {
  read(id, text) {
    loadLibrary().then(
      (lib) => {
        if (id !== textId) return;
        if (tooLongToEdit(text))
          showUnread(
            id,
            "Not read: this browser could not start a worker, and reading a text this long would block the page. `film-listing inspect` reads it.",
          );
        else show(readListing(lib.inspectListing, text, id));
      },
      (error: Error) => showUnread(id, `Not read: ${error.message}.`),
    );
  },
};

let reader: Reader = readHere;

/** The text changed (`replaced`: put in whole): what is on show is stale until its reading comes. */
function changed(replaced: boolean): void {
  textId++;
  markStale(replaced);
  schedule();
}

function syncScroll(): void {
  mirror.scrollTop = listing.scrollTop;
  mirror.scrollLeft = listing.scrollLeft;
}

/** Sends the text at most once a frame, however fast the user types. */
let pending = false;
function schedule(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    reader.read(textId, held ?? listing.value);
  });
}

function showSample(index: number): void {
  const sample = samples[index];
  if (sample === undefined) return;
  release();
  listing.value = sample.text;
  sampleMenu.value = String(index);
  listing.scrollTop = 0;
  changed(true);
}

function setUp(): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  samples.forEach((sample, index) => {
    let group = groups.get(sample.group);
    if (group === undefined) {
      group = document.createElement("optgroup");
      group.label = sample.group;
      groups.set(sample.group, group);
      sampleMenu.append(group);
    }
    const option = document.createElement("option");
    option.value = String(index);
    option.textContent = sample.label;
    group.append(option);
  });
  // Once the user edits a sample, the menu says so rather than naming it.
  const edited = document.createElement("option");
  edited.value = "";
  edited.textContent = "Your text";
  edited.disabled = true;
  sampleMenu.prepend(edited);
  sampleMenu.addEventListener("change", () => showSample(Number(sampleMenu.value)));
  listing.addEventListener("paste", (event) => insertText(event, event.clipboardData?.getData("text/plain")));
  listing.addEventListener("drop", (event) => insertText(event, event.dataTransfer?.getData("text/plain")));
  listing.addEventListener("input", (event) => {
    sampleMenu.value = "";
    // insertFromPaste, insertFromDrop: a text put in whole.
    changed(event instanceof InputEvent && event.inputType.startsWith("insertFrom"));
  });
  listing.addEventListener("scroll", syncScroll);
  clearButton.addEventListener("click", () => {
    release();
    listing.value = "";
    sampleMenu.value = "";
    changed(true);
    listing.focus();
  });
  new ResizeObserver(() => {
    mirror.style.height = `${listing.offsetHeight}px`;
    syncScroll();
  }).observe(listing);
  reader = startWorker() ?? readHere;
  showSample(0);
}

setUp();
