/**
 * Every TypeScript snippet of the documentation runs as written: each
 * `@example` of `src/` and each ```ts block of README.md and docs/*.md is
 * type-checked and run, and every value it states in a comment
 * (`film.year; // 1948`), every output it shows under a `console.log` and
 * every error it says a statement throws is checked.
 *
 * A snippet that uses only the public API is checked as a user's code is:
 * under `nodenext` module resolution, against the package built with its
 * declarations, importing `film-listing` (the names a snippet uses are
 * imported for it when it imports nothing itself). A snippet of an internal
 * module (the command's) uses that module's own names, and is checked with
 * the repository's settings against the source.
 */

import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { build as esbuild } from "esbuild";
import { build, type Options } from "tsup";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import packageJson from "../package.json";
import tsupConfig from "../tsup.config";
import { type Runnable, runnable, type Snippet, snippetsOf } from "./support/snippets";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..");
/** Inside the repository, so that the package's own dependencies resolve from its node_modules. */
const CACHE = join(ROOT, "node_modules", ".cache");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** The names a module exports, types included. */
function exportsOf(file: string, text: string): Set<string> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

const snippets = snippetsOf(ROOT);
const index = await readFile(join(ROOT, "src", "index.ts"), "utf8");
const PUBLIC = exportsOf("index.ts", index);

interface Prepared {
  readonly snippet: Snippet;
  readonly name: string;
  /** Checked against the built package under nodenext, or against the source. */
  readonly public: boolean;
  /** The internal names of its module that it uses. */
  readonly internal: readonly string[];
  readonly runnable: Runnable;
}

/** The names `code` uses, of those in `names`, but those it declares itself. */
function used(code: string, names: ReadonlySet<string>): string[] {
  const declared = new Set(
    [...code.matchAll(/\b(?:interface|type|const|let|function|class)\s+([A-Za-z_$][\w$]*)/g)].map((match) => match[1]),
  );
  return [...new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? [])]
    .filter((word) => names.has(word) && !declared.has(word))
    .sort();
}

/** The internal modules whose names the command's snippets may use, each with its exports. */
const INTERNAL: { readonly module: string; readonly names: Set<string> }[] = [];
for (const folder of ["src", "src/cli"]) {
  const files = (await readdir(join(ROOT, folder))).filter((name) => name.endsWith(".ts")).sort();
  for (const name of files) {
    const module = `${folder}/${name}`;
    INTERNAL.push({ module, names: exportsOf(module, await readFile(join(ROOT, module), "utf8")) });
  }
}

const prepared: Prepared[] = [];
for (const [number, snippet] of snippets.entries()) {
  const own =
    snippet.module === undefined
      ? new Set<string>()
      : exportsOf(snippet.module, await readFile(join(ROOT, snippet.module), "utf8"));
  const internal = used(snippet.code, own).filter((name) => !PUBLIC.has(name));
  prepared.push({
    snippet,
    name: `${internal.length === 0 ? "public" : "internal"}-${number}`,
    public: internal.length === 0,
    internal,
    runnable: runnable(snippet.code),
  });
}

/** The imports a snippet is given: the public names it uses, and its module's own. */
function prelude(item: Prepared, folder: string): string {
  const { snippet } = item;
  if (/from "film-listing"/.test(snippet.code)) return "";
  const lines: string[] = [];
  if (item.public) {
    const names = used(snippet.code, PUBLIC);
    if (names.length > 0) lines.push(`import { ${names.join(", ")} } from "film-listing";`);
  } else {
    const module = snippet.module as string;
    const fromIndex = used(snippet.code, PUBLIC);
    const path = (file: string) => relative(folder, join(ROOT, file)).replace(/\.ts$/, "");
    if (fromIndex.length > 0) lines.push(`import { ${fromIndex.join(", ")} } from "${path("src/index.ts")}";`);
    lines.push(`import { ${item.internal.join(", ")} } from "${path(module)}";`);
    // Names its module imports, from where it imports them; other internal names from the first module that exports them.
    const taken = new Set([...fromIndex, ...item.internal]);
    const source = readFileSync(join(ROOT, module), "utf8");
    for (const match of source.matchAll(/^import (?:type )?\{([^}]*)\} from "(\.[^"]+)";/gm)) {
      const names = (match[1] as string)
        .split(",")
        .map((name) => name.trim().replace(/^type /, ""))
        .filter((name) => /^[\w$]+$/.test(name) && !taken.has(name) && used(snippet.code, new Set([name])).length > 0);
      for (const name of names) taken.add(name);
      const from = join(dirname(module), match[2] as string);
      if (names.length > 0) lines.push(`import { ${names.join(", ")} } from "${path(`${from}.ts`)}";`);
    }
    for (const other of INTERNAL) {
      const names = used(snippet.code, other.names).filter((name) => !taken.has(name));
      for (const name of names) taken.add(name);
      if (names.length > 0) lines.push(`import { ${names.join(", ")} } from "${path(other.module)}";`);
    }
  }
  return `${lines.join("\n")}\n`;
}

