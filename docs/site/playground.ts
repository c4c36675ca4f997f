/**
 * The playground: parses what is in `textarea#listing` as it changes and
 * shows the record (`pre#record`), every issue (`ul#issues`) and where each
 * value was read from (the highlighted mirror behind the textarea).
 * Clicking an issue or a value selects its text in the textarea.
 *
 * It runs as a classic script after `film-listing.js`, the library's
 * browser build, which defines the global `filmListing`; so the page works
 * from `file://` as from any static host.
 */

import type { FieldSpan, ListingInspection, ListingIssue } from "../../src/index";

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
const record = byId<HTMLPreElement>("record");
const issuesList = byId<HTMLUListElement>("issues");
const status = byId<HTMLParagraphElement>("status");
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

function marksOf(inspection: ListingInspection): Mark[] {
  const marks: Mark[] = inspection.spans.map((span) => ({
    start: span.start.offset,
    end: span.end.offset,
    className: `field ${familyOf(span.path)}`,
    id: `span:${keyOf(span.path)}`,
  }));
  inspection.issues.forEach((issue, index) => {
    marks.push({
      start: issue.offset,
      // An issue at one point (the end of the text) still gets a visible mark.
      end: Math.max(issue.end.offset, issue.offset + 1),
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

function renderRecord(film: unknown, spans: ReadonlyMap<string, FieldSpan>): void {
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

function renderIssues(issues: readonly ListingIssue[]): void {
  const items = issues.map((issue, index) => {
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
    button.addEventListener("click", () =>
      select(issue.offset, Math.max(issue.offset, issue.end.offset), markElement(`issue:${index}`)),
    );
    item.append(button);
    return item;
  });
  issuesList.replaceChildren(...items);
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  status.textContent =
    issues.length === 0
      ? "No issues: parseListing returns this record."
      : `${count(errors, "error")}, ${count(warnings, "warning")}${errors > 0 ? ": parseListing throws the first error." : "."}`;
  status.className = `status ${errors > 0 ? "has-errors" : warnings > 0 ? "has-warnings" : "ok"}`;
}

/**
 * Past this many characters or marks the browser spends seconds laying out
 * the marks and the clickable values on every change, so they are left out
 * and the record is shown as plain JSON; issues still select their text.
 */
const HIGHLIGHT_LIMIT = { characters: 100_000, marks: 3_000 };

function update(): void {
  const text = listing.value;
  const inspection = filmListing.inspectListing(text);
  const marks = marksOf(inspection);
  const highlight = text.length <= HIGHLIGHT_LIMIT.characters && marks.length <= HIGHLIGHT_LIMIT.marks;
  renderIssues(inspection.issues);
  if (highlight) {
    renderMirror(text, marks);
    renderRecord(inspection.film, new Map(inspection.spans.map((span) => [keyOf(span.path), span])));
  } else {
    mirror.replaceChildren();
    record.textContent = JSON.stringify(inspection.film, null, 2);
    status.textContent += " Highlighting is off for a text this long.";
  }
  syncScroll();
}

function syncScroll(): void {
  mirror.scrollTop = listing.scrollTop;
  mirror.scrollLeft = listing.scrollLeft;
}

/** Parses at most once a frame, however fast the user types. */
let pending = false;
function schedule(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    update();
  });
}

function showSample(index: number): void {
  const sample = samples[index];
  if (sample === undefined) return;
  listing.value = sample.text;
  sampleMenu.value = String(index);
  listing.scrollTop = 0;
  update();
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
  listing.addEventListener("input", () => {
    sampleMenu.value = "";
    schedule();
  });
  listing.addEventListener("scroll", syncScroll);
  new ResizeObserver(() => {
    mirror.style.height = `${listing.offsetHeight}px`;
    syncScroll();
  }).observe(listing);
  showSample(0);
}

setUp();
