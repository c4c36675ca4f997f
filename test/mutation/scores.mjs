// Prints the mutation score of each file of an incremental report as the
// Markdown table of the README, then, with --survivors, each mutant that
// survived or that no test reached, with its line.
//
//   node test/mutation/scores.mjs [report.json] [--survivors]

import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const survivors = args.includes("--survivors");
const [path = "reports/stryker-incremental.json"] = args.filter((arg) => !arg.startsWith("--"));
const report = JSON.parse(readFileSync(path, "utf8"));

/** Statuses in the score, detected (killed, timed out) or not (survived, no coverage), then the mutants marked equivalent. */
const COUNTED = ["Killed", "Timeout", "Survived", "NoCoverage", "Ignored"];

/** One row per file. */
const rowOf = (file) => file;

const rows = new Map();
const total = Object.fromEntries(COUNTED.map((status) => [status, 0]));
for (const [file, { mutants }] of Object.entries(report.files)) {
  const row = rows.get(rowOf(file)) ?? Object.fromEntries(COUNTED.map((status) => [status, 0]));
  rows.set(rowOf(file), row);
  for (const { status } of mutants) {
    if (status in row) {
      row[status]++;
      total[status]++;
    }
  }
}

const score = (row) => {
  const detected = row.Killed + row.Timeout;
  const all = detected + row.Survived + row.NoCoverage;
  return all === 0 ? "n/a" : `${((100 * detected) / all).toFixed(1)}%`;
};
const line = (name, row) =>
  `| ${name} | ${score(row)} | ${row.Killed} | ${row.Timeout} | ${row.Survived} | ${row.NoCoverage} | ${row.Ignored} |`;

console.log("| file | score | killed | timed out | survived | no coverage | marked equivalent (or static, left out) |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [name, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) console.log(line(`\`${name}\``, row));
console.log(line("all", total));

if (survivors) {
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const lines = source.split("\n");
    for (const mutant of mutants) {
      if (mutant.status !== "Survived" && mutant.status !== "NoCoverage") continue;
      const { line: at, column } = mutant.location.start;
      console.log(`\n${file}:${at}:${column} ${mutant.mutatorName} (${mutant.status}): ${mutant.replacement ?? ""}`);
      console.log(`  ${lines[at - 1]?.trim()}`);
    }
  }
}
