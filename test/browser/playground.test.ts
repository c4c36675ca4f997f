/**
 * The playground of the site (`npm run site` builds it into site/), opened
 * from disk in headless Chromium: the reference listing shows its record,
 * every error fixture its issue at the right line and column, and a click
 * on an issue selects its text. Screenshots of a valid and an invalid
 * listing go to test/browser/screenshots/.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inspectListing } from "../../src/index";
import { filmWith } from "../support/film";
import { launchChromium } from "./chromium";
import { settle as settleOn } from "./playground-page";

const ROOT = new URL("../../", import.meta.url);
const PLAYGROUND = new URL("site/playground/index.html", ROOT);

const SCREENSHOTS = fileURLToPath(new URL("test/browser/screenshots/", ROOT));
const read = (path: string) => readFileSync(new URL(path, ROOT), "utf8");

interface ErrorFixture {
  readonly slug: string;
  readonly text: string;
  readonly error: { readonly code: string; readonly line: number; readonly column: number };
}

const ERROR_FIXTURES: ErrorFixture[] = readdirSync(new URL("fixtures/errors/", ROOT))
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => {
    const slug = name.slice(0, -".txt".length);
    const { error } = JSON.parse(read(`fixtures/errors/${slug}.json`)) as Pick<ErrorFixture, "error">;
    return { slug, text: read(`fixtures/errors/${name}`), error };
  });

let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(PLAYGROUND)) throw new Error("site/playground/index.html is missing: run `npm run site` first");
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(PLAYGROUND.href);
  await settle();
  expect(problems).toEqual([]);
});
afterAll(() => browser?.close());

/** Puts text in the listing as a user would, and waits for the page to render it. */
async function type(text: string): Promise<void> {
  await page.locator("textarea#listing").fill(text);
  await settle();
}

/** Until the page shows the reading of the text on show. */
const settle = () => settleOn(page);

const record = async (): Promise<unknown> => JSON.parse(await page.locator("pre#record").innerText());
const issues = () => page.locator("ul#issues > li").allInnerTexts();

test("opens on the reference listing and shows its record with no issues", async () => {
  expect(await page.locator("textarea#listing").inputValue()).toBe(read("fixtures/the-red-shoes.txt"));
  expect(await record()).toEqual(JSON.parse(read("fixtures/the-red-shoes.json")));
  expect(await issues()).toEqual([]);
  expect(await page.locator("#status").innerText()).toBe("No issues: parseListing returns this record.");
  await page.screenshot({ path: `${SCREENSHOTS}playground-valid.png` });
});

test("offers the reference listing and one listing per error code in its sample menu", async () => {
  const labels = await page.locator("select#sample option").allInnerTexts();
  const codes = [...new Set(ERROR_FIXTURES.map((fixture) => fixture.error.code))].sort();
  expect(labels.slice(0, 2)).toEqual(["Your text", "The Red Shoes (the reference listing)"]);
  expect(labels.slice(2).map((label) => label.split(" ")[0])).toEqual(codes);
});

describe("shows each error fixture's issue with its code and line:column", () => {
  test.each(ERROR_FIXTURES)("$slug", async ({ text, error }) => {
    await type(text);
    const shown = await issues();
    expect(shown.some((issue) => issue.startsWith(`${error.code} ${error.line}:${error.column} `))).toBe(true);
  });
});

/** The textarea's selected text. */
const selected = () =>
  page
    .locator("textarea#listing")
    .evaluate((area: { value: string; selectionStart: number; selectionEnd: number }) =>
      area.value.slice(area.selectionStart, area.selectionEnd),
    );

test("shows an issue's hint under its reason", async () => {
  const text = "Casablanca\n4.4 (1.2K)\n1942";
  const [issue] = inspectListing(text).issues;
  expect(issue?.hint).toBeDefined();
  await type(text);
  expect(await issues()).toEqual([`${issue?.code} 2:1 ${issue?.reason}\nHint: ${issue?.hint}`]);
});

test("selects the offending text in the listing when an issue is clicked", async () => {
  await type("The Red Shoes\n7.5\n1948\n133 min");
  expect(await issues()).toEqual(["E_INVALID 2:1 rating 7.5 is outside 0–5"]);
  await page.locator("ul#issues > li button").first().click();
  expect(await selected()).toBe("7.5");
  expect(await page.evaluate("document.activeElement.id")).toBe("listing");
});

