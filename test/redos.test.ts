/**
 * Every regular expression of `src/` through the ReDoS checker recheck: each
 * must be judged `safe` (linear), so that no line of scraped text can make a
 * match take quadratic or exponential time.
 *
 * The expressions are collected, not listed, so that a new one is checked
 * without anyone remembering to add it: the literals from the source text,
 * and the expressions the code builds with `new RegExp` (line patterns made
 * sticky, patterns joined into one) by watching the constructor while the
 * package loads and parses every fixture.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { referenceDate } from "./support/film";

const ROOT = join(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

interface Expression {
  readonly source: string;
  readonly flags: string;
  readonly where: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The regular-expression literals of one source file, with their line. */
function literalsOf(file: string): Expression[] {
  const text = readFileSync(file, "utf8");
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Expression[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sourceFile);
      const slash = literal.lastIndexOf("/");
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      found.push({
        source: literal.slice(1, slash),
        flags: literal.slice(slash + 1),
        where: `${relative(ROOT, file)}:${line + 1}`,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The expressions the package builds at run time, while it loads and parses every fixture. */
async function builtExpressions(): Promise<Expression[]> {
  const found: Expression[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?], newTarget) {
      const made = Reflect.construct(target, args, newTarget) as RegExp;
      // Only the package's own, built by a line of src: zod builds its own too.
      const caller = new Error().stack?.split("\n")[2] ?? "";
      if (caller.includes(`${SRC}/`)) {
        const place = /\/src\/(?<file>[^:]+):(?<line>\d+)/.exec(caller)?.groups;
        found.push({ source: made.source, flags: made.flags, where: `built at src/${place?.file}:${place?.line}` });
      }
      return made;
    },
  });
  try {
    const api = await import("../src/index");
    const options = {
      referenceDate,
      genres: ["Ballet"],
      badges: ["Director's Cut"],
      certifications: ["Tous publics"],
    };
    const fixtures = join(ROOT, "fixtures");
    for (const folder of [fixtures, join(fixtures, "errors")]) {
      for (const name of readdirSync(folder).filter((file) => file.endsWith(".txt"))) {
        const text = readFileSync(join(folder, name), "utf8");
        for (const given of [{ referenceDate: options.referenceDate }, options]) {
          const result = api.safeParseListing(text, given);
          if (result.success) {
            api.formatCodeFrame({ line: 1, column: 1, offset: 0 }, text);
            api.toSchemaOrg(result.data);
            try {
              api.formatListing(result.data, given);
            } catch {
              // Records the layout cannot express are refused; the expressions were still built.
            }
          }
        }
      }
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return found;
}

/** One of each source and flags, with every place it was found. */
function unique(expressions: readonly Expression[]): Expression[] {
  const byKey = new Map<string, Expression>();
  for (const expression of expressions) {
    const key = `/${expression.source}/${expression.flags}`;
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? expression : { ...known, where: `${known.where}, ${expression.where}` });
  }
  return [...byKey.values()];
}

// The pure-JavaScript backend: no Java, no native binary, no network.
process.env.RECHECK_BACKEND = "pure";

const literals = sourceFiles(SRC).flatMap(literalsOf);
const built = await builtExpressions();
const expressions = unique([...literals, ...built]);

describe("every regular expression of src is linear", () => {
  test("the collection finds the expressions", () => {
    // The grammar's line patterns alone are more than twenty.
    expect(literals.length).toBeGreaterThan(20);
    expect(built.length).toBeGreaterThan(5);
  });

  test.each(expressions.map((expression) => [`/${expression.source}/${expression.flags}`, expression] as const))(
    "%s is safe",
    async (_, expression) => {
      // An automaton of more than a few thousand states took recheck seconds
      // to build; its fuzzer judges such an expression in about one.
      const diagnostics = await check(expression.source, expression.flags, {
        timeout: 20_000,
        maxNFASize: 3000,
        // The fuzzer judges by how many steps an attack takes, never by how
        // long: its time limits made the verdict depend on the load of the
        // machine (a loaded one timed attacks out and reported them
        // polynomial). Its seed is fixed, so a verdict is the same each run.
        attackTimeout: null,
        incubationTimeout: null,
        randomSeed: 0,
      });
      const summary =
        diagnostics.status === "vulnerable"
          ? `${diagnostics.complexity.summary}, attack ${JSON.stringify(diagnostics.attack.pattern)}`
          : diagnostics.status;
      expect({ where: expression.where, status: summary }).toEqual({ where: expression.where, status: "safe" });
    },
    30_000,
  );
});
