/**
 * The browser bundle of the library, run in headless Chromium: a page
 * loads it as a classic script and parses the reference listing.
 */

import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundleForBrowser } from "../support/browser-bundle";
import { launchChromium } from "./chromium";

declare const filmListing: typeof import("../../src/index");

const REFERENCE_TXT = readFileSync(new URL("../../fixtures/the-red-shoes.txt", import.meta.url), "utf8");
const REFERENCE_FILM: unknown = JSON.parse(
  readFileSync(new URL("../../fixtures/the-red-shoes.json", import.meta.url), "utf8"),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test("parses the reference listing in headless Chromium into its record", async () => {
  const { code } = await bundleForBrowser();
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ content: code });
  const film = await page.evaluate((text) => filmListing.parseListing(text), REFERENCE_TXT);
  expect(film).toEqual(REFERENCE_FILM);
});

test("reports a bad listing in headless Chromium as a ListingError with its position", async () => {
  const { code } = await bundleForBrowser();
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ content: code });
  const error = await page.evaluate(() => {
    const result = filmListing.safeParseListing("The Red Shoes\n7.5\n1948");
    if (result.success) return null;
    const { name, code, line, column, offset, message } = result.error;
    return { instance: result.error instanceof filmListing.ListingError, name, code, line, column, offset, message };
  });
  expect(error).toEqual({
    instance: true,
    name: "ListingError",
    code: "E_INVALID",
    line: 2,
    column: 1,
    offset: 14,
    message: "line 2, column 1: rating 7.5 is outside 0–5",
  });
});