interface Outcome {
  readonly error: string | null;
  readonly failures: readonly string[];
  readonly reached: readonly number[];
}

let folder: string;
let typeErrors: string;
let outcomes: Record<string, Outcome>;

/** Runs tsc on a project, resolving to its diagnostics (empty when none). */
async function typeCheck(project: string): Promise<string> {
  try {
    await run("node", [TSC, "-p", project], { cwd: dirname(project), maxBuffer: 64 * 1024 * 1024 });
    return "";
  } catch (error) {
    const { stdout, message } = error as { stdout?: string; message: string };
    return stdout ?? message;
  }
}

/** The harness the run files call: checks stated values, printed lines and thrown errors. */
const HARNESS = `import { format, isDeepStrictEqual } from "node:util";
const normal = (value) => (value !== null && typeof value === "object" ? JSON.parse(JSON.stringify(value)) : value);
export function harness() {
  const reached = new Set();
  const failures = [];
  return {
    reached,
    failures,
    async value(id, actual, expected) {
      reached.add(id);
      const got = await actual();
      if (!isDeepStrictEqual(normal(got), normal(expected()))) {
        failures.push(\`check \${id}: got \${JSON.stringify(got)}, the snippet states \${JSON.stringify(expected())}\`);
      }
    },
    async printed(id, statement, expected) {
      const lines = [];
      const log = console.log;
      console.log = (...args) => lines.push(format(...args));
      try { await statement(); } finally { console.log = log; }
      if (lines.length === 0) return;
      reached.add(id);
      if (lines.join("\\n") !== expected) failures.push(\`check \${id}: printed \${JSON.stringify(lines.join("\\n"))}, the snippet states \${JSON.stringify(expected)}\`);
    },
    async throws(id, statement, code) {
      reached.add(id);
      try { await statement(); } catch (error) {
        if (code !== null && error?.code !== code) failures.push(\`check \${id}: threw \${error?.code}, the snippet states \${code}\`);
        return;
      }
      failures.push(\`check \${id}: threw nothing, the snippet states that it throws\`);
    },
  };
}
`;

beforeAll(async () => {
  await mkdir(CACHE, { recursive: true });
  folder = await mkdtemp(join(CACHE, "film-listing-snippets-"));
  // The package as a user installs it: the library's build, declarations included.
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Options[];
  const library = configs.find((config) => JSON.stringify(config.entry).includes("src/index.ts"));
  if (library === undefined) throw new Error("tsup.config.ts has no entry for src/index.ts");
  const installed = join(folder, "node_modules", "film-listing");
  const { onSuccess: _, ...libraryBuild } = library;
  await build({
    ...libraryBuild,
    format: ["esm"],
    clean: false,
    outDir: join(installed, "dist"),
    config: false,
    silent: true,
  });
  await writeFile(
    join(installed, "package.json"),
    JSON.stringify({
      name: packageJson.name,
      type: "module",
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
    }),
  );

  const publicFiles: string[] = [];
  const internalFiles: string[] = [];
  const runFiles: string[] = [];
  for (const item of prepared) {
    const head = prelude(item, folder);
    const extension = item.public ? "mts" : "ts";
    const file = `${item.name}.${extension}`;
    await writeFile(join(folder, file), `${head}${item.snippet.code}\nexport {};\n`);
    await writeFile(
      join(folder, `${item.name}.run.${extension}`),
      `${head}declare const __doc: any;\n${item.runnable.code}\nexport {};\n`,
    );
    (item.public ? publicFiles : internalFiles).push(file);
    runFiles.push(join(folder, `${item.name}.run.${extension}`));
  }
  await writeFile(
    join(folder, "tsconfig.public.json"),
    JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2022"],
        strict: true,
        noEmit: true,
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules", "@types")],
        skipLibCheck: true,
      },
      files: publicFiles,
    }),
  );
  await writeFile(
    join(folder, "tsconfig.internal.json"),
    JSON.stringify({
      extends: join(ROOT, "tsconfig.json"),
      compilerOptions: { noUnusedLocals: false, noEmit: true },
      include: [],
      files: internalFiles,
    }),
  );
  const [publicErrors, internalErrors] = await Promise.all([
    typeCheck(join(folder, "tsconfig.public.json")),
    typeCheck(join(folder, "tsconfig.internal.json")),
  ]);
  typeErrors = publicErrors + internalErrors;

  // Run each snippet once, in one process, from the repository's root.
  const out = join(folder, "out");
  const buildErrors: Record<string, string> = {};
  await Promise.all(
    prepared.map(async (item, number) => {
      try {
        await esbuild({
          entryPoints: [runFiles[number] as string],
          outfile: join(out, `${item.name}.run.mjs`),
          bundle: true,
          platform: "node",
          format: "esm",
          target: "node20",
          packages: "external",
          logLevel: "silent",
        });
      } catch (error) {
        buildErrors[item.name] = (error as Error).message;
      }
    }),
  );
  await writeFile(join(folder, "harness.mjs"), HARNESS);
  // Each snippet in a process of its own, from the repository's root: one that exits or hangs stops only itself.
  await writeFile(
    join(folder, "runner.mjs"),
    `import { harness } from "./harness.mjs";
const doc = harness();
globalThis.__doc = doc;
let error = null;
try { await import("./out/" + process.argv[2] + ".run.mjs"); } catch (thrown) { error = String(thrown?.stack ?? thrown); }
process.stdout.write("\\n" + JSON.stringify({ error, failures: doc.failures, reached: [...doc.reached] }));
`,
  );
  outcomes = {};
  const queue = prepared.map((item) => item.name).filter((name) => buildErrors[name] === undefined);
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      let stdout: string;
      try {
        ({ stdout } = await run("node", [join(folder, "runner.mjs"), name], { cwd: ROOT, timeout: 30_000 }));
      } catch (error) {
        outcomes[name] = {
          error: `the snippet's process failed: ${(error as Error).message}`,
          failures: [],
          reached: [],
        };
        continue;
      }
      const last = stdout.slice(stdout.lastIndexOf("\n") + 1);
      outcomes[name] = last.startsWith("{")
        ? (JSON.parse(last) as Outcome)
        : { error: "the snippet's process ended before the snippet did", failures: [], reached: [] };
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  for (const [name, error] of Object.entries(buildErrors)) outcomes[name] = { error, failures: [], reached: [] };
}, 240_000);

