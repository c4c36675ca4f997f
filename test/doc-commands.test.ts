/**
 * Every terminal example of the documentation prints what the docs show:
 * each ```console block of README.md, docs/*.md and fixtures/README.md is
 * run, command by command, with the command built from the sources and
 * installed in a copy of the folder its session names, and what each
 * command prints (stdout and stderr as a terminal interleaves them) and its
 * exit status must be the block's text. The convention is described in
 * test/support/doc-commands.ts.
 *
 * `npm run docs:commands` rewrites the blocks that are out of date from
 * real runs (it runs this file with DOC_COMMANDS=write).
 */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeFilmJsonSchema } from "../src/json-schema";
import tsupConfig from "../tsup.config";
import { type ConsoleBlock, docSessions, type Ran, rewrite, runIn, type Session, stage } from "./support/doc-commands";

const ROOT = join(import.meta.dirname, "..");
const CACHE = join(ROOT, "node_modules", ".cache");
const WRITE = process.env.DOC_COMMANDS === "write";
const REGENERATE = "npm run docs:commands";

const found = docSessions(ROOT);
let work: string;
/** The package as it installs: package.json and dist/ (the command and the JSON Schema). */
let packageDir: string;

beforeAll(async () => {
  mkdirSync(CACHE, { recursive: true });
  work = mkdtempSync(join(CACHE, "film-listing-docs-"));
  packageDir = join(work, "package");
  const dist = join(packageDir, "dist");
  // The command's two builds, from the package's own tsup entries, into a folder of their own.
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  for (const config of configs.filter((config) => JSON.stringify(config.entry).includes("src/cli/"))) {
    await build({ ...config, outDir: dist, clean: false, config: false, silent: true, sourcemap: false });
  }
  writeFileSync(join(dist, "schema.json"), `${JSON.stringify(makeFilmJsonSchema(), null, 2)}\n`);
  cpSync(join(ROOT, "package.json"), join(packageDir, "package.json"));
}, 120_000);

const rewritten = new Map<string, { from: number; to: number; lines: string[] }[]>();

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  if (!WRITE) return;
  for (const [file, edits] of rewritten) {
    const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
    for (const edit of edits.sort((a, b) => b.from - a.from))
      lines.splice(edit.from, edit.to - edit.from, ...edit.lines);
    writeFileSync(join(ROOT, file), lines.join("\n"));
  }
});

describe("the documentation's terminal examples", () => {
  test("are all run, or left out with a reason", () => {
    expect(found.problems).toEqual([]);
    expect(found.blocks.length).toBeGreaterThan(0);
    for (const { reason } of found.notRun) expect(reason.trim().length).toBeGreaterThan(0);
  });

  const stages = new Map<Session, string>();
  describe.each(groupBy(found.blocks, (block) => block.file))("%s", (_file, blocks) => {
    test.each(blocks.map((block) => [block.where, block] as const))(
      "%s",
      async (_where, block: ConsoleBlock) => {
        let dir = stages.get(block.session);
        if (dir === undefined) {
          dir = await stage(ROOT, packageDir, block.session, work);
          stages.set(block.session, dir);
        }
        const runs: Ran[] = [];
        for (const command of block.commands) runs.push(await runIn(dir, command.line));
        const lines = rewrite(block, runs);
        const documented = readFileSync(join(ROOT, block.file), "utf8").split("\n").slice(block.from, block.to);
        if (WRITE) {
          const edits = rewritten.get(block.file) ?? [];
          edits.push({ from: block.from, to: block.to, lines });
          rewritten.set(block.file, edits);
          return;
        }
        expect(
          lines.join("\n"),
          `${block.where} does not show what its commands print; \`${REGENERATE}\` rewrites it from real runs`,
        ).toBe(documented.join("\n"));
      },
      60_000,
    );
  });
});

function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}
