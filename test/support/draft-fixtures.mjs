// `npm run fixtures`: drafts the JSON of new golden fixtures and shows how the
// parser's output differs from the committed ones, without overwriting them.
//
// Golden files are written and reviewed by hand (fixtures/README.md): a
// fixture whose .json is missing gets a draft from the parser, to check
// against the layout before committing; a committed .json the parser no
// longer matches is shown as a diff and left alone, unless `--force` is given
// after reviewing that diff. Exits 1 when a fixture differs or fails to parse.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { safeParseListing } from "../../dist/index.js";

const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
/** The date the fixtures are checked against, as in CI. */
const referenceDate = new Date("2026-11-25T00:00:00Z");

const scratch = mkdtempSync(join(tmpdir(), "film-listing-fixtures-"));
let failed = 0;
try {
  for (const name of readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".txt"))
    .sort()) {
    const txt = join(FIXTURES, name);
    const json = `${txt.slice(0, -".txt".length)}.json`;
    const relative = `fixtures/${name.slice(0, -".txt".length)}.json`;
    const result = safeParseListing(readFileSync(txt, "utf8"), { referenceDate });
    if (!result.success) {
      console.error(`fixtures/${name}: ${result.error.code} ${result.error.message}`);
      failed++;
      continue;
    }
    const drafted = `${JSON.stringify(result.data, null, 2)}\n`;
    if (!existsSync(json)) {
      writeFileSync(json, drafted);
      console.log(`${relative}: written as a draft from the parser; check it by hand before committing`);
      continue;
    }
    if (readFileSync(json, "utf8") === drafted) continue;
    if (values.force) {
      writeFileSync(json, drafted);
      console.log(`${relative}: overwritten (--force)`);
      continue;
    }
    const draft = join(scratch, name.replace(/\.txt$/, ".json"));
    writeFileSync(draft, drafted);
    spawnSync("git", ["diff", "--no-index", "--", json, draft], { stdio: "inherit" });
    console.error(`${relative}: the parser's record differs (above: committed, then parsed); left as it is`);
    failed++;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed > 0) {
  console.error(`${failed} fixture(s) differ or fail; fix the parser, or review and run npm run fixtures -- --force`);
  process.exitCode = 1;
}
