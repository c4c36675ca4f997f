/**
 * The playground under hostile pastes, in headless Chromium: hundreds of
 * thousands of issues, megabytes of synopsis or reviews. The page must
 * stay responsive (its longest main-thread task, as PerformanceObserver
 * reports it, under a second), list at most a few hundred issues with the
 * count of the rest, bound the record it shows, and never leave the
 * results of the previous text on show. Its counts are the library's.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inspectListing, type ParseOptions } from "../../src/index";
import { launchChromium } from "./chromium";
import {
  forgetLongTasks,
  listedIssues,
  longestTask,
  type Made,
  made,
  openPlayground,
  paste,
  settle,
  statusText,
} from "./playground-page";

/** The page may never be blocked longer than this (the work itself takes a fraction of it). */
const LONGEST_TASK_MS = 1_000;
/** What the page lists of many issues, and shows of a long record. */
const LISTED = 300;
const RECORD_SHOWN = 100_000;

const STARRING_200K: Made = { head: "T\n1948\n", line: "Starring:\n", times: 200_000 };
const SYNOPSIS_5MB: Made = { head: "T\n1948\n\n", line: "A ballet film of great beauty. ", times: 170_000 };
const REVIEWS_5MB: Made = { head: "T\n1948\nCommunity Reviews\n", line: '"Good."\n', times: 650_000 };
const ISSUES_20K: Made = { head: "T\n1948\n", line: "Starring:\n", times: 20_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const number = (n: number) => n.toLocaleString("en-US");

/** Every issue, as the page counts them (the library lists 1,000 by default). */
const EVERY_ISSUE = { maxIssues: Number.POSITIVE_INFINITY } as ParseOptions;

/** The status line the page must show for `text`, from the library's own reading. */
function expectedStatus(text: string, highlighted: boolean): string {
  const { issues } = inspectListing(text, EVERY_ISSUE);
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const plural = (n: number, what: string) => `${number(n)} ${what}${n === 1 ? "" : "s"}`;
  const counts =
    issues.length === 0
      ? "No issues: parseListing returns this record."
      : `${plural(errors, "error")}, ${plural(warnings, "warning")}${errors > 0 ? ": parseListing throws the first error." : "."}`;
  return highlighted ? counts : `${counts} Highlighting is off for a text this long.`;
}

const recordText = (page: Page) =>
  page
    .locator("pre#record")
    .textContent()
    .then((text) => text ?? "");

/**
 * Shows the reference listing, pastes `text`, and checks, a moment after
 * the paste and again once the reading is on show, that nothing of the
 * reference listing's results is left; returns the longest task.
 */
async function pasteOverReference(page: Page, text: Made): Promise<number> {
  await page.locator("select#sample").selectOption({ index: 1 });
  await settle(page);
  expect(await recordText(page)).toContain('"title": "The Red Shoes"');
  await forgetLongTasks(page);
  await paste(page, text);
  await page.waitForTimeout(400);
  // Still reading (then nothing is shown but that), or done: never the reference listing's results.
  // All read at once: the reading may come between two separate reads.
  const shown = await page.evaluate<{ busy: boolean; status: string; issues: number; record: string }>(`({
    busy: document.getElementById("output").getAttribute("aria-busy") === "true",
    status: document.getElementById("status").textContent,
    issues: document.querySelectorAll("ul#issues > li").length,
    record: document.getElementById("record").textContent,
  })`);
  expect(shown.record).not.toContain("The Red Shoes");
  if (shown.busy) expect(shown).toEqual({ busy: true, status: "Reading…", issues: 0, record: "" });
  await settle(page);
  expect(await recordText(page)).not.toContain("The Red Shoes");
  return longestTask(page);
}

describe("stays responsive and bounded under hostile pastes", () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPlayground(browser);
  });
  afterAll(() => page?.close());

  test("200,000 repeated `Starring:` lines: 300 issues listed and the rest counted, without a throw", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const longest = await pasteOverReference(page, STARRING_200K);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    expect(errors).toEqual([]);
    expect(await statusText(page)).toBe(expectedStatus(made(STARRING_200K), false));
    expect(await statusText(page)).toContain("199,999 errors");
    const listed = await listedIssues(page);
    expect(listed).toHaveLength(LISTED);
    expect(listed[0]).toBe("E_DUPLICATE_SECTION 4:1 Starring: appears a second time");
    expect(listed[LISTED - 1]).toBe(`E_DUPLICATE_SECTION ${LISTED + 3}:1 Starring: appears a second time`);
    expect(await page.locator("#more-issues").innerText()).toBe(
      `And ${number(199_999 - LISTED)} more issues, not listed.`,
    );
    expect(JSON.parse(await recordText(page))).toMatchObject({ title: "T", year: 1948, cast: [] });
    // The textarea holds the start of the text, read-only, and says so.
    expect(await page.locator("textarea#listing").evaluate((area: { readOnly: boolean }) => area.readOnly)).toBe(true);
    expect(await page.locator("#held-size").innerText()).toMatch(
      /^This text is 2,000,007 characters and 200,003 lines long, too long to edit here: all of it is read, and its first 19,99\d characters are shown\.$/,
    );
  });

  test("5 MB of synopsis: no issues, the record cut at 100,000 characters and saying so", async () => {
    const longest = await pasteOverReference(page, SYNOPSIS_5MB);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    const text = made(SYNOPSIS_5MB);
    expect(await statusText(page)).toBe(expectedStatus(text, false));
    expect(await listedIssues(page)).toEqual([]);
    const json = JSON.stringify(inspectListing(text).film, null, 2);
    expect(await recordText(page)).toBe(json.slice(0, RECORD_SHOWN));
    expect(await page.locator("#record-note").innerText()).toBe(
      `The record's JSON is ${number(json.length)} characters long: only its first 100,000 are shown.`,
    );
  });

  test("5 MB of one-line reviews: the record cut at 100,000 characters and saying so", async () => {
    const longest = await pasteOverReference(page, REVIEWS_5MB);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    const text = made(REVIEWS_5MB);
    expect(await statusText(page)).toBe(expectedStatus(text, false));
    const json = JSON.stringify(inspectListing(text).film, null, 2);
    expect(json.length).toBeGreaterThan(20_000_000);
    expect(await recordText(page)).toBe(json.slice(0, RECORD_SHOWN));
    expect(await page.locator("#record-note").innerText()).toBe(
      `The record's JSON is ${number(json.length)} characters long: only its first 100,000 are shown.`,
    );
  });

  test("20,000 issues: editable, and each keystroke is read without blocking the page", async () => {
    const longest = await pasteOverReference(page, ISSUES_20K);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    expect(await page.locator("textarea#listing").evaluate((area: { readOnly: boolean }) => area.readOnly)).toBe(false);
    expect(await statusText(page)).toBe(expectedStatus(made(ISSUES_20K), false));
    expect(await listedIssues(page)).toHaveLength(LISTED);
    await page.locator("textarea#listing").press("Control+End");
    await forgetLongTasks(page);
    await page.keyboard.type("Starring:", { delay: 20 });
    await settle(page);
    expect(await longestTask(page)).toBeLessThan(LONGEST_TASK_MS);
    const typed = `${made(ISSUES_20K)}Starring:`;
    expect(await page.locator("textarea#listing").inputValue()).toBe(typed);
    expect(await statusText(page)).toBe(expectedStatus(typed, false));
    expect(await statusText(page)).toContain("20,000 errors");
    expect(await page.locator("#more-issues").innerText()).toBe(
      `And ${number(20_000 - LISTED)} more issues, not listed.`,
    );
  });

  test("a held text is let go by Clear, and a sample replaces it", async () => {
    await paste(page, STARRING_200K);
    await settle(page);
    await page.locator("button#clear").click();
    await settle(page);
    expect(await page.locator("textarea#listing").inputValue()).toBe("");
    expect(await page.locator("textarea#listing").evaluate((area: { readOnly: boolean }) => area.readOnly)).toBe(false);
    expect(await page.locator("#held").isHidden()).toBe(true);
    expect(await listedIssues(page)).toEqual([`E_EMPTY 1:1 ${inspectListing("").issues[0]?.reason}`]);
    await page.keyboard.type("The Red Shoes\n1948");
    await settle(page);
    expect(JSON.parse(await recordText(page))).toMatchObject({ title: "The Red Shoes", year: 1948 });
  });
});

