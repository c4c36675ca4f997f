import { execFileSync, type StdioOptions, spawn } from "node:child_process";
import { openSync, statSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import packageJson from "../package.json";
import { filmJsonSchema, inspectListing, toSchemaOrg } from "../src/index";
import tsupConfig from "../tsup.config";

const ROOT = join(import.meta.dirname, "..");

/** Whether every folder above and at `path` lets other users pass through it. */
function othersCanReach(path: string): boolean {
  for (let folder = path; ; folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) return false;
    if (dirname(folder) === folder) return true;
  }
}

/**
 * Who runs the command when a test needs file modes to count: the test's
 * own user, or as root (whom no mode stops) the unprivileged `nobody`;
 * "none" when running as root on a system without that user, or in a
 * clone that user cannot reach (under a private home or temporary folder).
 */
const UNPRIVILEGED: "self" | "none" | { readonly uid: number; readonly gid: number } = (() => {
  if (process.getuid?.() !== 0) return "self";
  if (!othersCanReach(ROOT)) return "none";
  try {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "nobody"], { encoding: "utf8" })));
    return uid !== undefined && gid !== undefined && uid > 0 && gid > 0 ? { uid, gid } : "none";
  } catch {
    return "none";
  }
})();
const FIXTURES = join(ROOT, "fixtures");
/** Inside the package, so that the built file finds zod and date-fns in node_modules as dist/cli.js does. */
const CACHE = join(ROOT, "node_modules", ".cache");

/** Each test spawns node a few times; a busy machine can take seconds for each. */
const SPAWN_TIMEOUT = 60_000;

let cli: string;
let work: string;

beforeAll(async () => {
  // Built once, with the package's own tsup entry for the CLI, into a folder of its own so
  // that a build of dist/ running at the same time cannot get in the way.
  // The command is two builds: its entry (src/cli/main.ts) and the commands it imports on demand.
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const builds = configs.filter((config) => JSON.stringify(config.entry).includes("src/cli/"));
  if (!builds.some((config) => JSON.stringify(config.entry).includes("src/cli/main.ts"))) {
    throw new Error("tsup.config.ts has no entry for src/cli/main.ts");
  }
  await mkdir(CACHE, { recursive: true });
  const outDir = await mkdtemp(join(CACHE, "film-listing-cli-"));
  // `clean` would empty the folder (tsup's patterns add to "everything"): the folder is new, and the second build must keep the first.
  for (const config of builds) {
    await build({ ...config, outDir, clean: false, config: false, silent: true, sourcemap: false });
  }
  cli = join(outDir, "cli.cjs");
  work = await mkdtemp(join(CACHE, "film-listing-cli-work-"));
}, 60_000);

afterAll(async () => {
  if (cli !== undefined) await rm(join(cli, ".."), { recursive: true, force: true });
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a run: colour left to the command, whatever the test runner's own environment says. */
function envWith(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NO_COLOR: _, FORCE_COLOR: __, ...env } = process.env;
  return { ...env, ...extra };
}

interface RunOptions {
  /** Piped to stdin; empty when not given. */
  readonly input?: string | Buffer;
  readonly env?: Record<string, string>;
  /** A file descriptor for stdout or stderr instead of a pipe (`/dev/full`). */
  readonly stdout?: number;
  readonly stderr?: number;
  /** Run as this user, not as the test's. */
  readonly user?: { readonly uid: number; readonly gid: number } | undefined;
}

/** Runs the built CLI as a user would, with `input` piped to its stdin (empty when not given). */
function runCli(args: readonly string[], input: string | Buffer | RunOptions = ""): Promise<Run> {
  const options: RunOptions = typeof input === "string" || Buffer.isBuffer(input) ? { input } : input;
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = ["pipe", options.stdout ?? "pipe", options.stderr ?? "pipe"];
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: work,
      env: envWith(options.env),
      stdio,
      ...(options.user === undefined ? {} : { uid: options.user.uid, gid: options.user.gid }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin?.end(options.input ?? "");
  });
}

const fixture = (name: string) => readFile(join(FIXTURES, name), "utf8");

/** The fixture record `name` as `--out-dir` writes it into `folder`: a `$schema` key first, pointing at dist/schema.json. */
async function written(folder: string, name: string): Promise<string> {
  const $schema = relative(folder, join(ROOT, "dist", "schema.json"));
  return `${JSON.stringify({ $schema, ...JSON.parse(await fixture(name)) }, null, 2)}\n`;
}

