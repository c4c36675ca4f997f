/**
 * The playground as the browser tests drive it: opened from disk, with the
 * main thread's long tasks recorded, texts pasted as a user pastes them,
 * and a wait for the page to show the reading of the text on show.
 */

import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

export const ROOT = new URL("../../", import.meta.url);
export const PLAYGROUND = new URL("site/playground/index.html", ROOT);

interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly withoutWorkers?: boolean;
  /** Code each worker the page starts runs before its own (see {@link crashingWorker}); `window.workersStarted` counts them. */
  readonly workerPrelude?: string;
}

/**
 * Code run in a worker before its own: a listener that keeps a text holding
 * `marker` from the worker's and throws, so that the worker answers nothing
 * and the page gets an error event, as from a worker out of memory.
 */
export const crashingWorker = (marker: string): string => `self.addEventListener("message", (event) => {
  if (String(event.data.text).includes(${JSON.stringify(marker)})) {
    event.stopImmediatePropagation();
    throw new Error("out of memory");
  }
});
`;

/** Opens the playground in a page of `width` px and waits for its first reading. */
export async function openPlayground(
  browser: Browser,
  { width = 1280, height = 860, withoutWorkers = false, workerPrelude }: OpenOptions = {},
): Promise<Page> {
  if (!existsSync(PLAYGROUND)) throw new Error("site/playground/index.html is missing: run `npm run site` first");
  const page = await browser.newPage({ viewport: { width, height } });
  // Page-side code is given as text: these tests are type-checked without the DOM's types.
  await page.addInitScript(`
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
    // A browser where no worker starts, as under a policy that forbids them.
    if (${withoutWorkers})
      window.Worker = class {
        constructor() {
          throw new DOMException("workers are not allowed here", "SecurityError");
        }
      };
    window.workersStarted = 0;
    if (${workerPrelude !== undefined}) {
      const Started = window.Worker;
      window.Worker = class extends Started {
        constructor(url, options) {
          const source = ${JSON.stringify(workerPrelude ?? "")} + playgroundWorkerSource;
          super(URL.createObjectURL(new Blob([source], { type: "text/javascript" })), options);
          window.workersStarted++;
        }
      };
    }
  `);
  await page.goto(PLAYGROUND.href);
  await settle(page);
  return page;
}

/** Waits until the page shows the reading of the text on show. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction('!document.getElementById("output").hasAttribute("aria-busy")', null, {
    timeout: 60_000,
  });
}

/** A text made in the page, so that megabytes need not cross the wire: `head` then `line` repeated. */
export interface Made {
  readonly head: string;
  readonly line: string;
  readonly times: number;
}

export const made = ({ head, line, times }: Made): string => head + line.repeat(times);

/**
 * Pastes a text over the whole listing, as the clipboard does: a `paste`
 * event the page may take over, else the text in place of the selection
 * and an `input` event.
 */
export async function paste(page: Page, text: Made): Promise<void> {
  await page.evaluate(`(() => {
    const area = document.getElementById("listing");
    const pasted = ${JSON.stringify(text.head)} + ${JSON.stringify(text.line)}.repeat(${text.times});
    area.focus();
    area.select();
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    area.dispatchEvent(event);
    if (event.defaultPrevented || area.readOnly) return;
    area.setRangeText(pasted, area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  })()`);
}

/** Forgets the long tasks so far. */
export const forgetLongTasks = (page: Page) => page.evaluate("window.longTasks.length = 0");

/** The longest main-thread task since the last {@link forgetLongTasks}, in ms (0 when none took 50 ms). */
export const longestTask = (page: Page): Promise<number> => page.evaluate<number>("Math.max(0, ...window.longTasks)");

/** The issues as listed: `code line:column reason`. */
export const listedIssues = (page: Page) => page.locator("ul#issues > li").allInnerTexts();

export const statusText = (page: Page) => page.locator("#status").innerText();
