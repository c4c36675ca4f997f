/**
 * docs/inspect.md stays true: every ```text listing in it, with the ```json
 * block that follows it, is inspected here with the real code. The JSON
 * holds the parts of the inspection the example is about: fields of
 * `film`, and whole `issues` or `spans` lists whose items give the fields
 * that matter.
 */

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { inspectListing, safeParseListing } from "../src/index";
import { referenceDate } from "./support/film";

const GUIDE = readFileSync(new URL("../docs/inspect.md", import.meta.url), "utf8");

const PAIR = /^```text\n(?<listing>[\s\S]*?)\n```\n\s*^```json\n(?<json>[\s\S]*?)\n```$/gm;
const examples = [...GUIDE.matchAll(PAIR)].map((match) => {
  const { listing, json } = match.groups as Record<"listing" | "json", string>;
  return [GUIDE.slice(0, match.index).split("\n").length + 1, listing, JSON.parse(json) as object] as const;
});

describe("docs/inspect.md", () => {
  test("pairs every text listing with the inspection it gives", () => {
    expect(examples.length).toBe((GUIDE.match(/^```text$/gm) ?? []).length);
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  test.each(examples)("the example at line %i inspects as the guide says", (_line, listing, expected) => {
    const inspection = inspectListing(listing, { referenceDate: referenceDate });
    expect(inspection).toMatchObject(expected);
    // The guide's claim of agreement holds for each example too.
    const result = safeParseListing(listing, { referenceDate: referenceDate });
    if (result.success) expect(result.data).toStrictEqual(inspection.film);
    else expect(result.error.issues).toStrictEqual(inspection.issues);
  });

  test("the recovery table names every error code a text can have", () => {
    const table = GUIDE.slice(GUIDE.indexOf("## How each problem is read past"), GUIDE.indexOf("## Warnings"));
    for (const code of [
      "E_INVALID",
      "E_MISSING_YEAR",
      "E_SERIES",
      "E_REVIEW_START",
      "E_UNTERMINATED_REVIEW",
      "E_DUPLICATE_SECTION",
      "E_SECTION_ORDER",
      "E_EMPTY",
      "E_NOT_TEXT",
    ]) {
      expect(table).toContain(`\`${code}\``);
    }
  });
});