/** A fresh folder under the work folder, holding the given files. */
async function folderWith(name: string, files: Record<string, string>): Promise<string> {
  const folder = join(work, name);
  await rm(folder, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(folder, path, ".."), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

const SUMMARY =
  /^film-listing: (\d+) parsed, (?:(\d+) expected errors?, )?(\d+) failed(?:, (\d+) drifted)?(?:, (\d+) updated)? in \d+\.\d\ds$/;

/** The listing fixtures, `fixtures/*.txt`. */
async function listingTexts(): Promise<string[]> {
  return (await readdir(FIXTURES)).filter((name) => name.endsWith(".txt")).map((name) => join(FIXTURES, name));
}

/** The counts of the summary line that ends stderr; `undefined` for a count the line does not give. */
function summaryOf(stderr: string) {
  const last = stderr.trimEnd().split("\n").at(-1) ?? "";
  const match = SUMMARY.exec(last);
  if (match === null) throw new Error(`no summary line at the end of stderr:\n${stderr}`);
  const [, parsed, expectedErrors, failed, drifted, updated] = match.map((group) =>
    group === undefined ? undefined : Number(group),
  );
  return updated === undefined
    ? { parsed, expectedErrors, failed, drifted }
    : { parsed, expectedErrors, failed, updated };
}

describe.concurrent("film-listing parse", { timeout: SPAWN_TIMEOUT }, () => {
  test("prints one file's record as the pretty JSON of its fixture", async () => {
    const run = await runCli(["parse", join(FIXTURES, "the-red-shoes.txt")]);
    expect(run.stdout).toBe(await fixture("the-red-shoes.json"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  test("parses without the word parse, as the default command", async () => {
    const run = await runCli([join(FIXTURES, "nosferatu-no-runtime.txt")]);
    expect(run.stdout).toBe(await fixture("nosferatu-no-runtime.json"));
    expect(run.status).toBe(0);
  });

  test("prints a folder as NDJSON, one line per *.txt below it, sorted by path", async () => {
    const folder = await folderWith("folder", {
      "b.txt": await fixture("nosferatu-no-runtime.txt"),
      "a/z.txt": await fixture("the-red-shoes.txt"),
      "a/notes.md": "not a listing",
      "c.txt": await fixture("okja-tv-ma-no-rating-no-votes.txt"),
    });
    const run = await runCli(["parse", folder]);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { path: join(folder, "a", "z.txt"), film: JSON.parse(await fixture("the-red-shoes.json")) },
      { path: join(folder, "b.txt"), film: JSON.parse(await fixture("nosferatu-no-runtime.json")) },
      { path: join(folder, "c.txt"), film: JSON.parse(await fixture("okja-tv-ma-no-rating-no-votes.json")) },
    ]);
    expect(summaryOf(run.stderr)).toEqual({ parsed: 3, expectedErrors: undefined, failed: 0, drifted: undefined });
    expect(run.status).toBe(0);
  });

  test("prints NDJSON for several files, and for one file with --ndjson", async () => {
    const several = await runCli([
      join(FIXTURES, "the-red-shoes.txt"),
      join(FIXTURES, "nosferatu-no-runtime.txt"),
      "--quiet",
    ]);
    expect(
      several.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).film.title),
    ).toEqual(["The Red Shoes", "Nosferatu"]);
    expect(several.stderr).toBe("");

    const one = await runCli(["--ndjson", join(FIXTURES, "the-red-shoes.txt")]);
    expect(one.stdout).toBe(
      `${JSON.stringify({ path: join(FIXTURES, "the-red-shoes.txt"), film: JSON.parse(await fixture("the-red-shoes.json")) })}\n`,
    );
  });

  test("reads standard input for -, and when piped with no argument", async () => {
    const text = await fixture("the-red-shoes.txt");
    const dash = await runCli(["parse", "-"], text);
    expect(dash.stdout).toBe(await fixture("the-red-shoes.json"));
    expect(dash.status).toBe(0);
    const piped = await runCli([], text);
    expect(piped.stdout).toBe(await fixture("the-red-shoes.json"));
  });

  test("names standard input <stdin> in a failure", async () => {
    const run = await runCli(["-"], "The Red Shoes\n7.5\n1948");
    expect(run.stderr.split("\n")[0]).toBe("<stdin>:2:1: E_INVALID rating 7.5 is outside 0–5");
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
  });

  test("checks release years against --reference-date instead of today", async () => {
    const text = "Rear Window\n1954";
    const early = await runCli(["-", "--reference-date", "1948-06-30"], text);
    expect(early.stderr.split("\n")[0]).toBe("<stdin>:2:1: E_INVALID year 1954 is outside 1870–1953");
    expect(early.status).toBe(1);
    const late = await runCli(["-", "--reference-date", "1949-01-01"], text);
    expect(JSON.parse(late.stdout)).toMatchObject({ title: "Rear Window", year: 1954 });
    expect(late.status).toBe(0);
  });

  test("goes on past a bad file: writes the others, prints the failure with its code frame, exits 1", async () => {
    const folder = await folderWith("batch", {
      "a-good.txt": await fixture("the-red-shoes.txt"),
      "b-bad.txt": "The Red Shoes\n7.5\n(398)\n1948",
      "c-good.txt": await fixture("nosferatu-no-runtime.txt"),
    });
    const out = join(folder, "out");
    const run = await runCli([folder, join(folder, "missing.txt"), "--out-dir", out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(await readFile(join(out, "a-good.json"), "utf8")).toBe(await written(out, "the-red-shoes.json"));
    expect(await readFile(join(out, "c-good.json"), "utf8")).toBe(await written(out, "nosferatu-no-runtime.json"));
    expect((await readdir(out)).sort()).toEqual(["a-good.json", "c-good.json"]);
    const lines = run.stderr.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      `${join(folder, "b-bad.txt")}:2:1: E_INVALID rating 7.5 is outside 0–5`,
      "  1 | The Red Shoes",
      "> 2 | 7.5",
      "    | ^",
      "  3 | (398)",
    ]);
    expect(lines).toContain(`${join(folder, "missing.txt")}: no such file or folder`);
    expect(summaryOf(run.stderr)).toEqual({ parsed: 2, expectedErrors: undefined, failed: 2, drifted: undefined });
  });

  test("counts a folder without any .txt as a failed input, not a crash", async () => {
    const empty = await folderWith("no-listings", { "readme.md": "nothing here" });
    const run = await runCli([empty, join(FIXTURES, "the-red-shoes.txt")]);
    expect(run.stderr.split("\n")[0]).toBe(`${empty}: no .txt files in this folder`);
    expect(JSON.parse(run.stdout).film.title).toBe("The Red Shoes");
    expect(run.status).toBe(1);
  });

  test("keeps the place of each file below a folder in --out-dir", async () => {
    const folder = await folderWith("nested", {
      "x.txt": await fixture("the-red-shoes.txt"),
      "deeper/x.txt": await fixture("nosferatu-no-runtime.txt"),
    });
    const out = join(work, "nested-out");
    const run = await runCli([folder, "--out-dir", out, "--quiet"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(JSON.parse(await readFile(join(out, "x.json"), "utf8")).title).toBe("The Red Shoes");
    expect(JSON.parse(await readFile(join(out, "deeper", "x.json"), "utf8")).title).toBe("Nosferatu");
  });
});

describe.concurrent("film-listing parse --check", { timeout: SPAWN_TIMEOUT }, () => {
  test("passes on the listing and error fixtures", async () => {
    // fixtures/inspect holds inspections ({ film, issues }), which `inspect --check` compares.
    const run = await runCli([...(await listingTexts()), join(FIXTURES, "errors"), "--check"]);
    const summary = summaryOf(run.stderr);
    expect(summary.failed).toBe(0);
    expect(summary.drifted).toBe(0);
    expect(summary.expectedErrors).toBeGreaterThan(0);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(0);
  });

  test("reports the first drifted field as a JSON path at its line, both values, how many more differ, and writes nothing", async () => {
    const committed = JSON.parse(await fixture("the-red-shoes.json"));
    const stale = `${JSON.stringify({ ...committed, rating: 4.4, badges: [] }, null, 2)}\n`;
    const folder = await folderWith("drift", {
      "the-red-shoes.txt": await fixture("the-red-shoes.txt"),
      "the-red-shoes.json": stale,
      "nosferatu.txt": await fixture("nosferatu-no-runtime.txt"),
      "nosferatu.json": await fixture("nosferatu-no-runtime.json"),
    });
    const run = await runCli(["parse", folder, "--check"]);
    expect(run.stdout).toBe(
      [
        `${join(folder, "the-red-shoes.txt")}: drifted from ${join(folder, "the-red-shoes.json")}:3`,
        "  $.rating: 4.4 → 4.3",
        "  and 1 more difference",
        "",
      ].join("\n"),
    );
    expect(summaryOf(run.stderr)).toEqual({ parsed: 1, expectedErrors: 0, failed: 0, drifted: 1 });
    expect(run.status).toBe(1);
    expect(await readFile(join(folder, "the-red-shoes.json"), "utf8")).toBe(stale);
  });

  test("finds no drift when every JSON matches", async () => {
    const folder = await folderWith("no-drift", {
      "the-red-shoes.txt": await fixture("the-red-shoes.txt"),
      "the-red-shoes.json": await fixture("the-red-shoes.json"),
    });
    const run = await runCli([folder, "--check"]);
    expect(run.stdout).toBe("");
    expect(summaryOf(run.stderr)).toEqual({ parsed: 1, expectedErrors: 0, failed: 0, drifted: 0 });
    expect(run.status).toBe(0);
  });

  test("counts a missing JSON, and an error at another place than committed, as drift", async () => {
    const folder = await folderWith("drift-errors", {
      "lonely.txt": await fixture("the-red-shoes.txt"),
      "bad-rating.txt": "The Red Shoes\n7.5\n1948",
      "bad-rating.json": '{"error":{"code":"E_INVALID","line":3,"column":1}}\n',
    });
    const run = await runCli([folder, "--check"]);
    expect(run.stdout).toBe(
      [
        `${join(folder, "bad-rating.txt")}: drifted from ${join(folder, "bad-rating.json")}:1`,
        "  $.error.line: 3 → 2",
        `${join(folder, "lonely.txt")}: drifted from ${join(folder, "lonely.json")}`,
        "  no such file or folder → a film record",
        "",
      ].join("\n"),
    );
    expect(summaryOf(run.stderr)).toEqual({ parsed: 0, expectedErrors: 0, failed: 0, drifted: 2 });
    expect(run.status).toBe(1);
  });
});

describe.concurrent("film-listing parse --check, failures", { timeout: SPAWN_TIMEOUT }, () => {
  test("prints a text that no longer parses as a failure with its code frame, and one that now parses as drift", async () => {
    const folder = await folderWith("check-failures", {
      "now-bad.txt": "The Red Shoes\n7.5\n1948",
      "now-bad.json": await fixture("the-red-shoes.json"),
      "now-good.txt": await fixture("the-red-shoes.txt"),
      "now-good.json": '{"error":{"code":"E_INVALID","line":2,"column":1}}\n',
    });
    const run = await runCli([folder, "--check"]);
    expect(run.stderr.split("\n").slice(0, 4)).toEqual([
      `${join(folder, "now-bad.txt")}:2:1: E_INVALID rating 7.5 is outside 0–5`,
      "  1 | The Red Shoes",
      "> 2 | 7.5",
      "    | ^",
    ]);
    expect(run.stdout).toBe(
      [
        `${join(folder, "now-good.txt")}: drifted from ${join(folder, "now-good.json")}:1`,
        "  $.error: error E_INVALID at 2:1 → a film record",
        "",
      ].join("\n"),
    );
    expect(summaryOf(run.stderr)).toEqual({ parsed: 0, expectedErrors: 0, failed: 1, drifted: 1 });
    expect(run.status).toBe(1);
  });
});

describe.concurrent("film-listing parse --out-dir with --update and --check", { timeout: SPAWN_TIMEOUT }, () => {
  /** A folder of scraped texts: two that parse, one below a sub-folder, and one that fails. */
  const scraped = async (name: string) =>
    folderWith(name, {
      "scraped/sherlock-jr.txt": await fixture("sherlock-jr-45m-rating-4-35.txt"),
      "scraped/2024/nosferatu.txt": await fixture("nosferatu-no-runtime.txt"),
      "scraped/casablanca.txt": "Casablanca\n7.5\n(12K)\n1942\n",
    });

  test("--update writes each record with a $schema and each failure as an expected error; --check then passes", async () => {
    const folder = await scraped("update-new");
    const [texts, json] = [join(folder, "scraped"), join(folder, "json")];
    const update = await runCli(["parse", texts, "--out-dir", json, "--update"]);
    expect(update.stdout).toBe(
      [join(json, "2024", "nosferatu.json"), join(json, "casablanca.json"), join(json, "sherlock-jr.json")]
        .map((file) => `wrote ${file}\n`)
        .join(""),
    );
    expect(summaryOf(update.stderr)).toEqual({ parsed: 2, expectedErrors: 1, failed: 0, updated: 3 });
    expect(update.status).toBe(0);

    const record = await readFile(join(json, "sherlock-jr.json"), "utf8");
    const $schema = relative(json, join(ROOT, "dist", "schema.json"));
    expect(record).toBe(
      `${JSON.stringify({ $schema, ...JSON.parse(await fixture("sherlock-jr-45m-rating-4-35.json")) }, null, 2)}\n`,
    );
    expect(JSON.parse(await readFile(join(json, "2024", "nosferatu.json"), "utf8")).$schema).toBe(`../${$schema}`);
    expect(JSON.parse(await readFile(join(json, "casablanca.json"), "utf8"))).toEqual({
      error: { code: "E_INVALID", line: 2, column: 1 },
    });

    const check = await runCli(["parse", texts, "--out-dir", json, "--check"]);
    expect(check.stdout).toBe("");
    expect(summaryOf(check.stderr)).toEqual({ parsed: 2, expectedErrors: 1, failed: 0, drifted: 0 });
    expect(check.status).toBe(0);
    const again = await runCli(["parse", texts, "--out-dir", json, "--update"]);
    expect(again.stdout).toBe("");
    expect(summaryOf(again.stderr)).toEqual({ parsed: 2, expectedErrors: 1, failed: 0, updated: 0 });
  });

  test("a JSON file under --out-dir that no input gives is a notice, left as it is, with the exit status unchanged", async () => {
    const folder = await scraped("orphans");
    const [texts, json] = [join(folder, "scraped"), join(folder, "json")];
    expect((await runCli(["parse", texts, "--out-dir", json, "--update"])).status).toBe(0);
    await writeFile(join(json, "removed.json"), "{}\n");
    await mkdir(join(json, "2023"));
    await writeFile(join(json, "2023", "renamed.json"), "not JSON\n");
    await writeFile(join(json, "notes.md"), "not a record\n");
    const notice = (file: string) =>
      `${file}: no input gives this file (was its text removed or renamed?); left as it is\n`;
    const orphans = [join(json, "2023", "renamed.json"), join(json, "removed.json")];

    const check = await runCli(["parse", texts, "--out-dir", json, "--check"]);
    expect(check.stdout).toBe("");
    expect(check.stderr.split(/(?<=\n)/).slice(0, -1)).toEqual(orphans.map(notice));
    expect(summaryOf(check.stderr)).toEqual({ parsed: 2, expectedErrors: 1, failed: 0, drifted: 0 });
    expect(check.status).toBe(0);

    const update = await runCli(["parse", texts, "--out-dir", json, "--update"]);
    expect(update.stderr.split(/(?<=\n)/).slice(0, -1)).toEqual(orphans.map(notice));
    expect(update.status).toBe(0);
    expect(await readFile(join(json, "removed.json"), "utf8")).toBe("{}\n");

    const github = await runCli(["parse", texts, "--out-dir", json, "--check", "--reporter", "github"]);
    expect(github.stderr).toContain(
      `::notice file=${join(json, "removed.json")},title=no input::no input gives this file (was its text removed or renamed?); left as it is\n`,
    );
    // --quiet drops them; a file named on the command line is a check of that file alone.
    expect((await runCli(["parse", texts, "--out-dir", json, "--check", "--quiet"])).stderr).toBe("");
    const one = await runCli(["parse", join(texts, "sherlock-jr.txt"), "--out-dir", json, "--check"]);
    expect(summaryOf(one.stderr)).toEqual({ parsed: 1, expectedErrors: 0, failed: 0, drifted: 0 });
    expect(one.stderr.split("\n")).toHaveLength(2);
  });

  test("--out-dir alone writes a $schema too, and --schema-url sets it", async () => {
    const folder = await scraped("schema-url");
    const run = await runCli([
      join(folder, "scraped", "sherlock-jr.txt"),
      "--out-dir",
      join(folder, "json"),
      "--schema-url",
      "https://example.com/film.schema.json",
    ]);
    expect(run.status).toBe(0);
    const record = JSON.parse(await readFile(join(folder, "json", "sherlock-jr.json"), "utf8"));
    expect(Object.keys(record)[0]).toBe("$schema");
    expect(record.$schema).toBe("https://example.com/film.schema.json");
  });

  test("compares by value: other layout, key order, CRLF, a BOM, no final newline and no $schema are no drift", async () => {
    const folder = await scraped("by-value");
    const film = JSON.parse(await fixture("sherlock-jr-45m-rating-4-35.json"));
    const reordered = Object.fromEntries(Object.entries(film).reverse());
    await writeFile(
      join(folder, "scraped", "sherlock-jr.json"),
      `\uFEFF${JSON.stringify(reordered, null, "\t").replaceAll("\n", "\r\n")}`,
    );
    const run = await runCli([join(folder, "scraped", "sherlock-jr.txt"), "--check"]);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(0);
  });

  test("names the first changed value of a fixture by JSON path, file and line, with both values short and escaped", async () => {
    const folder = await scraped("first-change");
    const film = JSON.parse(await fixture("sherlock-jr-45m-rating-4-35.json"));
    const committed = join(folder, "scraped", "sherlock-jr.json");
    // As Prettier lays it out: short arrays on one line.
    const text = JSON.stringify(
      { ...film, synopsis: `${film.synopsis} \u001b[2J`, reviews: [{ text: "Changed." }] },
      null,
      2,
    ).replace(/\[\n\s+("[^"\n]*")\n\s+\]/g, "[$1]");
    await writeFile(committed, text);
    const synopsisLine = text.split("\n").findIndex((line) => line.includes('"synopsis"')) + 1;
    const run = await runCli([join(folder, "scraped", "sherlock-jr.txt"), "--check"]);
    expect(run.stdout).toBe(
      [
        `${join(folder, "scraped", "sherlock-jr.txt")}: drifted from ${committed}:${synopsisLine}`,
        '  $.synopsis: "A cinema projectionist who dreams of being a great detecti… → "A cinema projectionist who dreams of being a great detecti…',
        "  and 1 more difference",
        "",
      ].join("\n"),
    );
    const github = await runCli([join(folder, "scraped", "sherlock-jr.txt"), "--check", "--reporter", "github", "-q"]);
    expect(github.stderr).toMatch(new RegExp(`^::error file=${committed},line=${synopsisLine},title=drift::`));

    await writeFile(committed, text.replace(/ \\u001b\[2J/, ""));
    const review = await runCli([join(folder, "scraped", "sherlock-jr.txt"), "--check"]);
    const reviewLine = text.split("\n").findIndex((line) => line.includes('"Changed."')) + 1;
    expect(review.stdout).toBe(
      [
        `${join(folder, "scraped", "sherlock-jr.txt")}: drifted from ${committed}:${reviewLine}`,
        '  $.reviews[0].text: "Changed." → "The stunt on the motorbike still makes me gasp.  Every   t…',
        "",
      ].join("\n"),
    );
  });

  test("shows control characters of a drifted value escaped", async () => {
    const folder = await scraped("escaped-drift");
    const film = JSON.parse(await fixture("sherlock-jr-45m-rating-4-35.json"));
    await writeFile(
      join(folder, "scraped", "sherlock-jr.json"),
      JSON.stringify({ ...film, title: "Sherlock\u001b[2J" }),
    );
    const run = await runCli([join(folder, "scraped", "sherlock-jr.txt"), "--check"]);
    expect(run.stdout.split("\n")[1]).toBe('  $.title: "Sherlock\\u001b[2J" → "Sherlock Jr."');
  });

  test("--update rewrites what differs and says what changed; a record whose text now fails is a failure, kept", async () => {
    const folder = await scraped("update-changes");
    const [texts, json] = [join(folder, "scraped"), join(folder, "json")];
    expect((await runCli([texts, "--out-dir", json, "--update"])).status).toBe(0);
    const file = join(json, "sherlock-jr.json");
    const written = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...written, rating: 4.3, cast: [] }, null, 2));
    await writeFile(join(texts, "2024", "nosferatu.txt"), "Nosferatu\n9.9\n1922\n");
    const nosferatu = await readFile(join(json, "2024", "nosferatu.json"), "utf8");

    const run = await runCli([texts, "--out-dir", json, "--update"]);
    expect(run.stdout).toBe(`updated ${file}: $.rating: 4.3 → 4.35, and 3 more differences\n`);
    expect(run.stderr.split("\n")[0]).toBe(
      `${join(texts, "2024", "nosferatu.txt")}:2:1: E_INVALID rating 9.9 is outside 0–5`,
    );
    expect(summaryOf(run.stderr)).toEqual({ parsed: 1, expectedErrors: 1, failed: 1, updated: 1 });
    expect(run.status).toBe(1);
    expect(await readFile(file, "utf8")).toBe(`${JSON.stringify(written, null, 2)}\n`);
    expect(await readFile(join(json, "2024", "nosferatu.json"), "utf8")).toBe(nosferatu);
  });

  test("inspect --update writes inspections beside the texts, and inspect --check compares them", async () => {
    const folder = await folderWith("inspect-update", { "a.txt": TWO_ERRORS });
    const update = await runCli(["inspect", folder, "--update"]);
    expect(update.stdout).toBe(`wrote ${join(folder, "a.json")}\n`);
    expect(update.status).toBe(0);
    const inspection = JSON.parse(await readFile(join(folder, "a.json"), "utf8"));
    expect(Object.keys(inspection)).toEqual(["film", "issues"]);
    expect((await runCli(["inspect", folder, "--check"])).status).toBe(0);
  });
});

describe.concurrent("film-listing format", { timeout: SPAWN_TIMEOUT }, () => {
  test.each(["the-red-shoes", "sherlock-jr-45m-rating-4-35", "amelie-multiline-reviews-blank-lines-curly-quotes"])(
    "prints %s.json back as listing text that parses to the same JSON",
    async (slug) => {
      const formatted = await runCli(["format", join(FIXTURES, `${slug}.json`)]);
      expect(formatted.stderr).toBe("");
      expect(formatted.status).toBe(0);
      expect(formatted.stdout.split("\n")[0]).toBe(JSON.parse(await fixture(`${slug}.json`)).title);
      const reparsed = await runCli(["parse", "-"], formatted.stdout);
      expect(reparsed.stdout).toBe(await fixture(`${slug}.json`));
    },
  );

  test("prints the listing text of a record read from standard input", async () => {
    const json = await fixture("roundhay-garden-scene-minimal-title-and-year.json");
    const run = await runCli(["format", "-"], json);
    expect(run.stdout.startsWith("Roundhay Garden Scene\n1888\n")).toBe(true);
    expect(run.status).toBe(0);
    expect((await runCli(["-"], run.stdout)).stdout).toBe(json);
  });

  test("refuses a JSON file that is not a record, naming the field, with exit status 1", async () => {
    const run = await runCli(["format", join(FIXTURES, "errors", "empty-file.json")]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${join(FIXTURES, "errors", "empty-file.json")}: E_INVALID title: Invalid input: expected string, received undefined\n`,
    );
    expect(run.status).toBe(1);
  });

  test("refuses a file that is not JSON in its own words, with the line and column, exit status 1", async () => {
    const folder = await folderWith("not-json", { "notjson.json": "notjson\n", "cut.json": '{\n  "title": "A",\n' });
    const run = await runCli(["format", join(folder, "notjson.json")]);
    expect(run.stderr).toBe(`${join(folder, "notjson.json")}: not a JSON record (line 1, column 2: unexpected 'o')\n`);
    expect(run.status).toBe(1);
    const cut = await runCli(["format", join(folder, "cut.json")]);
    expect(cut.stderr).toBe(
      `${join(folder, "cut.json")}: not a JSON record (line 3, column 1: unexpected end of the text)\n`,
    );
  });

  test("reads a record with a UTF-8 byte-order mark", async () => {
    const json = await fixture("roundhay-garden-scene-minimal-title-and-year.json");
    const folder = await folderWith("bom-json", { "film.json": `\uFEFF${json}` });
    const run = await runCli(["format", join(folder, "film.json")]);
    expect(run.stdout).toBe((await runCli(["format", "-"], json)).stdout);
    expect(run.stdout.startsWith("Roundhay Garden Scene\n1888\n")).toBe(true);
    expect(run.status).toBe(0);
  });
});

describe.concurrent("film-listing schema and --schema-org", { timeout: SPAWN_TIMEOUT }, () => {
  test("schema prints a draft 2020-12 JSON Schema that accepts every fixture record and refuses a broken one", async () => {
    const run = await runCli(["schema"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(filmJsonSchema, null, 2)}\n`);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const validate = new Ajv2020().compile(schema);
    for (const slug of [
      "the-red-shoes",
      "okja-tv-ma-no-rating-no-votes",
      "roundhay-garden-scene-minimal-title-and-year",
    ]) {
      expect(validate(JSON.parse(await fixture(`${slug}.json`)))).toBe(true);
    }
    expect(validate({ ...JSON.parse(await fixture("the-red-shoes.json")), rating: 7.5 })).toBe(false);
  });

  test("--schema-org prints the schema.org Movie of one file", async () => {
    const run = await runCli(["parse", join(FIXTURES, "the-red-shoes.txt"), "--schema-org"]);
    expect(run.status).toBe(0);
    const movie = JSON.parse(run.stdout);
    expect(movie).toEqual(toSchemaOrg(JSON.parse(await fixture("the-red-shoes.json"))));
    expect(movie).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Movie",
      name: "The Red Shoes",
      datePublished: "1948",
      duration: "PT2H13M",
    });
  });

  test("--schema-org names the key schemaOrg in NDJSON lines", async () => {
    const run = await runCli(["--ndjson", "--schema-org", join(FIXTURES, "nosferatu-no-runtime.txt")]);
    const line = JSON.parse(run.stdout);
    expect(Object.keys(line)).toEqual(["path", "schemaOrg"]);
    expect(line.schemaOrg.name).toBe("Nosferatu");
  });
});

describe.concurrent("command line", { timeout: SPAWN_TIMEOUT }, () => {
  test.each([
    [["--frobnicate"], "unknown option --frobnicate", "parse"],
    [["-x", "a.txt"], "unknown option -x", "parse"],
    [["fixtures", "--check", "--update"], "--check proves the JSON current, --update rewrites it: choose one", "parse"],
    [["fixtures", "--update", "--ndjson"], "--update compares with JSON files, so it takes no --ndjson", "parse"],
    [
      ["fixtures", "--schema-url", "s.json"],
      "--schema-url sets the $schema of written records: give --out-dir or --update",
      "parse",
    ],
    [
      ["fixtures", "--out-dir", "o", "--schema-url", "s.json", "--schema-org"],
      "--schema-url sets the $schema of records; JSON-LD has none",
      "parse",
    ],
    [
      ["inspect", "fixtures", "--update", "--schema-url", "s.json"],
      "--schema-url applies to parse, not to inspect",
      "inspect",
    ],
    [["fixtures", "--ndjson", "--out-dir", "out"], "--ndjson prints, --out-dir writes files: choose one", "parse"],
    [
      ["-", "--check"],
      "--check without --out-dir compares x.txt with x.json beside it; standard input has no such file",
      "parse",
    ],
    [["-", "-"], "standard input (-) can be read once", "parse"],
    [["--out-dir"], "--out-dir needs a value", "parse"],
    [["a.txt", "--out-dir", "--check"], "--out-dir needs a value", "parse"],
    [["a.txt", "--out-dir", "a", "--out-dir", "b"], "--out-dir is given twice; it takes one value", "parse"],
    [["a.txt", "--check=yes"], "--check takes no value", "parse"],
    [["format"], "format takes one record: a .json file or -", "format"],
    [["format", "a.json", "b.json"], "format takes one record: a .json file or -", "format"],
    [["format", "a.json", "--ndjson"], "--ndjson applies to parse and inspect, not to format", "format"],
    [["parse", "a.txt", "--spans"], "--spans applies to inspect, not to parse", "parse"],
    [["schema", "extra"], "schema takes no arguments", "schema"],
    [["schema", "--schema-org"], "--schema-org applies to parse, not to schema", "schema"],
    [["fixtures", "--check", "--schema-org"], "--check compares records, so it takes no --schema-org", "parse"],
    [["a.txt", "--reporter", "junit"], '--reporter takes human or github, got "junit"', "parse"],
    [["a.txt", "--max-size", "lots"], '--max-size takes a size like 64MB, 500KB or 100000, got "lots"', "parse"],
    [
      ["-", "--reference-date", "25/11/2026"],
      '--reference-date takes a date like 2026-11-25, got "25/11/2026"',
      "parse",
    ],
    [
      ["-", "--reference-date", "2026-02-30"],
      '--reference-date takes a date like 2026-11-25, got "2026-02-30"',
      "parse",
    ],
    [["help", "nope"], 'no command "nope"; the commands are parse, inspect, format, schema, help', undefined],
  ])("rejects %j with exit status 2 and one line in its own words", async (args, reason, command) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const help = command === undefined ? "film-listing help" : `film-listing help ${command}`;
    expect(run.stderr).toBe(`film-listing: ${reason}\nRun '${help}' for usage.\n`);
  });

  test("shows a control character in an unknown option escaped", async () => {
    const run = await runCli(["--\u001b[2Jx"]);
    expect(run.stderr.split("\n")[0]).toBe("film-listing: unknown option --\\u001B[2Jx");
  });

  test("--version prints the package's version", async () => {
    const run = await runCli(["--version"]);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
    expect(run.status).toBe(0);
  });

  test("--help and help print the whole command's help on stdout", async () => {
    const run = await runCli(["--help"]);
    expect(run.stdout.split("\n").slice(0, 5)).toEqual([
      "film-listing: parse scraped film pages into typed JSON records",
      "",
      "Usage:",
      "  film-listing [parse] <file|dir|->...   print each listing's record as JSON",
      "  film-listing inspect <file|dir|->...   print every value read and every issue found",
    ]);
    expect(run.stdout).toContain("Documentation: https://github.com/film-listing/film-listing/blob/main/docs/cli.md");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((await runCli(["help"])).stdout).toBe(run.stdout);
  });

  test.each(["parse", "inspect", "format", "schema"])(
    "help %s and %s --help print that command's usage, options, examples and exit status",
    async (command) => {
      const run = await runCli(["help", command]);
      expect(run.status).toBe(0);
      expect(run.stdout.split("\n")[0]).toMatch(new RegExp(`^Usage: film-listing (\\[)?${command}`));
      expect(run.stdout).toMatch(/\nOptions:\n/);
      expect(run.stdout).toMatch(/\nExamples?:\n/);
      expect(run.stdout).toMatch(/\nExit status:/);
      expect(run.stdout).toContain("docs/cli.md");
      expect((await runCli([command, "--help"])).stdout).toBe(run.stdout);
    },
  );

  test("--help after inputs alone prints the help of parse, the command they run", async () => {
    const parseHelp = (await runCli(["help", "parse"])).stdout;
    const run = await runCli(["scraped", "--out-dir", "json", "--help"]);
    expect(run.stdout).toBe(parseHelp);
    expect(run.status).toBe(0);
    expect((await runCli(["--help", "parse"])).stdout).toBe(parseHelp);
  });

  test("each batch command's help says what --update writes for a text that fails, and what exit 1 means", async () => {
    const parseHelp = (await runCli(["help", "parse"])).stdout;
    const inspectHelp = (await runCli(["help", "inspect"])).stdout;
    expect(parseHelp).toContain("missing (a failing parse as its expected error) and say what changed");
    expect(inspectHelp).toContain("missing (a text with errors too) and say what changed");
    expect(parseHelp).toMatch(/\n {2}1 {4}some input failed, could not be read, or drifted;/);
    expect(inspectHelp).toMatch(/\n {2}1 {4}some input has an error \(with --check or --update: an error its JSON\n/);
    for (const help of [parseHelp, inspectHelp]) expect(help).toContain("  -v, --version         print the version\n");
  });
});

/** A folder of `count` copies of the reference listing, and one failing listing first in path order. */
async function bigFolder(name: string, count: number): Promise<string> {
  const reference = await fixture("the-red-shoes.txt");
  const files: Record<string, string> = { "a-bad.txt": "The Red Shoes\n7.5\n1948" };
  for (let i = 0; i < count; i++) files[`f${String(i).padStart(5, "0")}.txt`] = reference;
  return folderWith(name, files);
}

const BROKEN_PIPE =
  "film-listing: cannot write to standard output: its reader has gone (a broken pipe); what followed was not written";

/** No line of a stack trace: an error reached the user as node prints it. */
const STACK_LINE = /^\s+at /m;

describe.concurrent("a hostile world", { timeout: SPAWN_TIMEOUT }, () => {
  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s stops a batch between inputs, says where, and exits %i", async (signal, status) => {
    const folder = await bigFolder(`signal-${signal}`, 3000);
    const out = join(work, `signal-${signal}-out`);
    const child = spawn(process.execPath, [cli, folder, "--out-dir", out], { cwd: work, env: envWith() });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      // The batch has begun once the bad listing, first in path order, is reported.
      if (stderr.includes("E_INVALID") && !child.killed) child.kill(signal);
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(status);
    const last = stderr.trimEnd().split("\n").at(-1) ?? "";
    const match = /^film-listing: stopped after ([\d,]+) of 3,001 inputs$/.exec(last);
    expect(match, stderr).not.toBeNull();
    const done = Number(match?.[1]?.replaceAll(",", ""));
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(3001);
    // Every file written is whole, and no temporary file is left behind.
    const written = await readdir(out);
    expect(written.filter((name) => !name.endsWith(".json"))).toEqual([]);
    expect(written.length).toBe(done - 1);
  });

  test("SIGINT stops inside a long input, not only between inputs", async () => {
    // 30 MB of one review: each step of its handling takes a while, and the signal is handled between steps.
    const review = `${"A long review line that goes on and on. ".repeat(25)}\n`.repeat(30_000);
    const folder = await folderWith("signal-long", {
      "a-bad.txt": "The Red Shoes\n7.5\n1948",
      "b-long.txt": `The Red Shoes\n1948\nCommunity Reviews\n"${review}"`,
      "c-long.txt": `The Red Shoes\n1948\nCommunity Reviews\n"${review}"`,
    });
    const out = join(work, "signal-long-out");
    const child = spawn(process.execPath, [cli, folder, "--out-dir", out], { cwd: work, env: envWith() });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      if (stderr.includes("E_INVALID") && !child.killed) child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe("film-listing: stopped after 1 of 3 inputs");
    expect(await readdir(out)).toEqual([]);
  });

  test("reports an --out-dir that cannot be made, such as one below /proc, instead of looping for ever", async () => {
    const run = await runCli([join(FIXTURES, "the-red-shoes.txt"), "--out-dir", "/proc/film-listing-out"]);
    expect(run.stderr).toBe("film-listing: cannot write to --out-dir /proc/film-listing-out: no such file or folder\n");
    expect(run.status).toBe(1);
  });

  test("reads only regular files: a named pipe and a device are failures, the others are parsed", async () => {
    const folder = await folderWith("fifo", {});
    await mkdir(folder, { recursive: true });
    execFileSync("mkfifo", [join(folder, "f.txt")]);
    const run = await runCli([join(folder, "f.txt"), "/dev/zero", join(FIXTURES, "the-red-shoes.txt")]);
    expect(run.stderr.split("\n").slice(0, 2)).toEqual([
      `${join(folder, "f.txt")}: is a named pipe (FIFO), not a regular file`,
      "/dev/zero: is a device, not a regular file",
    ]);
    expect(JSON.parse(run.stdout).film).toEqual(JSON.parse(await fixture("the-red-shoes.json")));
    expect(summaryOf(run.stderr)).toEqual({ parsed: 1, expectedErrors: undefined, failed: 2, drifted: undefined });
    expect(run.status).toBe(1);
  });

  test("refuses a file or standard input larger than --max-size", async () => {
    const text = await fixture("the-red-shoes.txt");
    const folder = await folderWith("max-size", { "big.txt": text });
    const file = await runCli([join(folder, "big.txt"), "--max-size", "1KB"]);
    expect(file.stderr).toBe(`${join(folder, "big.txt")}: larger than the --max-size of 1 KB\n`);
    expect(file.status).toBe(1);
    const stdin = await runCli(["-", "--max-size", "1k"], text);
    expect(stdin.stderr).toBe("<stdin>: larger than the --max-size of 1 KB\n");
    expect(stdin.status).toBe(1);
    const fits = await runCli(["-", "--max-size", String(Buffer.byteLength(text))], text);
    expect(fits.stdout).toBe(await fixture("the-red-shoes.json"));
  });

  test("--check takes a deeply nested x.json as that input's drift, and the batch goes on", async () => {
    const folder = await folderWith("deep", {
      "a.txt": await fixture("the-red-shoes.txt"),
      "a.json": `{"title": ${"[".repeat(5000)}${"]".repeat(5000)}}`,
      "b.txt": await fixture("nosferatu-no-runtime.txt"),
      "b.json": await fixture("nosferatu-no-runtime.json"),
    });
    const run = await runCli([folder, "--check"]);
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      `${join(folder, "a.txt")}: drifted from ${join(folder, "a.json")}:1`,
      '  $.title: a value nested too deeply to show → "The Red Shoes"',
      "  and 12 more differences",
    ]);
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack/);
    expect(summaryOf(run.stderr)).toEqual({ parsed: 1, expectedErrors: 0, failed: 0, drifted: 1 });
    expect(run.status).toBe(1);
  });

  test("stdout on a full disk: no stack trace, the reason on stderr, exit status 1", async () => {
    const full = openSync("/dev/full", "w");
    const run = await runCli([join(FIXTURES, "the-red-shoes.txt"), join(FIXTURES, "nosferatu-no-runtime.txt")], {
      stdout: full,
    });
    expect(run.stderr.split("\n").slice(-3)).toEqual([
      expect.stringMatching(/^film-listing: 2 parsed, 0 failed in /),
      "film-listing: cannot write to standard output: no space left on the device",
      "",
    ]);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.status).toBe(1);
  });

  test("stderr on a full disk: the --out-dir files are still written, exit status 1", async () => {
    const folder = await folderWith("stderr-full", {
      "a.txt": await fixture("the-red-shoes.txt"),
      "b.txt": "The Red Shoes\n7.5\n1948",
    });
    const out = join(folder, "out");
    const run = await runCli([folder, "--out-dir", out], { stderr: openSync("/dev/full", "w") });
    expect(await readFile(join(out, "a.json"), "utf8")).toBe(await written(out, "the-red-shoes.json"));
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
  });

  test("| head -1: no stack trace, every failure still reported, the broken pipe told, exit status 1", async () => {
    const folder = await bigFolder("head", 300);
    const child = spawn(process.execPath, [cli, folder], { cwd: work, env: envWith() });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    let firstLine = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      // Like `head -1`: keep the first line, then close the pipe.
      if (firstLine === "") firstLine = chunk.split("\n")[0] ?? "";
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(JSON.parse(firstLine).film.title).toBe("The Red Shoes");
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr.split("\n")[0]).toBe(`${join(folder, "a-bad.txt")}:2:1: E_INVALID rating 7.5 is outside 0–5`);
    const lines = stderr.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(BROKEN_PIPE);
    expect(summaryOf(lines.slice(0, -1).join("\n"))).toEqual({
      parsed: 300,
      expectedErrors: undefined,
      failed: 1,
      drifted: undefined,
    });
    expect(status).toBe(1);
  });

  test("shows a file name's newline and escape sequences escaped, so that it cannot forge a report line", async () => {
    const name = "a\nb.txt:1:1: E_FAKE \u001b[32mall good\u001b[0m\u202E.txt";
    const folder = await folderWith("forged", { [name]: "The Red Shoes\n7.5\u001b[2J\u200B\n1948" });
    const run = await runCli([join(folder, name)]);
    const shown = `${folder}/a\\nb.txt:1:1: E_FAKE \\u001B[32mall good\\u001B[0m⟨U+202E⟩.txt`;
    expect(run.stderr).toBe(
      [
        `${shown}:2:1: E_MISSING_YEAR expected a year like 1948, found "7.5\\u001b[2J"`,
        "  1 | The Red Shoes",
        "> 2 | 7.5\\u001B[2J⟨U+200B⟩",
        "    | ^",
        "  3 | 1948",
        "",
      ].join("\n"),
    );
  });

  test("escapes C1 controls and invisible characters in JSON output, keeping the value", async () => {
    const run = await runCli(["-"], "The Red Shoes\n1948\nA synopsis with a CSI \u009b2J and an anchor \uFFF9.");
    expect(run.stdout).toContain('"synopsis": "A synopsis with a CSI \\u009B2J and an anchor \\uFFF9."');
    expect(JSON.parse(run.stdout).synopsis).toBe("A synopsis with a CSI \u009b2J and an anchor \uFFF9.");
  });

  test("reports text that is not UTF-8 with the byte where it stops being UTF-8", async () => {
    const folder = await folderWith("latin1", {});
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "latin1.txt"), Buffer.from("Am\xe9lie\n2001", "latin1"));
    const run = await runCli([join(folder, "latin1.txt")]);
    expect(run.stderr).toBe(`${join(folder, "latin1.txt")}: not UTF-8 text at byte 2\n`);
    expect(run.status).toBe(1);
  });

  test.each(["utf16le", "utf16be"] as const)("decodes a %s file with a byte-order mark", async (encoding) => {
    const text = await fixture("the-red-shoes.txt");
    const bytes = Buffer.from(`\uFEFF${text}`, "utf16le");
    if (encoding === "utf16be") bytes.swap16();
    const run = await runCli(["-"], bytes);
    expect(run.stdout).toBe(await fixture("the-red-shoes.json"));
    expect(run.status).toBe(0);
  });
});

