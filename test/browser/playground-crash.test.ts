/**
 * The playground when its worker fails, in headless Chromium. A worker
 * made to crash on one text, as a worker out of memory does (an error
 * event, no answer): the page says so for that text, and a new worker reads
 * the next one; reading does not move to the page's own thread for good.
 * A worker that cannot run its script at all: the page reads on its own
 * thread.
 */

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "./chromium";
import { crashingWorker, listedIssues, openPlayground, settle, statusText } from "./playground-page";

const CRASH = "CRASH THE WORKER";
const CRASHED =
  "Not read: the worker reading this text crashed (the browser stopped it, most likely for lack of memory). The next change is read by a new worker; `film-listing inspect` reads any text.";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe("a worker that crashes on a text", () => {
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    page = await openPlayground(browser, { workerPrelude: crashingWorker(CRASH) });
    page.on("pageerror", (error) => problems.push(error.message));
  });
  afterAll(() => page?.close());

  async function type(text: string): Promise<void> {
    await page.locator("textarea#listing").fill(text);
    await settle(page);
  }

  const workersStarted = () => page.evaluate<number>("window.workersStarted");
  const recordText = () => page.locator("pre#record").innerText();

  test("reads the reference listing in its first worker", async () => {
    expect(await statusText(page)).toBe("No issues: parseListing returns this record.");
    expect(await workersStarted()).toBe(1);
  });

  test("says that the worker crashed on a text, and shows nothing of the text before", async () => {
    await type(`The Red Shoes\n${CRASH}\n1948`);
    expect(await statusText(page)).toBe(CRASHED);
    expect(await listedIssues(page)).toEqual([]);
    expect(await recordText()).toBe("");
  });

  test("reads the next text in a new worker, not on the page's own thread", async () => {
    await type("The Red Shoes\n7.5\n1948\n133 min");
    expect(await listedIssues(page)).toEqual(["E_INVALID 2:1 rating 7.5 is outside 0–5"]);
    expect(await recordText()).toContain('"title": "The Red Shoes"');
    expect(await workersStarted()).toBe(2);
    // The library is loaded on the page only to read there.
    expect(await page.evaluate("typeof filmListing")).toBe("undefined");
  });

  test("recovers from every crash the same way", async () => {
    await type(`Casablanca\n${CRASH}`);
    expect(await statusText(page)).toBe(CRASHED);
    await type("Casablanca\n1942");
    expect(await statusText(page)).toBe("No issues: parseListing returns this record.");
    expect(await workersStarted()).toBe(3);
    expect(problems).toEqual([]);
  });
});

test("a worker that cannot run its script: the page reads on its own thread", async () => {
  const page = await openPlayground(browser, { workerPrelude: 'throw new Error("no script runs here");\n' });
  expect(await statusText(page)).toBe("No issues: parseListing returns this record.");
  expect(await page.evaluate("typeof filmListing")).toBe("object");
  await page.locator("textarea#listing").fill("The Red Shoes\n7.5\n1948");
  await settle(page);
  expect(await listedIssues(page)).toEqual(["E_INVALID 2:1 rating 7.5 is outside 0–5"]);
  expect(await page.evaluate<number>("window.workersStarted")).toBe(1);
  await page.close();
});
