/**
 * The TypeScript snippets of the documentation: every `@example` of `src/`
 * and every ```ts block of README.md and docs/*.md, and what each states.
 *
 * A snippet states a value with a comment after a statement: `film.year; //
 * 1948`, `const [issue] = …;` then `// { code: … }` on the lines below, or
 * after a statement that calls `console.log`, the lines it prints. A
 * comment that is no literal (`// deep-equals film`) is prose, and a
 * comment that starts with `throws` states the error a statement throws.
 * `runnable` turns a snippet into code that checks each stated value with
 * the harness `__doc`, and fails a statement never reached. A value with
 * an ellipsis (`"In this classic drama, …"`) is cut short: prose.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface Snippet {
  /** `src/parse.ts:36`, `README.md:74`: where its fence opens. */
  readonly where: string;
  /** The source file of an `@example`, for the names it documents. */
  readonly module: string | undefined;
  readonly code: string;
}

/** Every snippet of the repository at `root`. */
export function snippetsOf(root: string): Snippet[] {
  const found: Snippet[] = [];
  const sources = readdirSync(join(root, "src"), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of sources) {
    const text = readFileSync(file, "utf8");
    const where = relative(root, file);
    for (const match of text.matchAll(
      /@example[ \t]*\n(?:[ \t]*\*[ \t]*\n)*[ \t]*\*[ \t]*```ts\n([\s\S]*?)\n[ \t]*\*[ \t]*```/g,
    )) {
      const body = (match[1] as string).replace(/^[ \t]*\* ?/gm, "");
      found.push({ where: `${where}:${lineOf(text, match.index)}`, module: where, code: body });
    }
  }
  const guides = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  for (const where of ["README.md", ...guides]) {
    const text = readFileSync(join(root, where), "utf8");
    for (const match of text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```$/gm)) {
      found.push({ where: `${where}:${lineOf(text, match.index)}`, module: undefined, code: match[1] as string });
    }
  }
  return found;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** What a snippet states, and the code that checks it. */
export interface Runnable {
  /** The snippet with each stated value checked through `__doc`. */
  readonly code: string;
  /** The checks, by id: where each is, and what it states. */
  readonly checks: readonly { readonly line: number; readonly states: string }[];
  /** Comments after statements that state nothing checkable. */
  readonly prose: readonly string[];
}

/**
 * `code` with each stated value checked: `await __doc.value(id, async () =>
 * subject, () => literal)`, `await __doc.printed(id, async () => {
 * statement }, text)` or `await __doc.throws(id, async () => { statement },
 * code)`.
 */
export function runnable(code: string): Runnable {
  const source = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const checks: { line: number; states: string }[] = [];
  const prose: string[] = [];
  const lineStarts = source.getLineStarts();

  // A comment after an `if` that ends with a statement is that statement's.
  const done = new Set<number>();
  const visit = (statement: ts.Statement): void => {
    for (const inner of innerStatements(statement)) visit(inner);
    if (done.has(statement.getEnd())) return;
    const stated = statedAfter(code, source, statement, lineStarts);
    if (stated === undefined) return;
    done.add(statement.getEnd());
    const id = checks.length;
    const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    const whole = statement.getText();
    if (/\bconsole\.log\(/.test(whole)) {
      checks.push({ line, states: stated.lines.join("\n") });
      edits.push({
        start: statement.getStart(),
        end: statement.getEnd(),
        text: `await __doc.printed(${id}, async () => { ${whole} }, ${JSON.stringify(stated.lines.join("\n"))});`,
      });
      return;
    }
    const text = stated.lines.join(" ").trim();
    if (/^throws\b/.test(text)) {
      checks.push({ line, states: text });
      const thrown = /code "(?<code>\w+)"/.exec(text)?.groups?.code;
      edits.push({
        start: statement.getStart(),
        end: statement.getEnd(),
        text: `await __doc.throws(${id}, async () => { ${whole} }, ${JSON.stringify(thrown ?? null)});`,
      });
      return;
    }
    const literal = asLiteral(text);
    const subject = subjectOf(statement);
    if (literal === undefined || subject === undefined) {
      prose.push(text);
      return;
    }
    checks.push({ line, states: text });
    const check = `await __doc.value(${id}, async () => (${subject}), () => (${literal}));`;
    if (ts.isExpressionStatement(statement)) {
      edits.push({ start: statement.getStart(), end: statement.getEnd(), text: check });
    } else {
      edits.push({ start: statement.getEnd(), end: statement.getEnd(), text: ` ${check}` });
    }
  };
  for (const statement of source.statements) visit(statement);

  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return { code: result, checks, prose };
}

/** The statements inside a block, an `if`, a `try`, a loop or a `switch`. */
function innerStatements(statement: ts.Statement): ts.Statement[] {
  const found: ts.Statement[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (node === undefined) return;
    if (ts.isBlock(node)) found.push(...node.statements);
    else if (ts.isStatement(node)) found.push(node);
  };
  if (ts.isBlock(statement)) found.push(...statement.statements);
  else if (ts.isIfStatement(statement)) {
    add(statement.thenStatement);
    add(statement.elseStatement);
  } else if (ts.isTryStatement(statement)) {
    add(statement.tryBlock);
    add(statement.catchClause?.block);
    add(statement.finallyBlock);
  } else if (ts.isForOfStatement(statement) || ts.isForStatement(statement) || ts.isWhileStatement(statement)) {
    add(statement.statement);
  } else if (ts.isSwitchStatement(statement)) {
    for (const clause of statement.caseBlock.clauses) found.push(...clause.statements);
  }
  return found;
}

/**
 * The comment that states what `statement` gives: one after it on its last
 * line, continued by the comment lines below it, or only those lines when
 * the statement is followed by nothing but comments up to the next code.
 * The comment of a statement that holds others (a block, an `if`) is
 * theirs, unless the statement ends on the comment's line.
 */
function statedAfter(
  code: string,
  source: ts.SourceFile,
  statement: ts.Statement,
  lineStarts: readonly number[],
): { lines: string[] } | undefined {
  const end = statement.getEnd();
  const endLine = source.getLineAndCharacterOfPosition(end).line;
  const lineEndAt = (line: number) =>
    line + 1 < lineStarts.length ? (lineStarts[line + 1] as number) - 1 : code.length;
  const rest = code.slice(end, lineEndAt(endLine));
  const lines: string[] = [];
  const trailing = /^\s*\/\/ ?(.*)$/.exec(rest);
  if (trailing !== null) lines.push(trailing[1] as string);
  else if (rest.trim() !== "") return undefined;
  // Comment lines right below, unless they introduce the next statement.
  for (let line = endLine + 1; line < lineStarts.length; line++) {
    const text = code.slice(lineStarts[line], lineEndAt(line));
    const comment = /^\s*\/\/ ?(.*)$/.exec(text);
    if (comment === null) {
      if (lines.length > 0 && trailing === null && text.trim() !== "") {
        // Comments that end right above code introduce it: they state nothing.
        return undefined;
      }
      break;
    }
    lines.push(comment[1] as string);
  }
  if (trailing === null && lines.length > 0) {
    // Only a statement whose next code is the end of its block or snippet states them.
    const after = code.slice(lineEndAt(endLine) + 1);
    const next = after.replace(/^(?:[ \t]*\/\/.*\n?)*/, "");
    if (next.trim() !== "" && !/^\s*}/.test(next) && !/^\s*\n/.test(next)) return undefined;
  }
  return lines.length === 0 ? undefined : { lines };
}

/** `text` as the source of a literal value (strings, numbers, arrays, objects of those), or `undefined`. */
function asLiteral(text: string): string | undefined {
  const expression = ts.createSourceFile("literal.ts", `(${text})`, ts.ScriptTarget.Latest, true);
  const [statement] = expression.statements;
  // An ellipsis marks a value cut short: prose, not a literal to compare.
  if (text.includes("…")) return undefined;
  if (expression.statements.length !== 1 || statement === undefined || !ts.isExpressionStatement(statement)) {
    return undefined;
  }
  if ((expression as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return undefined;
  const isLiteral = (node: ts.Node): boolean => {
    if (ts.isParenthesizedExpression(node)) return isLiteral(node.expression);
    if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
    if (node.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isIdentifier(node)) return ["undefined", "NaN", "Infinity"].includes(node.text);
    if (ts.isPrefixUnaryExpression(node)) return isLiteral(node.operand);
    if (ts.isBinaryExpression(node))
      return node.operatorToken.kind === ts.SyntaxKind.PlusToken && isLiteral(node.left) && isLiteral(node.right);
    if (ts.isArrayLiteralExpression(node)) return node.elements.every(isLiteral);
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((property) => ts.isPropertyAssignment(property) && isLiteral(property.initializer));
    }
    return false;
  };
  return isLiteral(statement.expression) ? text : undefined;
}

/** What a statement's stated value is the value of: its expression, or the one name it declares. */
function subjectOf(statement: ts.Statement): string | undefined {
  if (ts.isExpressionStatement(statement)) return statement.expression.getText();
  if (ts.isVariableStatement(statement)) {
    const [declaration] = statement.declarationList.declarations;
    if (statement.declarationList.declarations.length !== 1 || declaration === undefined) return undefined;
    if (ts.isIdentifier(declaration.name)) return declaration.name.text;
    // `const [issue] = …`, `const { error } = …`: the one name it binds.
    const [element, ...others] = declaration.name.elements;
    if (others.length === 0 && element !== undefined && ts.isBindingElement(element) && ts.isIdentifier(element.name)) {
      return element.name.text;
    }
  }
  return undefined;
}