/** Runs `command` (a shell command line) in a pseudo-terminal, as a person at a terminal would, and returns all it printed. */
function inTerminal(command: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      cwd: work,
      env: envWith({ TERM: "xterm-256color", ...env }),
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", () => resolve(output));
    child.stdin.end();
  });
}

/** What a person sees of each line a terminal shows: what was written after its last `\r` and erase. */
function seenLines(output: string): string[] {
  return output.split(/\r?\n/).map((line) => line.split("\r\u001b[K").at(-1) ?? "");
}

/** An ANSI style (SGR) sequence, as colour writes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding escape sequences is the point
const SGR = /\u001b\[[0-9;]*m/;

describe.concurrent("on a terminal", { timeout: SPAWN_TIMEOUT }, () => {
  test("shows progress during a batch longer than a second, never on a line with a record", async () => {
    const folder = await bigFolder("terminal-progress", 40);
    const reference = join(FIXTURES, "the-red-shoes.txt");
    // Standard input arrives after 4 s, so that the batch runs longer than a second however slowly node starts.
    const output = await inTerminal(`(sleep 4; cat ${reference}) | node ${cli} - ${folder}`);
    expect(output).toMatch(/film-listing: \d+\/42 files, [\d,]+ files\/s, \d+s elapsed, about \d+s left/);
    const seen = seenLines(output);
    const records = seen.filter((line) => line.includes('{"path"'));
    expect(records.length).toBe(41);
    for (const line of records) {
      expect(line.startsWith('{"path"'), line).toBe(true);
      expect(line).not.toContain("files/s");
    }
    // Cleared at the end: the summary stands alone on its line.
    expect(seen.filter((line) => line.includes("files/s"))).toEqual([]);
    const summary = seen
      .map((line) => line.replace(new RegExp(SGR, "g"), ""))
      .filter((line) => line.includes("parsed"));
    expect(summary).toEqual([expect.stringMatching(/^film-listing: 41 parsed, 1 failed in \d+\.\d\ds$/)]);
  });

  test("colours the code and the caret of a failure on a terminal, and nothing with NO_COLOR", async () => {
    const folder = await folderWith("terminal-colour", { "bad.txt": "The Red Shoes\n7.5\n1948" });
    const command = `node ${cli} ${join(folder, "bad.txt")}`;
    const coloured = await inTerminal(command);
    expect(coloured).toContain("\u001b[31mE_INVALID\u001b[39m");
    expect(coloured).toContain("\u001b[31m^\u001b[39m");
    expect(coloured).toContain(`\u001b[1m${join(folder, "bad.txt")}\u001b[22m`);
    const plain = await inTerminal(command, { NO_COLOR: "1" });
    expect(plain).not.toMatch(SGR);
    expect(plain).toContain(`${join(folder, "bad.txt")}:2:1: E_INVALID rating 7.5 is outside 0–5`);
  });
});

describe.concurrent("format on a terminal", { timeout: SPAWN_TIMEOUT }, () => {
  /** The minimal fixture with a title and a synopsis that would drive a terminal. */
  const evilRecord = async (): Promise<string> =>
    JSON.stringify({
      ...JSON.parse(await fixture("roundhay-garden-scene-minimal-title-and-year.json")),
      title: "Red\u001b[31mShoes\u0007",
      synopsis: "Clear\u009b2Jscreen",
    });

  test("shows the record's control and invisible characters as escapes", async () => {
    const folder = await folderWith("terminal-format", { "evil.json": await evilRecord() });
    const output = await inTerminal(`node ${cli} format ${join(folder, "evil.json")}`);
    expect(output.split("\r\n").slice(0, 3)).toEqual(["Red\\u001B[31mShoes\\u0007", "1888", "Clear\\u009B2Jscreen"]);
  });

  test("writes them as they are into a pipe", async () => {
    const run = await runCli(["format", "-"], await evilRecord());
    expect(run.stdout.split("\n").slice(0, 3)).toEqual(["Red\u001b[31mShoes\u0007", "1888", "Clear\u009b2Jscreen"]);
    expect(run.status).toBe(0);
  });
});

