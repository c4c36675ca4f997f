/**
 * The site on a phone (390 px) and a laptop (1280 px), in headless
 * Chromium: no page scrolls sideways, the keyboard reaches the listing
 * text right after the sample menu and never the highlight layer, the
 * highlights stay on their text as the textarea scrolls, the layout
 * guide's reference listing keeps its columns, and every API page links
 * back to the playground.
 */

import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "./chromium";
import { openPlayground, PLAYGROUND, paste, ROOT, settle } from "./playground-page";

const SITE = fileURLToPath(new URL("site/", ROOT));
const PAGES = readdirSync(SITE, { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".html"))
  .sort();
const API_PAGES = PAGES.filter((path) => path.startsWith("api"));

/** 200 one-line reviews: a text taller than the textarea, every line highlighted. */
const TALL = { head: "The Red Shoes\n1948\nCommunity Reviews\n", line: '"Lovely."\n', times: 200 };
/** The line of review `index` (0-based): after the three header lines. */
const reviewLine = (index: number) => index + 4;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test("the site has its pages: front page, playground, API reference and guides", () => {
  expect(PAGES).toContain("index.html");
  expect(PAGES).toContain("playground/index.html");
  expect(API_PAGES).toContain("api/documents/The_listing_layout.html");
  expect(API_PAGES.length).toBeGreaterThan(20);
});

describe.each([390, 1280])("at %i px", (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width, height: 860 } });
  });
  afterAll(() => page?.close());

  test("no page scrolls sideways", async () => {
    const wide: string[] = [];
    for (const path of PAGES) {
      await page.goto(pathToFileURL(`${SITE}${path}`).href);
      if (path === "playground/index.html") await settle(page);
      const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
        "({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })",
      );
      if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} px wide in ${clientWidth}`);
    }
    expect(wide).toEqual([]);
  });

  test("the playground's sample menu fits the screen", async () => {
    const playground = await openPlayground(browser, { width });
    const right = await playground
      .locator("select#sample")
      .evaluate((select: { getBoundingClientRect(): { right: number } }) => select.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(width);
    await playground.close();
  });

  test("Tab goes from the sample menu to the listing text, and never to the highlight layer", async () => {
    const playground = await openPlayground(browser, { width });
    await paste(playground, TALL);
    await settle(playground);
    expect(await playground.locator("#highlight mark").count()).toBeGreaterThan(200);
    await playground.locator("select#sample").focus();
    await playground.keyboard.press("Tab");
    expect(await playground.evaluate("document.activeElement.id")).toBe("listing");
    // The tab order from the top of the page.
    await playground.locator("a.skip").focus();
    const order: string[] = ["skip"];
    for (let i = 0; i < 40; i++) {
      await playground.keyboard.press("Tab");
      order.push(await playground.evaluate<string>("document.activeElement.id || document.activeElement.tagName"));
    }
    expect(order).not.toContain("highlight");
    expect(order[order.indexOf("sample") + 1]).toBe("listing");
    await playground.close();
  });

  test("PageDown and Ctrl+End in the listing text keep each highlight on its line", async () => {
    const playground = await openPlayground(browser, { width });
    await paste(playground, TALL);
    await settle(playground);
    const area = playground.locator("textarea#listing");
    await area.press("Control+Home");
    for (const keys of [["PageDown", "PageDown", "PageDown"], ["Control+End"]]) {
      for (const key of keys) await area.press(key);
      // Until the (smooth) scrolling ends: the same scrollTop over two polls.
      await playground.waitForFunction(
        `(() => {
          const now = document.getElementById("listing").scrollTop;
          const before = window.lastScrollTop;
          window.lastScrollTop = now;
          return now === before;
        })()`,
        null,
        { polling: 150 },
      );
      const state = await playground.evaluate<{ scrollTop: number; mirrorTop: number; misplaced: string[] }>(`(() => {
        const area = document.getElementById("listing");
        const mirror = document.getElementById("highlight");
        const style = getComputedStyle(area);
        const lineHeight = parseFloat(style.lineHeight);
        const box = area.getBoundingClientRect();
        const top = box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) - area.scrollTop;
        const misplaced = [];
        const marks = [...mirror.querySelectorAll("mark[data-span^='span:reviews.']")];
        for (const mark of marks) {
          const rect = mark.getBoundingClientRect();
          if (rect.bottom < box.top || rect.top > box.bottom) continue;
          const index = Number(mark.dataset.span.split(".")[1]);
          const line = index + ${reviewLine(0)};
          // The middle of the mark, against the middle of its line in the textarea.
          const expected = top + (line - 1) * lineHeight + lineHeight / 2;
          const middle = (rect.top + rect.bottom) / 2;
          if (Math.abs(middle - expected) > 2) misplaced.push(index + ": " + middle + " for " + expected);
        }
        return { scrollTop: area.scrollTop, mirrorTop: mirror.scrollTop, misplaced };
      })()`);
      expect(state.scrollTop).toBeGreaterThan(0);
      expect(state.mirrorTop).toBe(state.scrollTop);
      expect(state.misplaced).toEqual([]);
    }
    await playground.close();
  });
});

test("the layout guide's reference listing keeps its columns at 1280 px: no line wraps, none is cut", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(pathToFileURL(`${SITE}api/documents/The_listing_layout.html`).href);
  // Lines kept whole (no wrapping), and the whole block in view (no scrolling).
  const { whiteSpace, scrollWidth, clientWidth } = await page.evaluate<{
    whiteSpace: string;
    scrollWidth: number;
    clientWidth: number;
  }>(`(() => {
    const pre = [...document.querySelectorAll("pre")].find((pre) => pre.textContent.includes("The Red Shoes                    title"));
    return { whiteSpace: getComputedStyle(pre).whiteSpace, scrollWidth: pre.scrollWidth, clientWidth: pre.clientWidth };
  })()`);
  expect(whiteSpace).toBe("pre");
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await page.close();
});

test("every API page links back to the playground and the front page", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const missing: string[] = [];
  for (const path of API_PAGES) {
    await page.goto(pathToFileURL(`${SITE}${path}`).href);
    const links = await page.evaluate<string[]>("[...document.querySelectorAll('a[href]')].map((a) => a.href)");
    if (!links.includes(PLAYGROUND.href)) missing.push(`${path}: no link to the playground`);
    if (!links.includes(pathToFileURL(`${SITE}index.html`).href)) missing.push(`${path}: no link to the front page`);
  }
  expect(missing).toEqual([]);
  await page.close();
});
