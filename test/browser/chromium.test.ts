/**
 * The browser bundle of the library, run in headless Chromium: a page
 * parses the reference listing and writes the record into its body, which
 * `chromium --dump-dom` prints.
 */

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { bundleForBrowser } from "../support/browser-bundle";

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM ?? "chromium";
const REFERENCE_TXT = readFileSync(new URL("../../fixtures/the-red-shoes.txt", import.meta.url), "utf8");
const REFERENCE_FILM: unknown = JSON.parse(
  readFileSync(new URL("../../fixtures/the-red-shoes.json", import.meta.url), "utf8"),
);
const scratch = mkdtempSync(join(tmpdir(), "film-listing-chromium-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A script's text made safe inside `<script>`. */
const inScript = (code: string): string => code.replace(/<\/(script)/gi, "<\\/$1");

test("parses the reference listing in headless Chromium into its record", async () => {
  const { code } = await bundleForBrowser();
  const page = join(scratch, "page.html");
  writeFileSync(
    page,
    `<!doctype html><html><body><script>${inScript(code)}</script><script>
let result;
try {
  result = { film: filmListing.parseListing(${inScript(JSON.stringify(REFERENCE_TXT))}) };
} catch (error) {
  result = { error: String(error) };
}
document.body.textContent = encodeURIComponent(JSON.stringify(result));
</script></body></html>`,
  );
  const { stdout } = await run(
    CHROMIUM,
    ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", pathToFileURL(page).href],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const body = /<body>([^<]*)<\/body>/.exec(stdout)?.[1]?.trim() ?? "";
  expect(JSON.parse(decodeURIComponent(body))).toEqual({ film: REFERENCE_FILM });
});