describe.concurrent("colour off a terminal", { timeout: SPAWN_TIMEOUT }, () => {
  const bad = "The Red Shoes\n7.5\n1948";
  test.each([
    ["by default", [], {}, false],
    ["with --color", ["--color"], {}, true],
    ["with FORCE_COLOR=1", [], { FORCE_COLOR: "1" }, true],
    ["with FORCE_COLOR=0", [], { FORCE_COLOR: "0" }, false],
    ["with --no-color over FORCE_COLOR", ["--no-color"], { FORCE_COLOR: "1" }, false],
    ["with --color over NO_COLOR", ["--color"], { NO_COLOR: "1" }, true],
  ] as const)("%s", async (_, flags, env, coloured) => {
    const run = await runCli(["-", ...flags], { input: bad, env });
    expect(SGR.test(run.stderr)).toBe(coloured);
    expect(run.stderr.replace(new RegExp(SGR, "g"), "").split("\n")[0]).toBe(
      "<stdin>:2:1: E_INVALID rating 7.5 is outside 0–5",
    );
  });
});

/** A listing with two errors (a rating out of range, a vote count that is not whole) and a warning (a genre outside the vocabulary). */
const TWO_ERRORS = "The Red Shoes\n7.5\n(2.5)\nDance\n1948\n";

