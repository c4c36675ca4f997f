/**
 * The published package, used as a consumer uses it: `npm pack`, install the
 * tarball into a scratch project, then import it from ESM, require it from
 * CommonJS, type-check against it under node16 resolution, and run its bin.
 *
 * The package is packed from a copy of the working tree (tracked and
 * unignored files), so that its build does not touch the shared `dist/`.
 */

import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const REFERENCE_TXT = join(ROOT, "fixtures", "the-red-shoes.txt");
const REFERENCE_FILM: unknown = JSON.parse(readFileSync(join(ROOT, "fixtures", "the-red-shoes.json"), "utf8"));
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  bin?: Record<string, string>;
  exports: Record<string, unknown>;
  main: string;
  module: string;
  types: string;
};

/** The zod releases the peer dependency range names at either end: zod 4, and zod 3.25, whose `zod/v4` is zod 4. */
const ZOD_VERSIONS = ["^4.0.0", "3.25.76"] as const;

let scratch: string;
/** A project on zod 4. */
let consumer: string;
/** A project on zod 3.25, which keeps zod 3 as `zod` and ships zod 4 as `zod/v4`. */
let zod3Consumer: string;
let packedFiles: string[];
let unpackedSize: number;
let installLog: string;

/** Runs a command, resolving to its output; rejects with the command's stderr on failure. */
async function sh(file: string, args: readonly string[], cwd: string): Promise<string> {
  return (await shBoth(file, args, cwd)).stdout;
}

/** Runs a command, resolving to its stdout and stderr; rejects with the command's stderr on failure. */
async function shBoth(file: string, args: readonly string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: "true" } });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${file} ${args.join(" ")} failed in ${cwd}:\n${stderr ?? message}`);
  }
}

/** Every file path named by the manifest's entry points (exports, main, module, types, bin). */
function entryFiles(): string[] {
  const paths = new Set<string>([manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin ?? {})]);
  const walk = (value: unknown): void => {
    if (typeof value === "string") paths.add(value);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  return [...paths].map((path) => path.replace(/^\.\//, "")).sort();
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "film-listing-package-"));
  const source = join(scratch, "source");
  const listed = await sh("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT);
  for (const path of listed.split("\0")) {
    if (path === "" || !existsSync(join(ROOT, path))) continue;
    mkdirSync(dirname(join(source, path)), { recursive: true });
    cpSync(join(ROOT, path), join(source, path));
  }
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");

  // The `prepack` script (the build), as `npm pack` and `npm publish` run it; run apart so
  // that its output does not mix with the JSON report of `npm pack`.
  await sh("npm", ["run", "prepack"], source);
  const packed = JSON.parse(
    await sh("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], source),
  ) as readonly { filename: string; unpackedSize: number; files: readonly { path: string }[] }[];
  const [tarball] = packed;
  if (tarball === undefined) throw new Error("npm pack reported no tarball");
  packedFiles = tarball.files.map((file) => file.path).sort();
  unpackedSize = tarball.unpackedSize;

  // zod is a peer dependency: each consumer installs the tarball beside the zod it chose.
  const logs: string[] = [];
  const install = async (name: string, zod: string): Promise<string> => {
    const folder = join(scratch, name);
    mkdirSync(folder);
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name, version: "1.0.0", private: true }));
    const installed = await shBoth(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", join(scratch, tarball.filename), `zod@${zod}`],
      folder,
    );
    logs.push(installed.stdout + installed.stderr);
    return folder;
  };
  [consumer, zod3Consumer] = await Promise.all([
    install("consumer", ZOD_VERSIONS[0]),
    install("zod3", ZOD_VERSIONS[1]),
  ]);
  installLog = logs.join("\n");
});

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe("the tarball", () => {
  test("holds every file the manifest points at", () => {
    expect(entryFiles().filter((path) => !packedFiles.includes(path))).toEqual([]);
  });

  test("holds only the build, the manifest, the README and the license", () => {
    const extra = packedFiles.filter(
      (path) => !path.startsWith("dist/") && !["package.json", "README.md", "LICENSE"].includes(path),
    );
    expect(extra).toEqual([]);
  });

  test("unpacks to at most 800 KB and ships no source maps, which would carry the bundled zod and date-fns", () => {
    expect(unpackedSize).toBeLessThanOrEqual(800 * 1024);
    expect(packedFiles.filter((path) => path.endsWith(".map"))).toEqual([]);
  });

  test("installs without a script of its own to run or approve", () => {
    const scripts = Object.keys((manifest as { scripts?: Record<string, string> }).scripts ?? {});
    expect(scripts.filter((name) => ["preinstall", "install", "postinstall", "prepare"].includes(name))).toEqual([]);
    expect(installLog).not.toMatch(/install-scripts|film-listing@[^\n]*\(prepare/);
  });
});

describe("an installed copy", () => {
  test("imported from ESM parses the reference listing into its record", async () => {
    writeFileSync(
      join(consumer, "esm.mjs"),
      `import { readFileSync } from "node:fs";
