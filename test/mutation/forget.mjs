// Forgets the mutants of some statuses in an incremental report, so that
// the next `npm run mutate` tests them again. For timeouts above all: a
// mutant that only ran slowly on a loaded machine counts as detected, and
// deserves a second run on a quiet one.
//
//   node test/mutation/forget.mjs Timeout [report.json]

import { readFileSync, writeFileSync } from "node:fs";

const [statuses = "", path = "reports/stryker-incremental.json"] = process.argv.slice(2);
const forgotten = new Set(statuses.split(",").filter(Boolean));
if (forgotten.size === 0) {
  console.error("usage: node test/mutation/forget.mjs <Status>[,<Status>...] [report.json]");
  process.exit(2);
}

const report = JSON.parse(readFileSync(path, "utf8"));
for (const [file, result] of Object.entries(report.files)) {
  const kept = result.mutants.filter((mutant) => !forgotten.has(mutant.status));
  if (kept.length < result.mutants.length) {
    console.log(`${file}: ${result.mutants.length - kept.length} forgotten`);
  }
  result.mutants = kept;
}
writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