describe.concurrent("every issue", { timeout: SPAWN_TIMEOUT }, () => {
  test("parse prints every issue of a failing input with its code frame", async () => {
    const run = await runCli(["-"], TWO_ERRORS);
    expect(run.stderr).toBe(
      [
        "<stdin>:2:1: E_INVALID rating 7.5 is outside 0–5",
        "  1 | The Red Shoes",
        "> 2 | 7.5",
        "    | ^",
        "  3 | (2.5)",
        "<stdin>:3:1: E_INVALID vote count (2.5) is not a whole number",
        "  2 | 7.5",
        "> 3 | (2.5)",
        "    | ^",
        "  4 | Dance",
        '<stdin>:4:1: W_UNKNOWN_GENRE genre "Dance" is not in the genre vocabulary',
        "  3 | (2.5)",
        "> 4 | Dance",
        "    | ^",
        "  5 | 1948",
        "",
      ].join("\n"),
    );
    expect(run.status).toBe(1);
  });

  test("inspect prints the film and every issue of one input as pretty JSON, exit 1 for an error", async () => {
    const run = await runCli(["inspect", "-"], TWO_ERRORS);
    const { film, issues } = inspectListing(TWO_ERRORS);
    expect(run.stdout).toBe(`${JSON.stringify({ film, issues }, null, 2)}\n`);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
  });

  test("inspect exits 0 when the only issues are warnings, and --spans adds the spans", async () => {
    const text = "Saturday Night\nDance\n1977";
    const run = await runCli(["inspect", "-", "--spans"], text);
    const inspection = inspectListing(text);
    expect(inspection.issues.map((issue) => issue.severity)).toEqual(["warning"]);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(inspection)));
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(["film", "issues", "spans"]);
    expect(run.status).toBe(0);
  });

  test("inspect prints NDJSON with the path for several inputs and counts the inputs with errors", async () => {
    const folder = await folderWith("inspect-many", {
      "a.txt": TWO_ERRORS,
      "b.txt": await fixture("the-red-shoes.txt"),
    });
    const run = await runCli(["inspect", folder]);
    const lines = run.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    const { film, issues } = inspectListing(TWO_ERRORS);
    expect(lines).toEqual([
      { path: join(folder, "a.txt"), ...JSON.parse(JSON.stringify({ film, issues })) },
      { path: join(folder, "b.txt"), film: JSON.parse(await fixture("the-red-shoes.json")), issues: [] },
    ]);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/^film-listing: 2 inspected, 1 with errors, 0 failed in /);
    expect(run.status).toBe(1);
  });

  test("inspect --check passes on the inspection fixtures", async () => {
    const run = await runCli(["inspect", join(FIXTURES, "inspect"), "--check", "--reference-date", "2026-11-25"]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^film-listing: \d+ inspected, 0 failed, 0 drifted in \d+\.\d\ds\n$/);
    expect(run.status).toBe(0);
  });

  test("inspect --check compares each inspection with the JSON beside it", async () => {
    const folder = await folderWith("inspect-check", {
      "a.txt": TWO_ERRORS,
      "b.txt": await fixture("the-red-shoes.txt"),
    });
    const written = await runCli(["inspect", folder, "--out-dir", folder]);
    expect(written.status).toBe(1);
    const clean = await runCli(["inspect", folder, "--check"]);
    expect(clean.stdout).toBe("");
    expect(clean.stderr.trimEnd().split("\n").at(-1)).toMatch(/^film-listing: 2 inspected, 0 failed, 0 drifted in /);
    expect(clean.status).toBe(0);

    const committed = JSON.parse(await readFile(join(folder, "b.json"), "utf8"));
    await writeFile(
      join(folder, "b.json"),
      `${JSON.stringify({ ...committed, film: { ...committed.film, rating: 4.4 } }, null, 2)}\n`,
    );
    const drifted = await runCli(["inspect", folder, "--check"]);
    expect(drifted.stdout).toBe(
      `${join(folder, "b.txt")}: drifted from ${join(folder, "b.json")}:4\n  $.film.rating: 4.4 → 4.3\n`,
    );
    expect(drifted.status).toBe(1);
  });
});

