// `npm run site`: builds the documentation site into site/ — the front
// page, the playground (classic scripts only, so that it works from file://
// as from any static host: its worker's code is inlined as a string and
// started from a Blob URL) and the API reference with the guides (typedoc,
// with a link back to the playground on every page).

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = join(ROOT, "docs/site");
const SITE = join(ROOT, "site");
const PLAYGROUND = join(SITE, "playground");
const TARGET = ["chrome109", "firefox115", "safari16"];

/** Words in a fixture's slug that say its text carries noise: not the first example to show. */
const NOISY = /noise|crlf|cr-only|bom|nbsp|tab|indented/;

await rm(SITE, { recursive: true, force: true });
await mkdir(PLAYGROUND, { recursive: true });

// The API reference, with the README as its front page and the guides as pages.
const typedoc = join(dirname(createRequire(import.meta.url).resolve("typedoc/package.json")), "bin/typedoc");
execFileSync(process.execPath, [typedoc, "--options", join(HERE, "typedoc.json"), "--out", join(SITE, "api")], {
  cwd: ROOT,
  stdio: "inherit",
});
// typedoc writes the links of its header and sidebar as given; each page
// gets them relative to where it lies.
for (const entry of await readdir(join(SITE, "api"), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = join(entry.parentPath, entry.name);
  const root = relative(dirname(file), SITE).split(sep).join("/") || ".";
  const html = await readFile(file, "utf8");
  await writeFile(
    file,
    html.replaceAll('href="site:/', () => `href="${root}/`),
  );
}

// The library's browser build: the package entry as one script that
// defines the global `filmListing`, which the page loads only when it
// cannot start its worker.
const browserBuild = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: "browser",
  format: "iife",
  target: TARGET,
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
};
await build({
  ...browserBuild,
  entryPoints: ["src/index.ts"],
  globalName: "filmListing",
  outfile: join(PLAYGROUND, "film-listing.js"),
});

// The worker, the same library with its message handler, as a string the
// page starts from a Blob URL: a worker script loaded by URL does not start
// from file://.
const worker = await build({ ...browserBuild, entryPoints: ["docs/site/worker.ts"], write: false });
await writeFile(
  join(PLAYGROUND, "worker-source.js"),
  `var playgroundWorkerSource = ${JSON.stringify(worker.outputFiles[0].text)};\n`,
);

// The page's own script, which uses only that global.
await build({
  absWorkingDir: ROOT,
  entryPoints: ["docs/site/playground.ts"],
  bundle: true,
  platform: "browser",
  format: "iife",
  target: TARGET,
  outfile: join(PLAYGROUND, "playground.js"),
  logLevel: "warning",
});

/** The reference listing, then one listing per error code. */
async function samples() {
  const read = (path) => readFile(join(ROOT, path), "utf8");
  const list = [
    { group: "Valid", label: "The Red Shoes (the reference listing)", text: await read("fixtures/the-red-shoes.txt") },
  ];
  const byCode = new Map();
  for (const name of (await readdir(join(ROOT, "fixtures/errors"))).filter((file) => file.endsWith(".json")).sort()) {
    const slug = basename(name, ".json");
    const { error } = JSON.parse(await read(`fixtures/errors/${name}`));
    const text = await read(`fixtures/errors/${slug}.txt`);
    const candidate = { slug, error, text };
    const best = byCode.get(error.code);
    // The clean listing before the noisy one, then the longer: it shows more of the layout.
    const rank = (c) => [NOISY.test(c.slug) ? 1 : 0, -c.text.length];
    if (best === undefined || compare(rank(candidate), rank(best)) < 0) byCode.set(error.code, candidate);
  }
  for (const [code, { slug, error, text }] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    list.push({
      group: "One per error code",
      label: `${code} at ${error.line}:${error.column} (${slug})`,
      text,
      error,
    });
  }
  return list;
}

function compare(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** JSON inside `<script type="application/json">`: no `</script>` or `<!--` can end it early. */
const inScript = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

const page = await readFile(join(HERE, "playground.html"), "utf8");
const sampleList = await samples();
await writeFile(
  join(PLAYGROUND, "index.html"),
  page.replace('id="samples">[]<', () => `id="samples">${inScript(sampleList)}<`),
);
await copyFile(join(HERE, "playground.css"), join(PLAYGROUND, "playground.css"));
await copyFile(join(HERE, "site.css"), join(SITE, "site.css"));
await copyFile(join(HERE, "index.html"), join(SITE, "index.html"));

// Every local link of the hand-written pages must lead somewhere: the
// guides' file names come from their titles.
for (const file of [join(SITE, "index.html"), join(PLAYGROUND, "index.html")]) {
  const html = await readFile(file, "utf8");
  for (const [, href] of html.matchAll(/(?:href|src)="([^"#:]+)(?:#[^"]*)?"/g)) {
    if (!existsSync(join(dirname(file), href)))
      throw new Error(`${file}: link to ${href}, which the build did not make`);
  }
}
console.log(`site: open ${join(SITE, "index.html")}`);