import { parseListing, safeParseListing, ListingError } from "film-listing";
const film = parseListing(readFileSync(process.argv[2], "utf8"));
const failed = safeParseListing("The Red Shoes\\n7.5\\n1948");
console.log(JSON.stringify({ film, error: failed.error instanceof ListingError && failed.error.code }));
`,
    );
    const output = JSON.parse(await sh("node", ["esm.mjs", REFERENCE_TXT], consumer));
    expect(output).toEqual({ film: REFERENCE_FILM, error: "E_INVALID" });
  });

  test("required from CommonJS parses the reference listing into its record", async () => {
    writeFileSync(
      join(consumer, "cjs.cjs"),
      `const { readFileSync } = require("node:fs");
const { parseListing, safeParseListing, ListingError } = require("film-listing");
const film = parseListing(readFileSync(process.argv[2], "utf8"));
const failed = safeParseListing("The Red Shoes\\n7.5\\n1948");
console.log(JSON.stringify({ film, error: failed.error instanceof ListingError && failed.error.code }));
`,
    );
    const output = JSON.parse(await sh("node", ["cjs.cjs", REFERENCE_TXT], consumer));
    expect(output).toEqual({ film: REFERENCE_FILM, error: "E_INVALID" });
  });

  test("ships film-listing/schema.json: the exported JSON Schema, which the reference record meets", async () => {
    writeFileSync(
      join(consumer, "schema.mjs"),
      `import { createRequire } from "node:module";
import schema from "film-listing/schema.json" with { type: "json" };
import { filmJsonSchema } from "film-listing";
const required = createRequire(import.meta.url)("film-listing/schema.json");
console.log(JSON.stringify({ schema, required, exported: filmJsonSchema }));
`,
    );
    const { schema, required, exported } = JSON.parse(await sh("node", ["schema.mjs"], consumer));
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(required).toEqual(schema);
    expect(exported).toEqual(schema);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(REFERENCE_FILM)).toBe(true);
    expect(validate({ ...(REFERENCE_FILM as object), year: "1948" })).toBe(false);
  });

  test("type-checks ESM and CommonJS consumers under node16 module resolution", async () => {
    const consumerCode = `import { parseListing, FilmSchema, type Film, type ListingErrorCode } from "film-listing";
const film: Film = parseListing("The Red Shoes\\n1948");
export const year: number = film.year;
export const rating: number | null = film.rating;
export const code: ListingErrorCode = "E_MISSING_YEAR";
export const parsed: Film = FilmSchema.parse(film);
// @ts-expect-error Film has no field of that name
export const missing = film.director;
`;
    writeFileSync(join(consumer, "esm-types.mts"), consumerCode);
    writeFileSync(join(consumer, "cjs-types.cts"), consumerCode);
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "node16",
          moduleResolution: "node16",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["esm-types.mts", "cjs-types.cts"],
      }),
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    await expect(sh("node", [tsc, "-p", "tsconfig.json"], consumer)).resolves.toBe("");
  });

  test("runs its bin on the reference listing and prints the record as JSON", async () => {
    expect(Object.keys(manifest.bin ?? {})).toEqual([manifest.name]);
    const bin = join(consumer, "node_modules", ".bin", manifest.name);
    const output = JSON.parse(await sh(bin, ["parse", REFERENCE_TXT], consumer));
    expect(output).toEqual(REFERENCE_FILM);
  });
});

describe.each([
  { zod: ZOD_VERSIONS[0], folder: () => consumer, from: "zod" },
  { zod: ZOD_VERSIONS[1], folder: () => zod3Consumer, from: "zod/v4" },
])("beside zod $zod", ({ zod, folder, from }) => {
  test("the project holds one zod, its own, which the package uses", async () => {
    const tree = JSON.parse(await sh("npm", ["ls", "zod", "--all", "--json"], folder())) as {
      dependencies: { zod: { version: string }; "film-listing": { dependencies?: { zod?: unknown } } };
    };
    expect(tree.dependencies.zod.version).toMatch(zod === "3.25.76" ? /^3\.25\.76$/ : /^4\./);
    expect(existsSync(join(folder(), "node_modules", "film-listing", "node_modules", "zod"))).toBe(false);
    expect(tree.dependencies["film-listing"].dependencies?.zod).toMatchObject({
      version: tree.dependencies.zod.version,
    });
  });

  test(`type-checks z.infer<typeof FilmSchema> with z from ${from}, and FilmSchema validates records at run time`, async () => {
    const code = `import * as z from "${from}";