afterAll(async () => {
  if (folder !== undefined && process.env.KEEP_SNIPPETS === undefined)
    await rm(folder, { recursive: true, force: true });
});

describe("the documentation's TypeScript snippets", () => {
  test("are found in the doc comments, the README and the guides", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(80);
    expect(snippets.filter((snippet) => snippet.where.startsWith("README.md")).length).toBeGreaterThanOrEqual(2);
    expect(prepared.filter((item) => item.public).length).toBeGreaterThanOrEqual(50);
  });

  test.each(prepared.map((item) => [item.snippet.where, item] as const))(
    "%s type-checks, runs and states true values",
    (_where, item) => {
      const file = `${item.name}.${item.public ? "mts" : "ts"}`;
      const errors = typeErrors.split("\n").filter((line) => line.startsWith(`${file}(`));
      expect(errors).toEqual([]);
      const outcome = outcomes[item.name];
      expect(outcome?.error ?? null).toBeNull();
      expect(outcome?.failures).toEqual([]);
      const unreached = item.runnable.checks
        .map((check, id) => ({ id, ...check }))
        .filter((check) => !outcome?.reached.includes(check.id))
        .map((check) => `line ${check.line}: ${check.states}`);
      expect(unreached).toEqual([]);
    },
  );
});

describe("what a snippet states", () => {
  test("a value after a statement, on its line or the lines below, is checked; prose and cut-short values are not", () => {
    const { checks, prose } = runnable(
      [
        "film.year; // 1948",
        "const [issue] = issues;",
        '// { code: "E_INVALID",',
        "//   line: 2 }",
        "",
        "film.rating; // null: 7.5 is out of range",
        'film.synopsis; // "In this classic drama, …"',
        "const { line, column } = issue; // 2, 3",
      ].join("\n"),
    );
    expect(checks).toEqual([
      { line: 1, states: "1948" },
      { line: 2, states: '{ code: "E_INVALID",   line: 2 }' },
    ]);
    expect(prose).toEqual(["null: 7.5 is out of range", '"In this classic drama, …"', "2, 3"]);
  });

  test("a statement inside a branch, the lines a console.log prints, and an error thrown are checked", () => {
    const { code, checks } = runnable(
      [
        "if (!result.success) {",
        '  result.error.code; // "E_MISSING_YEAR"',
        "}",
        "if (failed) console.log(frame);",
        "//   1 | Title",
        "// > 2 | 7.5",
        "",
        'formatListing(bad); // throws ListingError: code "E_UNREPRESENTABLE"',
      ].join("\n"),
    );
    expect(checks.map((check) => check.line)).toEqual([2, 4, 8]);
    expect(code).toContain('await __doc.value(0, async () => (result.error.code), () => ("E_MISSING_YEAR"));');
    expect(code).toContain('await __doc.printed(1, async () => { console.log(frame); }, "  1 | Title\\n> 2 | 7.5");');
    expect(code).toContain('await __doc.throws(2, async () => { formatListing(bad); }, "E_UNREPRESENTABLE");');
  });

  test("comments that introduce the next statement state nothing", () => {
    expect(runnable("const a = 1;\n// Then the year:\nfilm.year;").checks).toEqual([]);
  });
});
