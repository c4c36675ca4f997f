// `npm run fixtures`: compares every fixture's committed JSON with what the
// built command makes of its text, with the command itself, as CI does:
// the listings and the expected errors with `parse`, the inspections with
// `inspect`, at the date CI checks them against. `-- --update` writes the
// JSON of a new fixture and rewrites each one that differs, for review with
// `git diff` before committing. Exits 1 when a fixture drifted or failed.

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { update: { type: "boolean", default: false } } });
const ROOT = join(import.meta.dirname, "..", "..");
const mode = values.update ? "--update" : "--check";
const listings = readdirSync(join(ROOT, "fixtures"))
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => join("fixtures", name));

let status = 0;
for (const args of [
  ["parse", ...listings, join("fixtures", "errors")],
  ["inspect", join("fixtures", "inspect")],
]) {
  const run = spawnSync(process.execPath, ["dist/cli.cjs", ...args, mode, "--reference-date", "2026-11-25"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  status = Math.max(status, run.status ?? 1);
}
process.exitCode = status;