import { FilmSchema, parseListing, type Film } from "film-listing";
type Inferred = z.infer<typeof FilmSchema>;
const film: Film = parseListing("The Red Shoes\\n4.3\\n1948");
export const inferred: Inferred = film;
export const back: Film = inferred;
// @ts-expect-error a rating is a number or null
export const wrong: Inferred = { ...film, rating: "4.3" };
const checked = FilmSchema.safeParse({ ...film, rating: 7.5 });
const issue = checked.success ? undefined : checked.error.issues[0];
// A schema of the project's own, made with the same zod, holds a Film.
const Catalogue = z.object({ films: z.array(FilmSchema) });
const catalogue: z.infer<typeof Catalogue> = Catalogue.parse({ films: [film] });
console.log(JSON.stringify({ title: FilmSchema.parse(film).title, path: issue?.path, films: catalogue.films.length }));
`;
    writeFileSync(join(folder(), "zod-use.mts"), code);
    writeFileSync(
      join(folder(), "tsconfig.zod.json"),
      JSON.stringify({
        compilerOptions: {
          module: "node16",
          moduleResolution: "node16",
          target: "es2022",
          strict: true,
          outDir: "built",
          skipLibCheck: false,
          types: [],
        },
        files: ["zod-use.mts"],
      }),
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    await expect(sh("node", [tsc, "-p", "tsconfig.zod.json"], folder())).resolves.toBe("");
    const output = JSON.parse(await sh("node", [join("built", "zod-use.mjs")], folder()));
    expect(output).toEqual({ title: "The Red Shoes", path: ["rating"], films: 1 });
  });
});

/** The `run:` commands of a workflow's steps, in order. */
function workflowCommands(yaml: string): string[] {
  return [...yaml.matchAll(/^\s+(?:- )?run: (.+)$/gm)].map((match) => (match[1] as string).trim());
}

/** The fenced blocks of a Markdown text in the language `lang`. */
function fencedBlocks(markdown: string, lang: string): string[] {
  // The language may be followed by a file name: ```ts src/films.ts
  return [...markdown.matchAll(new RegExp(`^\`\`\`${lang}(?: [^\\n]*)?\n([\\s\\S]*?)^\`\`\`$`, "gm"))].map(
    (match) => match[1] as string,
  );
}