describe.concurrent("--reporter github", { timeout: SPAWN_TIMEOUT }, () => {
  test("prints one workflow command per issue of a failing parse, warnings as warnings", async () => {
    const run = await runCli(["-", "--reporter", "github"], TWO_ERRORS);
    expect(run.stderr).toBe(
      [
        "::error file=<stdin>,line=2,col=1,endLine=2,endColumn=4,title=E_INVALID::rating 7.5 is outside 0–5",
        "::error file=<stdin>,line=3,col=1,endLine=3,endColumn=6,title=E_INVALID::vote count (2.5) is not a whole number",
        '::warning file=<stdin>,line=4,col=1,endLine=4,endColumn=6,title=W_UNKNOWN_GENRE::genre "Dance" is not in the genre vocabulary',
        "",
      ].join("\n"),
    );
    expect(run.status).toBe(1);
  });

  test("escapes %, CR and LF in messages, and : and , in properties, as GitHub's toolkit does", async () => {
    const name = "100%, a:b\nc.txt";
    const folder = await folderWith("github-escape", { [name]: "The Red Shoes\n7.5\n1948" });
    const run = await runCli([folder, "--reporter", "github", "--quiet"]);
    expect(run.stderr).toBe(
      `::error file=${folder}/100%25%2C a%3Ab%0Ac.txt,line=2,col=1,endLine=2,endColumn=4,title=E_INVALID::rating 7.5 is outside 0–5\n`,
    );
  });

  test("prints drift as an error at the committed file and the line of the first drifted field", async () => {
    const committed = JSON.parse(await fixture("the-red-shoes.json"));
    const folder = await folderWith("github-drift", {
      "x.txt": await fixture("the-red-shoes.txt"),
      "x.json": `${JSON.stringify({ ...committed, rating: 4.4 }, null, 2)}\n`,
    });
    const run = await runCli([folder, "--check", "--reporter", "github", "--quiet"]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `::error file=${join(folder, "x.json")},line=3,title=drift::${join(folder, "x.txt")} drifted: $.rating: 4.4 → 4.3\n`,
    );
    expect(run.status).toBe(1);
  });

  test("inspect prints every issue as a workflow command beside its JSON", async () => {
    const run = await runCli(["inspect", "-", "--reporter", "github"], "Saturday Night\nDance\n1977");
    expect(run.stderr).toBe(
      '::warning file=<stdin>,line=2,col=1,endLine=2,endColumn=6,title=W_UNKNOWN_GENRE::genre "Dance" is not in the genre vocabulary\n',
    );
    expect(JSON.parse(run.stdout).film.title).toBe("Saturday Night");
    expect(run.status).toBe(0);
  });
});

