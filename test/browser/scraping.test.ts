/**
 * Scraping as users do: realistic film pages (flex rows of chips, CSS
 * grids, an old table layout; `&nbsp;`, `&shy;` and a zero-width space,
 * hidden menus and dialogs, a "See all" link glued to the reviews heading,
 * `<br>` and `<p>` inside reviews)
 * opened in headless Chromium and read with Playwright's `innerText()`.
 * Each `pages/<name>.html` has the record it must parse to beside it, in
 * `pages/<name>.json`.
 */

import { readdirSync, readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseListing } from "../../src/index";
import { launchChromium } from "./chromium";

const PAGES = new URL("pages/", import.meta.url);
const NAMES = readdirSync(PAGES)
  .filter((name) => name.endsWith(".html"))
  .map((name) => name.slice(0, -".html".length))
  .sort();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test("has at least three pages of different markup", () => {
  expect(NAMES.length).toBeGreaterThanOrEqual(3);
});

test.each(NAMES)("parses the innerText of pages/%s.html to the record beside it", async (name) => {
  const page = await browser.newPage();
  await page.goto(new URL(`${name}.html`, PAGES).href);
  const text = await page.locator("main").innerText();
  await page.close();
  const expected: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, PAGES), "utf8"));
  expect(parseListing(text, { referenceDate: new Date("2026-11-25") })).toEqual(expected);
});