/** Runs a workflow step's command with bash in `cwd`, as the runner does, resolving to its status and output. */
async function step(command: string, cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("bash", ["-eo", "pipefail", "-c", command], {
      cwd,
      env: { ...process.env, CI: "true" },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { status: code, stdout, stderr };
  }
}

describe("examples/github-actions.yml, run on the repository's fixtures in a project on the installed package", () => {
  const workflow = readFileSync(join(ROOT, "examples", "github-actions.yml"), "utf8");
  const guide = readFileSync(join(ROOT, "docs", "ci.md"), "utf8");
  // `npm ci` is the install this suite did; the other steps run as written.
  const commands = workflowCommands(workflow).filter((command) => command !== "npm ci");
  const checkStep = commands.find((command) => command.includes("--check")) as string;

  /** The project of docs/ci.md: the fixtures' texts in scraped/, their JSON in json/, the guide's TypeScript in src/. */
  const project = (): string => {
    const folder = join(consumer, "project");
    if (existsSync(folder)) return folder;
    const copy = (from: string, to: string, rename: (slug: string) => string = (slug) => slug): void => {
      mkdirSync(join(folder, "scraped", to), { recursive: true });
      mkdirSync(join(folder, "json", to), { recursive: true });
      for (const name of readdirSync(from).filter((file) => file.endsWith(".txt"))) {
        const slug = rename(name.slice(0, -".txt".length));
        cpSync(join(from, name), join(folder, "scraped", to, `${slug}.txt`));
        cpSync(join(from, name.replace(/\.txt$/, ".json")), join(folder, "json", to, `${slug}.json`));
      }
    };
    // The guide's example imports json/sherlock-jr.json: that fixture goes by that name.
    copy(join(ROOT, "fixtures"), "", (slug) => (slug.startsWith("sherlock-jr-") ? "sherlock-jr" : slug));
    copy(join(ROOT, "fixtures", "errors"), "errors");
    const [films, readFilm] = fencedBlocks(guide, "ts");
    mkdirSync(join(folder, "src"));
    writeFileSync(join(folder, "src", "films.ts"), films as string);
    writeFileSync(join(folder, "src", "read-film.ts"), readFilm as string);
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "films", private: true, type: "module" }));
    writeFileSync(
      join(folder, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          target: "es2022",
          strict: true,
          resolveJsonModule: true,
          noEmit: true,
          skipLibCheck: false,
        },
        include: ["src"],
      }),
    );
    // The project's own dev dependencies, taken from this repository's: TypeScript and Node's types.
    const modules = join(folder, "node_modules");
    mkdirSync(join(modules, ".bin"), { recursive: true });
    mkdirSync(join(modules, "@types"));
    symlinkSync(join(consumer, "node_modules", "film-listing"), join(modules, "film-listing"), "dir");
    symlinkSync(join(consumer, "node_modules", "zod"), join(modules, "zod"), "dir");
    symlinkSync(join(ROOT, "node_modules", "typescript"), join(modules, "typescript"), "dir");
    symlinkSync(join(ROOT, "node_modules", "@types", "node"), join(modules, "@types", "node"), "dir");
    symlinkSync(join("..", "typescript", "bin", "tsc"), join(modules, ".bin", "tsc"));
    symlinkSync(join("..", "film-listing", "dist", "cli.cjs"), join(modules, ".bin", "film-listing"));
    return folder;
  };

  test("is the workflow docs/ci.md shows, with a step that checks and one that type-checks", () => {
    const shown = fencedBlocks(guide, "yaml");
    expect(shown).toHaveLength(1);
    expect(workflow.endsWith(shown[0] as string)).toBe(true);
    expect(commands).toEqual([
      "npx film-listing parse scraped --out-dir json --check --reporter github --reference-date 2026-11-25",
      "npx tsc --noEmit",
    ]);
  });

  test("passes every step on the committed fixtures, records and expected errors alike", async () => {
    const folder = project();
    for (const command of commands) {
      const result = await step(command, folder);
      expect(result, command).toMatchObject({ status: 0, stdout: "" });
      expect(result.stderr, command).not.toMatch(/::error|error TS/);
    }
    const summary = (await step(checkStep, folder)).stderr;
    expect(summary).toMatch(/^film-listing: \d+ parsed, \d+ expected errors, 0 failed, 0 drifted in /);
  });

  test("annotates a changed fixture at its JSON file and the line of the changed field, then passes once updated", async () => {
    const folder = project();
    const file = join(folder, "json", "the-red-shoes.json");
    const committed = readFileSync(file, "utf8");
    writeFileSync(file, committed.replace('"rating": 4.3,', '"rating": 4.4,'));
    const drifted = await step(checkStep, folder);
    expect(drifted.status).toBe(1);
    expect(drifted.stderr.split("\n")[0]).toBe(
      "::error file=json/the-red-shoes.json,line=3,title=drift::scraped/the-red-shoes.txt drifted: $.rating: 4.4 → 4.3",
    );

    const update = await step(checkStep.replace("--check --reporter github", "--update"), folder);
    expect(update.stdout).toBe("updated json/the-red-shoes.json: $.rating: 4.4 → 4.3\n");
    expect(update.status).toBe(0);
    expect(await step(checkStep, folder)).toMatchObject({ status: 0, stdout: "" });
  });

  test("fails the type-check step when a record's value has the wrong type", async () => {
    const folder = project();
    const file = join(folder, "json", "sherlock-jr.json");
    const committed = readFileSync(file, "utf8");
    writeFileSync(file, committed.replace('"rating": 4.35,', '"rating": "4.35",'));
    try {
      const typed = await step("npx tsc --noEmit", folder);
      expect(typed.status).not.toBe(0);
      expect(typed.stdout).toMatch(/src\/films\.ts\(\d+,\d+\): error TS1360: .*'Film'/);
    } finally {
      writeFileSync(file, committed);
    }
  });
});
