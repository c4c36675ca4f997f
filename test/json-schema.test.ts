import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, test } from "vitest";
import { type Film, FilmSchema, filmJsonSchema } from "../src/index";
import { makeFilmJsonSchema } from "../src/json-schema";

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

  test("is a draft 2020-12 schema requiring every key of the record", () => {
    expect(filmJsonSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(filmJsonSchema.required).toEqual(Object.keys(FilmSchema.shape));
    expect(filmJsonSchema.additionalProperties).toBe(false);
  });

  test("refuses an unknown key, which FilmSchema would strip from its output", () => {
    const record = { ...redShoes, director: "Michael Powell" };
    expect(validate(record)).toBe(false);
    expect(FilmSchema.parse(record)).toEqual(redShoes);
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
