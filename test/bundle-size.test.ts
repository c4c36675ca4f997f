/**
 * Bundle budgets: the library is built as `npm run build` builds it (its ESM
 * entry, from tsup.config.ts), then three apps are bundled against it for
 * the browser, minified and gzipped. A change that makes one heavier than
 * its budget fails here, with the modules that fill the bundle.
 */

import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import tsupConfig from "../tsup.config";
import { BUDGETS, type BundleSize, bundleApp, kilobytes, measureBundles } from "./support/bundle-size.mjs";

const ROOT = join(import.meta.dirname, "..");
/** Inside the package, so that the build's imports of zod and date-fns resolve as dist/index.js's do. */
const CACHE = join(ROOT, "node_modules", ".cache");

let outDir: string;
let library: string;
let sizes: BundleSize[];

beforeAll(async () => {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const libraryConfig = configs.find((config) => JSON.stringify(config.entry).includes("src/index.ts"));
  if (libraryConfig === undefined) throw new Error("tsup.config.ts has no entry for src/index.ts");
  await mkdir(CACHE, { recursive: true });
  outDir = await mkdtemp(join(CACHE, "film-listing-size-"));
  // Only its ESM entry, without declarations, and without `onSuccess`, which writes into dist/.
  const { onSuccess: _, ...esmBuild } = libraryConfig;
  await build({
    ...esmBuild,
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    outDir,
    config: false,
    silent: true,
  });
  library = join(outDir, "index.js");
  sizes = await measureBundles(library);
  console.log(
    sizes
      .map(
        ({ name, minified, gzipped, budget }) =>
          `${name.padEnd(18)} ${kilobytes(gzipped).padStart(8)} gzipped (${kilobytes(minified)} minified), budget ${kilobytes(budget)}`,
      )
      .join("\n"),
  );
}, 120_000);

afterAll(async () => {
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

describe("browser bundle budgets, minified and gzipped", () => {
  test.each(BUDGETS.map(({ name, budget }) => [name, kilobytes(budget)]))(
    "an app importing %s stays within %s",
    (name) => {
      const size = sizes.find((measured) => measured.name === name) as BundleSize;
      const largest = size.inputs
        .slice(0, 8)
        .map(({ input, bytes }) => `${input} ${bytes} B`)
        .join(", ");
      expect(
        size.gzipped,
        `${name}: ${size.gzipped} B gzipped; largest inputs before gzip: ${largest}`,
      ).toBeLessThanOrEqual(size.budget);
    },
  );

  test("an app that only parses bundles zod's core alone: no classic zod, no zod/mini, no locale and no JSON Schema code", () => {
    const parseOnly = sizes.find((measured) => measured.name === "parseListing only") as BundleSize;
    const inputs = parseOnly.inputs.map(({ input }) => input);
    expect(inputs.filter((input) => input.startsWith("zod/") && !input.startsWith("zod/v4/core/"))).toEqual([]);
    expect(inputs.some((input) => input.includes("json-schema"))).toBe(false);
  });

  test("an app that only parses bundles no code that finds or places spans, which only inspectListing needs", async () => {
    const { output } = await bundleApp(library, 'export { parseListing } from "film-listing";', { minify: false });
    expect(output.text).toContain("function parseListing(");
    expect(output.text).not.toContain("SpanList");
    expect(output.text).not.toContain("function placeSpans(");
  });

  test("an app that only reads GENRES bundles no zod and no date-fns, and parsimmon only as its one unshakeable module", () => {
    const genresOnly = sizes.find((measured) => measured.name === "GENRES only") as BundleSize;
    // Parsimmon ships as one CommonJS file, which a bundler keeps whole once it is imported.
    expect(
      genresOnly.inputs
        .map(({ input }) => input)
        .filter((input) => !input.includes("film-listing-size-") && !input.startsWith("parsimmon/")),
    ).toEqual([]);
  });
});
