import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import packageJson from "../package.json";
import { filmJsonSchema, toSchemaOrg } from "../src/index";
import tsupConfig from "../tsup.config";

const ROOT = join(import.meta.dirname, "..");
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
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const entry = configs.find((config) => JSON.stringify(config.entry).includes("src/cli/main.ts"));
  if (entry === undefined) throw new Error("tsup.config.ts has no entry for src/cli/main.ts");
  await mkdir(CACHE, { recursive: true });
  const outDir = await mkdtemp(join(CACHE, "film-listing-cli-"));
  await build({ ...entry, outDir, config: false, silent: true, sourcemap: false });
  cli = join(outDir, "cli.js");
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

/** Runs the built CLI as a user would, with `input` piped to its stdin (empty when not given). */
function runCli(args: readonly string[], input = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: work });
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
    child.stdin.end(input);
  });
}

const fixture = (name: string) => readFile(join(FIXTURES, name), "utf8");

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

const SUMMARY = /^film-listing: (\d+) parsed, (?:(\d+) expected errors?, )?(\d+) failed, (\d+) drifted in \d+\.\d\ds$/;

/** The counts of the summary line that ends stderr. */
/** The listing fixtures, `fixtures/*.txt`. */
async function listingTexts(): Promise<string[]> {
  return (await readdir(FIXTURES)).filter((name) => name.endsWith(".txt")).map((name) => join(FIXTURES, name));
}

function summaryOf(stderr: string) {
  const last = stderr.trimEnd().split("\n").at(-1) ?? "";
  const match = SUMMARY.exec(last);
  if (match === null) throw new Error(`no summary line at the end of stderr:\n${stderr}`);
  const [, parsed, expectedErrors, failed, drifted] = match.map(Number);
  return { parsed, expectedErrors: match[2] === undefined ? undefined : expectedErrors, failed, drifted };
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
    expect(summaryOf(run.stderr)).toEqual({ parsed: 3, expectedErrors: undefined, failed: 0, drifted: 0 });
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
    expect(await readFile(join(out, "a-good.json"), "utf8")).toBe(await fixture("the-red-shoes.json"));
    expect(await readFile(join(out, "c-good.json"), "utf8")).toBe(await fixture("nosferatu-no-runtime.json"));
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
    expect(summaryOf(run.stderr)).toEqual({ parsed: 2, expectedErrors: undefined, failed: 2, drifted: 0 });
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

  test("reports each drifted field with its committed and its new value, and writes nothing", async () => {
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
        `${join(folder, "the-red-shoes.txt")}: drifted from ${join(folder, "the-red-shoes.json")}`,
        "  rating: 4.4 → 4.3",
        '  badges: [] → ["AD"]',
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
        `${join(folder, "bad-rating.txt")}: drifted from ${join(folder, "bad-rating.json")}`,
        "  error.line: 3 → 2",
        `${join(folder, "lonely.txt")}: drifted from ${join(folder, "lonely.json")}`,
        `  ${join(folder, "lonely.json")}: no such file or folder → a film record`,
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
        `${join(folder, "now-good.txt")}: drifted from ${join(folder, "now-good.json")}`,
        "  error: E_INVALID at 2:1 → a film record",
        "",
      ].join("\n"),
    );
    expect(summaryOf(run.stderr)).toEqual({ parsed: 0, expectedErrors: 0, failed: 1, drifted: 1 });
    expect(run.status).toBe(1);
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

  test("refuses a file that is not JSON with exit status 1", async () => {
    const run = await runCli(["format", join(FIXTURES, "the-red-shoes.txt")]);
    expect(run.stderr).toMatch(new RegExp(`^${join(FIXTURES, "the-red-shoes.txt")}: not JSON: `));
    expect(run.status).toBe(1);
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
    [["--frobnicate"], "film-listing: unknown option --frobnicate"],
    [["fixtures", "--check", "--out-dir", "out"], "film-listing: --check writes nothing, so it takes no --out-dir"],
    [["fixtures", "--ndjson", "--out-dir", "out"], "film-listing: --ndjson prints, --out-dir writes files: choose one"],
    [["-", "--check"], "film-listing: --check compares x.txt with x.json beside it; standard input has no such file"],
    [["-", "-"], "film-listing: standard input (-) can be read once"],
    [["--out-dir"], "film-listing: option '--out-dir <value>' argument missing"],
    [["format"], "film-listing: format takes one record: a .json file or -"],
    [["format", "a.json", "b.json"], "film-listing: format takes one record: a .json file or -"],
    [["format", "a.json", "--ndjson"], "film-listing: --ndjson applies to parse, not to format"],
    [["schema", "extra"], "film-listing: schema takes no arguments"],
    [["schema", "--schema-org"], "film-listing: --schema-org applies to parse, not to schema"],
    [["fixtures", "--check", "--schema-org"], "film-listing: --check compares records, so it takes no --schema-org"],
    [
      ["-", "--reference-date", "25/11/2026"],
      'film-listing: --reference-date takes a date like 2026-11-25, got "25/11/2026"',
    ],
    [
      ["-", "--reference-date", "2026-02-30"],
      'film-listing: --reference-date takes a date like 2026-11-25, got "2026-02-30"',
    ],
  ])("rejects %j with exit status 2, the reason and the usage", async (args, reason) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const [first, second, third] = run.stderr.split("\n");
    expect([first, second, third]).toEqual([reason, "", "Usage:"]);
  });

  test("--version prints the package's version", async () => {
    const run = await runCli(["--version"]);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
    expect(run.status).toBe(0);
  });

  test("--help prints the usage on stdout", async () => {
    const run = await runCli(["--help"]);
    expect(run.stdout).toMatch(/^Usage:\n {2}film-listing \[parse\] <file\|dir\|->\.\.\./);
    expect(run.stdout).toContain("--check");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
