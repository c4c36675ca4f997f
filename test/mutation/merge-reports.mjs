// Merges the incremental reports of mutation runs over single files into
// reports/stryker-incremental.json, the file a full `npm run mutate` reuses.
//
// A run over one file (`npm run mutate -- --mutate src/format.ts
// --incrementalFile reports/parts/format.json`) writes a report of
// that file (or range of lines) alone; this keeps each mutant's result from the
// newest report that holds it, and renumbers the tests, whose ids are per report.
//
//   node test/mutation/merge-reports.mjs reports/stryker-incremental.json reports/parts/*.json

import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";

const OUT = "reports/stryker-incremental.json";
const inputs = process.argv.slice(2).sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
if (inputs.length === 0) {
  console.error("usage: node test/mutation/merge-reports.mjs <report.json>...");
  process.exit(2);
}

const reports = inputs.map((path) => JSON.parse(readFileSync(path, "utf8")));
const merged = { ...reports.at(-1), files: {}, testFiles: {} };
/** Test id in the merged report, by test file and name. */
const ids = new Map();
const testId = (file, name) => {
  const key = `${file}\u0000${name}`;
  if (!ids.has(key)) {
    ids.set(key, String(ids.size));
    merged.testFiles[file] ??= { source: "", tests: [] };
    merged.testFiles[file].tests.push({ id: ids.get(key), name });
  }
  return ids.get(key);
};

/** A mutant by what it changes and where, the same in every report. */
const identity = ({ mutatorName, replacement, location: { start, end } }) =>
  `${mutatorName} ${replacement} ${start.line}:${start.column}-${end.line}:${end.column}`;

for (const report of reports) {
  const where = new Map();
  for (const [file, { source, tests }] of Object.entries(report.testFiles ?? {})) {
    for (const test of tests) where.set(test.id, [file, test.name, test.location]);
    merged.testFiles[file] ??= { source, tests: [] };
    merged.testFiles[file].source = source;
  }
  const remap = (list) =>
    list?.map((id) => {
      const [file, name] = where.get(id);
      return testId(file, name);
    });
  for (const [file, result] of Object.entries(report.files)) {
    // A run over a range of lines (`--mutate src/record/values.ts:60-140`) holds
    // some of a file's mutants: they replace the same mutants of older runs
    // of the same source.
    // A newer source of the file makes the older results void.
    const older = merged.files[file]?.source === result.source ? merged.files[file].mutants : [];
    const mutants = new Map(older.map((mutant) => [identity(mutant), mutant]));
    for (const mutant of result.mutants) {
      mutants.set(identity(mutant), {
        ...mutant,
        coveredBy: remap(mutant.coveredBy),
        killedBy: remap(mutant.killedBy),
      });
    }
    merged.files[file] = {
      ...result,
      mutants: [...mutants.values()].map((mutant, id) => ({ ...mutant, id: String(id) })),
    };
  }
}
// Keep each test's location from the newest report that has it.
for (const report of reports) {
  for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) {
    for (const test of tests) {
      const merged_ = merged.testFiles[file].tests.find((entry) => entry.name === test.name);
      if (merged_ !== undefined && test.location !== undefined) merged_.location = test.location;
    }
  }
}
// An older part may hold a file that is gone: its results are dropped.
for (const file of Object.keys(merged.files)) if (!existsSync(file)) delete merged.files[file];
writeFileSync(OUT, `${JSON.stringify(merged, null, 2)}\n`);
const counts = Object.entries(merged.files).map(([file, { mutants }]) => `${file} ${mutants.length}`);
console.log(`${OUT}: ${counts.join(", ")}`);
