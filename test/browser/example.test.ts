/**
 * examples/scrape-with-playwright.ts, run as its comment says on Node 20:
 * types stripped with esbuild, then `node` on the result, which imports the
 * built package. It scrapes a local page into its record, and reports a
 * page that is not a film listing with its line, column and code.
 */

import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { beforeAll, expect, test } from "vitest";
import { CHROMIUM_FLAGS, chromiumPath } from "./chromium";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCRIPT = `${ROOT}examples/scrape-with-playwright.mjs`;
const PAGE = new URL("pages/casablanca-flex-chips.html", import.meta.url);

beforeAll(async () => {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["examples/scrape-with-playwright.ts"],
    outfile: SCRIPT,
    logLevel: "warning",
  });
});

/** Runs the example with the system Chromium and the flags of the other browser tests. */
function scrape(url: string) {
  return run(process.execPath, [SCRIPT, url], {
    env: { ...process.env, CHROMIUM: chromiumPath(), CHROMIUM_ARGS: CHROMIUM_FLAGS.join(" ") },
  });
}

test("prints the record of a scraped page as JSON", async () => {
  const { stdout } = await scrape(PAGE.href);
  expect(JSON.parse(stdout)).toEqual(
    JSON.parse(readFileSync(new URL("pages/casablanca-flex-chips.json", import.meta.url), "utf8")),
  );
});

test("reports a page that is not a film listing with its position and code frame, exit status 1", async () => {
  const url = "data:text/html,<main><h1>Home</h1><p>Watch now</p></main>";
  const failure = await scrape(url).then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stdout).toBe("");
  expect(failure?.stderr).toBe(
    `${url}:3:10: E_MISSING_YEAR expected a year like 1948, found the end\n  2 |\n> 3 | Watch now\n    |          ^\n`,
  );
});
