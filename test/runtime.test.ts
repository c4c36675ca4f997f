/**
 * SPEC 4: the core runs in any JavaScript runtime. The library entry is
 * bundled for the browser, with no Node polyfills, and run in a bare V8
 * context that has no `require`, `process` or `Buffer`.
 */

import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { beforeAll, describe, expect, test } from "vitest";
import { type BrowserBundle, bundleForBrowser } from "./support/browser-bundle";

const referenceListing = readFileSync(new URL("../fixtures/the-red-shoes.txt", import.meta.url), "utf8");

/** The module's exports, evaluated in a fresh context with only ECMAScript globals. */
function runBare(code: string): { context: Record<string, unknown>; exports: Record<string, unknown> } {
  const context = createContext({});
  runInContext(code, context, { filename: "film-listing.browser.js" });
  return { context, exports: runInContext("filmListing", context) as Record<string, unknown> };
}

describe("the library without Node", () => {
  let bundle: BrowserBundle;
  beforeAll(async () => {
    bundle = await bundleForBrowser();
  });

  test("bundles for the browser with no Node built-in among its inputs or imports", () => {
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.some((input) => input.startsWith("src/cli/"))).toBe(false);
    const imports = Object.values(bundle.metafile.inputs).flatMap((input) => input.imports.map((it) => it.path));
    expect(imports.filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(Object.values(bundle.metafile.outputs).flatMap((output) => output.imports)).toEqual([]);
  });

  test("runs in a context that has no require, process or Buffer", () => {
    const { context } = runBare(bundle.code);
    expect(runInContext("[typeof require, typeof process, typeof Buffer, typeof module]", context)).toEqual([
      "undefined",
      "undefined",
      "undefined",
      "undefined",
    ]);
  });

  test("parses the reference listing there: The Red Shoes, 1948", () => {
    const { exports } = runBare(bundle.code);
    const parseListing = exports.parseListing as (text: string) => { title: string; year: number };
    const film = parseListing(referenceListing);
    expect(film.title).toBe("The Red Shoes");
    expect(film.year).toBe(1948);
  });

  test("reports a bad listing there as a ListingError with its code and line", () => {
    const { exports } = runBare(bundle.code);
    const safeParseListing = exports.safeParseListing as (
      text: string,
    ) => { success: false; error: { name: string; code: string; line: number } } | { success: true };
    const result = safeParseListing("The Red Shoes\n7.5\n1948");
    expect(result.success).toBe(false);
    if (result.success) return;
    expect([result.error.name, result.error.code, result.error.line]).toEqual(["ListingError", "E_INVALID", 2]);
  });
});
