import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as z from "zod/v4";
import { type Film, FilmSchema, ReviewSchema } from "../src/index";

const redShoes = JSON.parse(readFileSync(new URL("../fixtures/the-red-shoes.json", import.meta.url), "utf8")) as Film;

describe("FilmSchema, a classic zod schema", () => {
  test("is a zod object that users can extend and check their own records with", () => {
    expect(FilmSchema).toBeInstanceOf(z.ZodObject);
    const ScrapedFilm = FilmSchema.extend({ url: z.url() });
    const scraped = { ...redShoes, url: "https://example.com/the-red-shoes" };
    expect(ScrapedFilm.parse(scraped)).toEqual(scraped);
    const result = ScrapedFilm.safeParse({ ...redShoes, url: "not a url" });
    expect(result.error?.issues.map((issue) => [issue.code, issue.path])).toEqual([["invalid_format", ["url"]]]);
  });

  test("refuses a record with its own English messages, as classic zod words them", () => {
    const result = FilmSchema.safeParse({ ...redShoes, rating: 7.5, reviews: [{ text: "" }] });
    expect(result.error?.issues).toEqual([
      {
        origin: "number",
        code: "too_big",
        maximum: 5,
        inclusive: true,
        path: ["rating"],
        message: "Too big: expected number to be <=5",
      },
      {
        origin: "string",
        code: "too_small",
        minimum: 1,
        inclusive: true,
        path: ["reviews", 0, "text"],
        message: "Too small: expected string to have >=1 characters",
      },
    ]);
  });

  test("keeps ReviewSchema as the schema of each review", () => {
    expect(FilmSchema.shape.reviews.element).toBe(ReviewSchema);
    expect(ReviewSchema.safeParse({ text: "A feast." })).toEqual({ success: true, data: { text: "A feast." } });
  });
});