describe("memory", () => {
  test(
    "a hostile input of 200,000 issues runs in a 96 MB heap, its issues capped, and the input after it is parsed",
    async () => {
      const dir = join(work, "memory");
      await mkdir(dir, { recursive: true });
      // 200,000 repeated sections: 2 MB, which needed about 200 MB of heap when every issue was kept.
      await writeFile(join(dir, "a-hostile.txt"), `T\n1948\n${"Starring:\n".repeat(200_000)}`);
      await writeFile(join(dir, "b-good.txt"), "Good\n1948\n");
      const env = { NODE_OPTIONS: "--max-old-space-size=96" };
      const run = await runCli(["inspect", "memory", "--reference-date", "2026-11-25", "--max-issues", "3"], { env });
      const [hostile, good] = run.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(hostile.issues.map((issue: { code: string }) => issue.code)).toEqual([
        "E_DUPLICATE_SECTION",
        "E_DUPLICATE_SECTION",
        "E_DUPLICATE_SECTION",
        "W_MORE_ISSUES",
      ]);
      expect(hostile.issues[3].reason).toBe("199,996 more issues are not listed (maxIssues is 3)");
      expect(good).toMatchObject({ path: "memory/b-good.txt", film: { title: "Good" }, issues: [] });
      expect(run.status).toBe(1);
    },
    SPAWN_TIMEOUT,
  );

  test(
    "an input that may need more memory than the process has fails alone; the others are still written",
    async () => {
      const dir = join(work, "memory-refused");
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, "a-large.txt"), `T\n1948\nCommunity Reviews\n${'""\n'.repeat(2_000_000)}`);
      await writeFile(join(dir, "b-good.txt"), "Good\n1948\n");
      const env = { NODE_OPTIONS: "--max-old-space-size=96" };
      const run = await runCli(["memory-refused", "--out-dir", "memory-out", "--reference-date", "2026-11-25"], {
        env,
      });
      expect(run.stderr).toMatch(
        /^memory-refused\/a-large\.txt: an input of 5\.7 MB may need 228\.9 MB of memory, more than the [\d.]+ MB this process has left \(give Node more with NODE_OPTIONS=--max-old-space-size=MB, or split the input\)\n/,
      );
      expect(JSON.parse(await readFile(join(work, "memory-out", "b-good.json"), "utf8"))).toMatchObject({
        title: "Good",
      });
      expect(run.status).toBe(1);
      // With the heap it needs, the same input is read.
      const roomy = await runCli(["inspect", "memory-refused/a-large.txt", "--max-issues", "1"], {
        env: { NODE_OPTIONS: "--max-old-space-size=512" },
      });
      expect(JSON.parse(roomy.stdout).issues.map((issue: { code: string }) => issue.code)).toEqual([
        "E_INVALID",
        "W_MORE_ISSUES",
      ]);
    },
    SPAWN_TIMEOUT,
  );

  test("--max-issues takes a whole number from 1", async () => {
    const run = await runCli(["inspect", "x.txt", "--max-issues", "0"]);
    expect(run.stderr).toBe(
      "film-listing: --max-issues takes a whole number from 1, got \"0\"\nRun 'film-listing help inspect' for usage.\n",
    );
    expect(run.status).toBe(2);
  });
});

describe("containment", () => {
  test(
    "a folder's links to files outside it are not followed, and an x.json that links outside is not read",
    async () => {
      const base = join(work, "contain");
      await mkdir(join(base, "fx", "sub"), { recursive: true });
      await mkdir(join(base, "outside"), { recursive: true });
      await writeFile(join(base, "fx", "a.txt"), "Good\n1948\n");
      await writeFile(join(base, "outside", "secret.json"), '{"token":"SECRET-TOKEN"}');
      await writeFile(join(base, "outside", "passwd.txt"), "root:x:0:0:SECRET-ROOT\n1948\n");
      await writeFile(join(base, "fx", "sub", "in.txt"), "Inside\n1948\n");
      await symlink(join("..", "outside", "secret.json"), join(base, "fx", "a.json"));
      await symlink(join("..", "outside", "passwd.txt"), join(base, "fx", "passwd.txt"));
      await symlink("/proc/self/environ", join(base, "fx", "environ.txt"));
      await symlink(join("sub", "in.txt"), join(base, "fx", "link-in.txt"));
      const check = await runCli(["contain/fx", "--check", "--reporter", "github"]);
      const inspect = await runCli(["inspect", "contain/fx", "--ndjson"]);
      for (const run of [check, inspect]) {
        expect(run.stdout + run.stderr).not.toMatch(/SECRET|PATH=|HOME=/);
        expect(run.stderr).toContain("contain/fx/passwd.txt");
        expect(run.stderr).toContain("a link to a file outside the folder, not followed");
        expect(run.status).toBe(1);
      }
      expect(check.stderr).toContain("contain/fx/a.json links outside contain/fx; not read");
      expect(check.stderr).toContain("title=unreadable input::a link to a file outside the folder, not followed");
      // A link inside the folder is read, and a file named directly is read as given.
      const paths = inspect.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).path);
      expect(paths).toEqual(["contain/fx/a.txt", "contain/fx/link-in.txt", "contain/fx/sub/in.txt"]);
      const direct = await runCli(["contain/fx/passwd.txt"]);
      expect(JSON.parse(direct.stdout).title).toBe("root:x:0:0:SECRET-ROOT");
    },
    SPAWN_TIMEOUT,
  );

  // Root reads any folder, whatever its mode: as root (as in CI), the command runs as an unprivileged user.
  test.skipIf(UNPRIVILEGED === "none")(
    "an unreadable sub-folder is a failure of its own, named by its path; the files beside it are read",
    async () => {
      const user = typeof UNPRIVILEGED === "object" ? UNPRIVILEGED : undefined;
      if (user !== undefined) {
        // The command's build and the work folder are made private by mkdtemp: opened for that user to read.
        await chmod(join(cli, ".."), 0o755);
        await chmod(work, 0o755);
        const version = await runCli(["--version"], { user });
        expect(version.stderr, `the built command cannot be run as uid ${user.uid}`).toBe("");
        expect(version.stdout).toBe(`${packageJson.version}\n`);
      }
      const base = join(work, "locked-folder");
      await mkdir(join(base, "locked"), { recursive: true });
      await writeFile(join(base, "a.txt"), "Good\n1948\n");
      await writeFile(join(base, "locked", "b.txt"), "Hidden\n1948\n");
      await chmod(base, 0o755);
      await chmod(join(base, "a.txt"), 0o644);
      await chmod(join(base, "locked"), 0o000);
      try {
        const run = await runCli(["locked-folder", "--ndjson", "--quiet"], { user });
        expect(run.stderr).toBe("locked-folder/locked: permission denied\n");
        expect(JSON.parse(run.stdout).path).toBe("locked-folder/a.txt");
        expect(run.status).toBe(1);
      } finally {
        await chmod(join(base, "locked"), 0o755);
      }
    },
    SPAWN_TIMEOUT,
  );
});

describe("outputs never overwrite inputs", () => {
  test.each([["parse"], ["inspect"]])(
    "%s --out-dir refuses to write over an input, and writes the others",
    async (command) => {
      const dir = join(work, `overwrite-${command}`);
      await mkdir(dir, { recursive: true });
      const listing = "The Red Shoes\n1948\n";
      await writeFile(join(dir, "listing.json"), listing);
      await writeFile(join(dir, "other.txt"), "Other\n1948\n");
      const run = await runCli([
        command,
        `overwrite-${command}/listing.json`,
        `overwrite-${command}/other.txt`,
        "--out-dir",
        `overwrite-${command}`,
      ]);
      expect(run.stderr).toContain(
        `overwrite-${command}/listing.json: overwrite-${command}/listing.json is an input; not written over (choose another --out-dir)\n`,
      );
      expect(await readFile(join(dir, "listing.json"), "utf8")).toBe(listing);
      expect(await readFile(join(dir, "other.json"), "utf8")).toContain('"Other"');
      expect(run.status).toBe(1);
    },
    SPAWN_TIMEOUT,
  );
});

/** Runs `script` in a shell in the work folder, with `$NODE` and `$CLI` set: for what `spawn` cannot give (bytes that are not UTF-8, a closed stdout). */
function runShell(script: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", script], {
      cwd: work,
      env: envWith({ NODE: process.execPath, CLI: cli }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("close", resolve));
  return child.pid as number;
}

