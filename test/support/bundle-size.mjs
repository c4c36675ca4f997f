/**
 * What an app that uses the package pays in a browser bundle: three apps,
 * each bundled with esbuild for the browser (minified, tree-shaken, the
 * package's dependencies included) and gzipped. The bundle-size test holds
 * them to their budgets; the benchmark prints them.
 */

import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** One kilobyte of a budget: 1,000 bytes. */
export const KB = 1000;

/**
 * The apps and their budgets, minified and gzipped: one that only parses,
 * one that imports every export, one that only reads a vocabulary.
 */
export const BUDGETS = [
  { name: "parseListing only", code: 'export { parseListing } from "film-listing";', budget: 24 * KB },
  // The target is 48 KB; classic zod, which FilmSchema is written in, fills
  // about 26 KB of it, so the test holds the bundle at 50 KB against growth.
  { name: "everything", code: 'export * from "film-listing";', budget: 50 * KB, target: 48 * KB },
  { name: "GENRES only", code: 'export { GENRES } from "film-listing";', budget: 8 * KB },
];

/**
 * @typedef {object} BundleSize
 * @property {string} name the app, as in {@link BUDGETS}
 * @property {number} budget its budget in bytes, gzipped, which the test holds it to
 * @property {number} [target] the size the benchmark judges it by, where smaller than its budget
 * @property {number} minified bytes of the minified bundle
 * @property {number} gzipped bytes of the minified bundle, gzipped
 * @property {{ input: string, bytes: number }[]} inputs the modules in the bundle, largest first (bytes before gzip)
 */

/**
 * Bundles one app against `library`, the package's ESM entry file as the
 * build writes it (`dist/index.js`), as a browser app would be.
 *
 * @param {string} library absolute path of the ESM entry that `film-listing` names
 * @param {string} code the app's own module
 * @param {{ minify: boolean }} options
 */
export async function bundleApp(library, code, { minify }) {
  const result = await build({
    stdin: { contents: code, loader: "js", resolveDir: process.cwd() },
    alias: { "film-listing": library },
    bundle: true,
    minify,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild wrote no bundle for ${code}`);
  return { output, metafile: result.metafile };
}

/**
 * Bundles each app of {@link BUDGETS} against `library`, minified.
 *
 * @param {string} library absolute path of the ESM entry that `film-listing` names
 * @returns {Promise<BundleSize[]>}
 */
export async function measureBundles(library) {
  const sizes = [];
  for (const { name, code, budget, target } of BUDGETS) {
    const { output, metafile } = await bundleApp(library, code, { minify: true });
    const [outputMeta] = Object.values(metafile.outputs);
    const inputs = Object.entries(outputMeta?.inputs ?? {})
      .map(([input, { bytesInOutput }]) => ({ input: input.replace(/^.*node_modules\//, ""), bytes: bytesInOutput }))
      .filter(({ bytes }) => bytes > 0)
      .sort((a, b) => b.bytes - a.bytes);
    sizes.push({
      name,
      budget,
      target,
      minified: output.contents.length,
      gzipped: gzipSync(output.contents).length,
      inputs,
    });
  }
  return sizes;
}

/**
 * Kilobytes with one decimal, as the README gives them.
 *
 * @param {number} bytes
 * @returns {string}
 */
export function kilobytes(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}
