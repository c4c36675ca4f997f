import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Film, FilmSchema, filmJsonSchema } from "../src/index";
import { makeFilmJsonSchema } from "../src/json-schema";
import { RUNS, TIMEOUT } from "./properties/arbitraries";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const records = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as Film] as const);

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(filmJsonSchema);
const redShoes = records.find(([name]) => name === "the-red-shoes.json")?.[1] as Film;

describe("filmJsonSchema", () => {
  test("is what z.toJSONSchema makes of FilmSchema, key order included (npm run build rewrites it)", () => {
    expect(JSON.stringify(filmJsonSchema, null, 2)).toBe(JSON.stringify(makeFilmJsonSchema(), null, 2));
    expect(readFileSync(join(import.meta.dirname, "..", "src", "film.schema.json"), "utf8")).toBe(
      `${JSON.stringify(makeFilmJsonSchema(), null, 2)}\n`,
    );
  });

  test("is a draft 2020-12 schema requiring every key of the record, and allowing others", () => {
    expect(filmJsonSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(filmJsonSchema.required).toEqual(Object.keys(FilmSchema.shape));
    expect(filmJsonSchema).not.toHaveProperty("additionalProperties");
  });

  test("accepts a record file that begins with a $schema key, as FilmSchema does (which drops it)", () => {
    const record = { $schema: "../node_modules/film-listing/dist/schema.json", ...redShoes };
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(FilmSchema.parse(record)).toStrictEqual(redShoes);
  });

  test.each(records)("accepts the record of fixtures/%s", (_, film) => {
    expect(validate(film), JSON.stringify(validate.errors)).toBe(true);
  });

  test.each([
    ["a missing key", (film: Film) => Object.fromEntries(Object.entries(film).filter(([key]) => key !== "year"))],
    ["a rating above 5", (film: Film) => ({ ...film, rating: 7.5 })],
    ["a negative rating", (film: Film) => ({ ...film, rating: -1 })],
    ["a fractional vote count", (film: Film) => ({ ...film, voteCount: 2.5 })],
    ["a year before 1870", (film: Film) => ({ ...film, year: 1869 })],
    ["a runtime of 0", (film: Film) => ({ ...film, runtimeMinutes: 0 })],
    ["an empty title", (film: Film) => ({ ...film, title: "" })],
    ["an undefined synopsis", (film: Film) => ({ ...film, synopsis: undefined })],
    ["an empty certification", (film: Film) => ({ ...film, certification: "" })],
    ["an empty cast name", (film: Film) => ({ ...film, cast: [""] })],
    ["a genre that is not a string", (film: Film) => ({ ...film, genres: [42] })],
    ["an empty review", (film: Film) => ({ ...film, reviews: [{ text: "" }] })],
    ["a review without text", (film: Film) => ({ ...film, reviews: [{ body: "A feast." }] })],
  ])("refuses a record with %s, as FilmSchema does", (_, change) => {
    const record = change(redShoes);
    expect(validate(record)).toBe(false);
    expect(FilmSchema.safeParse(record).success).toBe(false);
  });
});

/** JSON values a field could be given: right and wrong types, and numbers and strings at every bound. */
const fieldValue = fc.oneof(
  fc.constantFrom(null, true, "", " ", "4.3", "Drama", 0, -0, 5, 5.01, -1, 0.5, 1869, 1870, 2 ** 53, 2 ** 53 - 1),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noDefaultInfinity: true, noNaN: true }),
  fc.string({ maxLength: 3 }),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom(0, null)), { maxLength: 3 }),
  fc.array(fc.record({ text: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(1)) }), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom("text", "body"), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);

/** A record with some fields changed, removed or added: mostly near the border of valid. */
const nearRecord = fc
  .record({
    changes: fc.dictionary(fc.constantFrom(...Object.keys(FilmSchema.shape)), fieldValue, { maxKeys: 2 }),
    removed: fc.subarray(Object.keys(FilmSchema.shape), { maxLength: 1 }),
    extra: fc.dictionary(fc.constantFrom("$schema", "director", "id", "__proto__x"), fc.jsonValue({ maxDepth: 1 }), {
      maxKeys: 2,
    }),
  })
  .map(({ changes, removed, extra }) => {
    const record: Record<string, unknown> = { ...extra, ...redShoes, ...changes };
    for (const key of removed) delete record[key];
    return record;
  });

describe("filmJsonSchema and FilmSchema", () => {
  test(
    "accept and refuse the same JSON values",
    () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 4, arbitrary: nearRecord }, fc.jsonValue({ maxDepth: 2 })), (value) => {
          expect(validate(value)).toBe(FilmSchema.safeParse(value).success);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