test("selects the text a value was read from when it is clicked in the record, or chosen with the keyboard", async () => {
  await type(read("fixtures/the-red-shoes.txt"));
  await page.locator('pre#record [data-path="genres.2"]').click();
  expect(await selected()).toBe("Music");
  await page.locator('pre#record [data-path="runtimeMinutes"]').focus();
  await page.keyboard.press("Enter");
  expect(await selected()).toBe("133 min");
  await page.locator('pre#record [data-path="reviews.0.text"]').focus();
  await page.keyboard.press(" ");
  expect(await selected()).toBe(JSON.parse(read("fixtures/the-red-shoes.json")).reviews[0].text);
});

test("highlights, behind the text, every value where it was read and every issue", async () => {
  const text = "The Red Shoes\n7.5\nDrama\n1948\nStarring: Moira Shearer, Anton Walbrook";
  await type(text);
  const marks = await page
    .locator("#highlight mark")
    .evaluateAll((elements) => elements.map((element) => [element.getAttribute("class"), element.textContent]));
  expect(marks).toEqual([
    ["field f-header", "The Red Shoes"],
    ["issue issue-error", "7.5"],
    ["field f-genres", "Drama"],
    ["field f-header", "1948"],
    ["field f-names", "Moira Shearer"],
    ["field f-names", "Anton Walbrook"],
  ]);
  expect(await page.locator("#highlight").textContent()).toBe(`${text}\u200b`);
});

test('shows a sample chosen from the menu, and says "Your text" once it is edited; screenshots an invalid listing', async () => {
  const sample = ERROR_FIXTURES.find((fixture) => fixture.slug === "invalid-empty-review");
  await page.locator("select#sample").selectOption({ label: "E_INVALID at 5:1 (invalid-empty-review)" });
  await settle();
  expect(await page.locator("textarea#listing").inputValue()).toBe(sample?.text);
  expect(await issues()).toEqual(["E_INVALID 5:1 review is empty"]);
  await page.screenshot({ path: `${SCREENSHOTS}playground-invalid.png` });
  await page.locator("textarea#listing").press("End");
  await page.keyboard.type("\n");
  await settle();
  expect(await page.locator("select#sample option:checked").innerText()).toBe("Your text");
});

test("loads only classic scripts, which run from file:// too: the worker's code as a string, then the page's", () => {
  const html = readFileSync(PLAYGROUND, "utf8");
  expect([...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1])).toEqual([
    ' type="application/json" id="samples"',
    ' src="worker-source.js"',
    ' src="playground.js"',
  ]);
});

test("reads in a worker: the page's own thread never loads the library", async () => {
  expect(await page.evaluate("typeof filmListing")).toBe("undefined");
});

test("leaves the highlighting out for a long text, and still shows its record and issues", async () => {
  const text = `The Red Shoes\n7.5\n1948\nCommunity Reviews\n"${"So good. ".repeat(12_000)}"`;
  await type(text);
  expect(await page.locator("#highlight mark").count()).toBe(0);
  expect(await page.locator("#status").textContent()).toBe(
    "1 error, 0 warnings: parseListing throws the first error. Highlighting is off for a text this long.",
  );
  expect(await issues()).toEqual(["E_INVALID 2:1 rating 7.5 is outside 0–5"]);
  const film = filmWith({
    title: "The Red Shoes",
    year: 1948,
    reviews: [{ text: "So good. ".repeat(12_000).trimEnd() }],
  });
  // Its JSON is longer than the page shows: the start of it, and a note.
  const json = JSON.stringify(film, null, 2);
  expect(await page.locator("pre#record").textContent()).toBe(json.slice(0, 100_000));
  expect(await page.locator("#record-note").textContent()).toBe(
    `The record's JSON is ${json.length.toLocaleString("en-US")} characters long: only its first 100,000 are shown.`,
  );
});

test("works from a static host too: the site served over HTTP shows the reference record", async () => {
  const site = new URL("site/", ROOT);
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    readFile(new URL(`.${path}`, site)).then(
      (body) =>
        response.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  try {
    const { port } = server.address() as AddressInfo;
    const served = await browser.newPage();
    await served.goto(`http://127.0.0.1:${port}/playground/index.html`);
    await settleOn(served);
    expect(JSON.parse((await served.locator("pre#record").textContent()) ?? "")).toEqual(
      JSON.parse(read("fixtures/the-red-shoes.json")),
    );
    await served.close();
  } finally {
    server.close();
  }
});
