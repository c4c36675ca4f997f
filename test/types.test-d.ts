import { describe, expectTypeOf, test } from "vitest";
import * as z from "zod";
import {
  type Film,
  FilmSchema,
  type ListingError,
  type ListingErrorCode,
  parseListing,
  type Review,
  type SafeParseListingResult,
  safeParseListing,
} from "../src/index";

describe("public types", () => {
  test("Film is inferred from FilmSchema, nulls and arrays included", () => {
    expectTypeOf<Film>().toEqualTypeOf<z.infer<typeof FilmSchema>>();
    expectTypeOf<Film["title"]>().toEqualTypeOf<string>();
    expectTypeOf<Film["rating"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Film["voteCount"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Film["year"]>().toEqualTypeOf<number>();
    expectTypeOf<Film["certification"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Film["genres"]>().toEqualTypeOf<string[]>();
    expectTypeOf<Film["reviews"]>().toEqualTypeOf<Review[]>();
    expectTypeOf<Review>().toEqualTypeOf<{ text: string }>();
  });

  test("FilmSchema is a classic zod object: extending it extends Film", () => {
    expectTypeOf(FilmSchema).toExtend<z.ZodObject>();
    const ScrapedFilm = FilmSchema.extend({ url: z.string() });
    type ScrapedFilm = z.infer<typeof ScrapedFilm>;
    expectTypeOf<ScrapedFilm>().toEqualTypeOf<{ [K in keyof Film | "url"]: K extends keyof Film ? Film[K] : string }>();
    expectTypeOf(FilmSchema.safeParse).returns.toEqualTypeOf<z.ZodSafeParseResult<Film>>();
  });

  test("parseListing returns a Film", () => {
    expectTypeOf(parseListing).returns.toEqualTypeOf<Film>();
    expectTypeOf(parseListing).parameter(0).toEqualTypeOf<string>();
  });

  test("safeParseListing narrows on success", () => {
    const result = safeParseListing("");
    expectTypeOf(result).toEqualTypeOf<SafeParseListingResult>();
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<Film>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<ListingError>();
      expectTypeOf(result.error.code).toEqualTypeOf<ListingErrorCode>();
    }
  });

  test("ListingError narrows on its code", () => {
    expectTypeOf<ListingErrorCode>().toEqualTypeOf<
      | "E_NOT_TEXT"
      | "E_EMPTY"
      | "E_MISSING_YEAR"
      | "E_SERIES"
      | "E_REVIEW_START"
      | "E_UNTERMINATED_REVIEW"
      | "E_DUPLICATE_SECTION"
      | "E_SECTION_ORDER"
      | "E_INVALID"
      | "E_UNREPRESENTABLE"
    >();
    expectTypeOf<ListingError>().toHaveProperty("line").toEqualTypeOf<number>();
    expectTypeOf<ListingError>().toMatchTypeOf<Error>();
  });
});
