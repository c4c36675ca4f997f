/**
 * Scrape a film page with Playwright and parse it with film-listing: the
 * page's text, as `innerText()` gives it, becomes a typed `Film` record,
 * printed as JSON; or a `ListingError` that says which line of that text
 * went wrong and why, printed with the line and a caret (exit status 1).
 *
 * Usage: scrape-with-playwright <url> [selector]   (selector: default `main`)
 *
 * It imports the built package, `film-listing` (in this repository, `npm run build`
 * builds it; in your project, `npm install film-listing
 * playwright-core`). Run it on Node 22.6 or later with
 *
 *   node --experimental-strip-types examples/scrape-with-playwright.ts https://example.com/film/casablanca
 *
 * or, on Node 20, strip the types with the esbuild that tsup brings first:
 *
 *   npx esbuild examples/scrape-with-playwright.ts --outfile=examples/scrape-with-playwright.mjs
 *   node examples/scrape-with-playwright.mjs https://example.com/film/casablanca
 *
 * playwright-core drives a Chromium you already have: set CHROMIUM to its
 * path (`CHROMIUM=$(command -v chromium)`), and CHROMIUM_ARGS to extra
 * flags, such as `--no-sandbox` when running as root in a container.
 */

import { formatCodeFrame, ListingError, parseListing } from "film-listing";
import { chromium, type Page } from "playwright-core";

/** Opens `url` and returns the text of its `selector` element, as a person sees it. */
export async function scrapeText(page: Page, url: string, selector = "main"): Promise<string> {
  await page.goto(url);
  // innerText, not textContent: it leaves out hidden elements (menus,
  // dialogs, scripts) and puts each block, flex or grid item on its own
  // line, which is the layout the parser reads.
  return page.locator(selector).innerText();
}

const [url, selector = "main"] = process.argv.slice(2);
if (url === undefined) {
  console.error("usage: scrape-with-playwright <url> [selector]");
  process.exit(2);
}

const browser = await chromium.launch({
  ...(process.env.CHROMIUM ? { executablePath: process.env.CHROMIUM } : {}),
  args: process.env.CHROMIUM_ARGS?.split(" ").filter(Boolean) ?? [],
});
try {
  const text = await scrapeText(await browser.newPage(), url, selector);
  try {
    const film = parseListing(text);
    console.log(JSON.stringify(film, null, 2));
  } catch (error) {
    if (!(error instanceof ListingError)) throw error;
    // The error points into the scraped text: show its line with a caret.
    console.error(`${url}:${error.line}:${error.column}: ${error.code} ${error.reason}`);
    console.error(formatCodeFrame(error, text));
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