describe.concurrent("names, dates, standard input and output folders", { timeout: SPAWN_TIMEOUT }, () => {
  test("reads a file whose name is not UTF-8, named directly or below a folder, and shows its name escaped", async () => {
    const folder = await folderWith("latin1-names", { "a.txt": "Good\n1948\n", "sub/.keep": "" });
    const named = (base: string, name: string) =>
      Buffer.concat([Buffer.from(`${join(folder, base)}/`), Buffer.from(name, "latin1")]);
    await writeFile(named("sub", "caf\u00e9.txt"), "Café\n1948\n");
    await mkdir(join(work, "latin1-bad"), { recursive: true });
    await writeFile(
      Buffer.concat([Buffer.from(`${join(work, "latin1-bad")}/`), Buffer.from([0x62, 0xff])]),
      "Bad\n7.5\n1948",
    );

    const direct = await runShell(`"$NODE" "$CLI" "latin1-names/sub/$(printf 'caf\\351.txt')"`);
    expect(direct.stderr).toBe("");
    expect(JSON.parse(direct.stdout).title).toBe("Café");
    expect(direct.status).toBe(0);

    const walked = await runCli(["latin1-names", "--quiet"]);
    const paths = walked.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).path);
    expect(paths).toEqual(["latin1-names/a.txt", "latin1-names/sub/caf\\xE9.txt"]);
    expect(walked.status).toBe(0);

    const failing = await runShell(`"$NODE" "$CLI" "latin1-bad/$(printf 'b\\377')"`);
    expect(failing.stderr.split("\n")[0]).toBe("latin1-bad/b\\xFF:2:1: E_INVALID rating 7.5 is outside 0–5");
    expect(failing.status).toBe(1);
    const missing = await runShell(`"$NODE" "$CLI" "$(printf 'gone\\351.txt')"`);
    expect(missing.stderr).toBe("gone\\xE9.txt: no such file or folder\n");
    // format reads a record by such a name too.
    await writeFile(
      Buffer.concat([
        Buffer.from(`${join(work, "latin1-bad")}/`),
        Buffer.from([0x72, 0xe9, 0x2e, 0x6a, 0x73, 0x6f, 0x6e]),
      ]),
      await fixture("the-red-shoes.json"),
    );
    const format = await runShell(`"$NODE" "$CLI" format "latin1-bad/$(printf 'r\\351.json')"`);
    expect(format.stdout.split("\n").slice(0, 2)).toEqual(["The Red Shoes", "4.3"]);
    expect(format.status).toBe(0);
    const notRecord = await runShell(`"$NODE" "$CLI" format "latin1-bad/$(printf 'b\\377')"`);
    expect(notRecord.stderr).toMatch(/^latin1-bad\/b\\xFF: not a JSON record/);

    // No .json name can be made from such a name: that input fails, the others are written.
    const out = await runCli(["latin1-names", "--out-dir", "latin1-out", "--quiet"]);
    expect(out.stderr).toBe(
      "latin1-names/sub/caf\\xE9.txt: the name is not UTF-8, so no .json name can be made for it; rename the file\n",
    );
    expect(await readdir(join(work, "latin1-out"))).toEqual(["a.json"]);
    expect(out.status).toBe(1);
  });

  test.each([["0000-01-01"], ["1869-12-31"]])(
    "--reference-date %s is refused for the date itself, not for a year of the listing",
    async (date) => {
      const run = await runCli([join(FIXTURES, "the-red-shoes.txt"), "--reference-date", date]);
      expect(run.stderr).toBe(
        `film-listing: --reference-date ${date} is before 1870, the first year a film can have; give the day the listings were read\nRun 'film-listing help parse' for usage.\n`,
      );
      expect(run.stdout).toBe("");
      expect(run.status).toBe(2);
    },
  );

  test("standard input that is a folder is a failure that says so, not an empty listing", async () => {
    for (const command of ["parse", "inspect", "format"]) {
      const run = await runShell(`"$NODE" "$CLI" ${command} - < .`);
      expect(run.stderr).toBe("<stdin>: is a folder\n");
      expect(run.stdout).toBe("");
      expect(run.status).toBe(1);
    }
  });

  test("sweeps the temporary files that killed runs left in an output folder, and nothing else", async () => {
    const out = join(work, "sweep-out");
    await rm(out, { recursive: true, force: true });
    await mkdir(join(out, "sub"), { recursive: true });
    const dead = await deadPid();
    const stale = [`.0123456789ab.${dead}.tmp`, `sub/.ba9876543210.${dead}.tmp`];
    const kept = [
      `.0123456789ab.${process.pid}.tmp`, // its writer still runs
      `.0123456789a.${dead}.tmp`, // not the command's name
      `.0123456789ab.${dead}.tmp.bak`,
      `notes.${dead}.tmp`,
      "sub/other.json",
    ];
    for (const name of [...stale, ...kept]) await writeFile(join(out, name), "x");
    await mkdir(join(out, `.fedcba987654.${dead}.tmp`)); // a folder of that name is not a file
    await symlink("/etc/hostname", join(out, `.aaaaaaaaaaaa.${dead}.tmp`));
    const input = await folderWith("sweep-in", { "a.txt": "A\n1948\n", "sub/b.txt": "B\n1948\n" });
    const run = await runCli([input, "--out-dir", out, "--quiet"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const left = [...(await readdir(out)), ...(await readdir(join(out, "sub"))).map((name) => `sub/${name}`)].sort();
    expect(left).toEqual(
      [...kept, "a.json", "sub", "sub/b.json", `.fedcba987654.${dead}.tmp`, `.aaaaaaaaaaaa.${dead}.tmp`].sort(),
    );
    expect(await readFile("/etc/hostname", "utf8")).not.toBe("");
  });

  test("does not write through a link to a folder inside --out-dir: that output fails, named", async () => {
    const input = await folderWith("linked-in", { "a.txt": "A\n1948\n", "sub/b.txt": "B\n1948\n" });
    const out = join(work, "linked-out");
    const elsewhere = join(work, "linked-elsewhere");
    for (const folder of [out, elsewhere]) {
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
    }
    await symlink(elsewhere, join(out, "sub"));
    const run = await runCli(["linked-in", "--out-dir", "linked-out", "--quiet"]);
    expect(run.stderr).toBe(
      "linked-in/sub/b.txt: cannot write linked-out/sub/b.json: linked-out/sub is a link; not written through\n",
    );
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await readFile(join(out, "a.json"), "utf8")).toContain('"A"');
    expect(input).toBe(join(work, "linked-in"));
    expect(run.status).toBe(1);
  });

  test("a stdout discarded on purpose is no failure: >/dev/null, or /dev/null opened read-write by the caller", async () => {
    const file = join(FIXTURES, "the-red-shoes.txt");
    const discarded = await runShell(`"$NODE" "$CLI" "${file}" >/dev/null`);
    expect(discarded.stderr).toBe("");
    expect(discarded.status).toBe(0);
    // As Node's stdio "ignore" and Python's subprocess.DEVNULL give it, and as Node puts it in place of a closed stdout.
    const ignored = await runCli([file], { stdout: openSync("/dev/null", "r+") });
    expect(ignored.stderr).toBe("");
    expect(ignored.status).toBe(0);
  });

  test("a broken pipe makes the status 1 even when every input parsed", async () => {
    const reference = await fixture("the-red-shoes.txt");
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${String(i).padStart(3, "0")}.txt`] = reference;
    const folder = await folderWith("broken-pipe", files);
    const child = spawn(process.execPath, [cli, folder], { cwd: work, env: envWith() });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.on("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(BROKEN_PIPE);
    expect(status).toBe(1);
  });
});

describe("signals inside a long input", () => {
  /** A listing of 2 million `Starring:` lines, each an issue: inspect takes seconds over it, in one synchronous call. */
  let folder: string;
  beforeAll(async () => {
    folder = await folderWith("signal-inspect", {
      "a-bad.txt": "The Red Shoes\n7.5\n1948",
      "b-big.txt": `T\n1948\n${"Starring:\n".repeat(2_000_000)}`,
    });
  });

  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s during inspect of a 20 MB input stops within seconds, exit status %i to a shell, no file left",
    async (signal, status) => {
      const out = join(work, `signal-inspect-${signal}-out`);
      await rm(out, { recursive: true, force: true });
      const child = spawn(process.execPath, [cli, "inspect", folder, "--out-dir", out, "--reporter", "github"], {
        cwd: work,
        env: envWith(),
      });
      let stderr = "";
      let sentAt = 0;
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        // The small input is done once its issue is reported; a second later the big one is being inspected.
        if (stderr.includes("E_INVALID") && sentAt === 0) {
          sentAt = -1;
          setTimeout(() => {
            sentAt = performance.now();
            child.kill(signal);
          }, 1000);
        }
      });
      const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on("close", (...result) => resolve(result)),
      );
      const waited = performance.now() - sentAt;
      expect(sentAt).toBeGreaterThan(0);
      // SIGINT interrupts the inspection and says where; SIGTERM inside it ends the process as its default does.
      if (killedBy === null) {
        expect(code).toBe(status);
        expect(stderr.trimEnd().split("\n").at(-1)).toBe("film-listing: stopped after 1 of 2 inputs");
      } else {
        expect([signal, killedBy]).toEqual(["SIGTERM", "SIGTERM"]);
      }
      // Inspecting the big input takes several seconds; a signal that waited for it would take as long.
      expect(waited).toBeLessThan(3000);
      expect(await readdir(out)).toEqual(["a-bad.json"]);
    },
    SPAWN_TIMEOUT,
  );
});