describe("where no worker can start", () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPlayground(browser, { withoutWorkers: true });
  });
  afterAll(() => page?.close());

  test("reads on the page's own thread: the reference record, and an invalid listing's issue", async () => {
    expect(await statusText(page)).toBe("No issues: parseListing returns this record.");
    expect(await recordText(page)).toContain('"title": "The Red Shoes"');
    await paste(page, { head: "The Red Shoes\n7.5\n1948\n133 min", line: "", times: 0 });
    await settle(page);
    expect(await listedIssues(page)).toEqual(["E_INVALID 2:1 rating 7.5 is outside 0–5"]);
  });

  test("does not read a text too long to read without blocking, and shows nothing of the text before", async () => {
    const longest = await pasteOverReference(page, SYNOPSIS_5MB);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    expect(await statusText(page)).toBe(
      "Not read: this browser could not start a worker, and reading a text this long would block the page. `film-listing inspect` reads it.",
    );
    expect(await listedIssues(page)).toEqual([]);
    expect(await recordText(page)).toBe("");
  });

  test("reads 20,000 issues within the bound", async () => {
    const longest = await pasteOverReference(page, ISSUES_20K);
    expect(longest).toBeLessThan(LONGEST_TASK_MS);
    expect(await statusText(page)).toBe(expectedStatus(made(ISSUES_20K), false));
    expect(await listedIssues(page)).toHaveLength(LISTED);
  });
});
