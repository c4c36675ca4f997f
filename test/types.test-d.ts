import { describe, expectTypeOf, test } from "vitest";
import * as z from "zod";
import {
  type FieldSpan,
  type Film,
  FilmSchema,
  inspectListing,
  ListingError,
  type ListingErrorCode,
  type ListingErrorIssue,
  type ListingInspection,
  type ListingIssue,
  type ListingIssueCode,
  type ListingSyntaxError,
  type ListingSyntaxErrorCode,
  type ListingValidationError,
  type ListingWarningCode,
  type ListingWarningIssue,
  type PartialFilm,
  type Position,
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

  test("ListingError narrows on its code: path after E_INVALID, expected and found after a syntax code", () => {
    const error = new ListingError({ code: "E_INVALID", reason: "r", line: 1, column: 1, offset: 0, path: ["rating"] });
    expectTypeOf(error).toEqualTypeOf<ListingError>();
    if (error.code === "E_INVALID") {
      expectTypeOf(error).toEqualTypeOf<ListingValidationError>();
      expectTypeOf(error.path).toEqualTypeOf<readonly (string | number)[]>();
      expectTypeOf(error.expected).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(error.code).toEqualTypeOf<Exclude<ListingErrorCode, "E_INVALID">>();
    }
    if (error.code === "E_MISSING_YEAR" || error.code === "E_SECTION_ORDER" || error.code === "E_NOT_TEXT") {
      expectTypeOf(error).toEqualTypeOf<ListingSyntaxError>();
      expectTypeOf(error.expected).toEqualTypeOf<readonly string[]>();
      expectTypeOf(error.found).toEqualTypeOf<string>();
      expectTypeOf(error.path).toEqualTypeOf<undefined>();
    }
    expectTypeOf<ListingSyntaxErrorCode>().toEqualTypeOf<
      Exclude<ListingErrorCode, "E_INVALID" | "E_UNREPRESENTABLE">
    >();
    expectTypeOf(error.issues).toEqualTypeOf<readonly ListingIssue[]>();
  });

  test("instanceof ListingError narrows an unknown to the union, which then narrows on code", () => {
    const caught: unknown = undefined;
    if (caught instanceof ListingError) {
      expectTypeOf(caught).toEqualTypeOf<ListingError>();
      if (caught.code === "E_INVALID") expectTypeOf(caught.path).toEqualTypeOf<readonly (string | number)[]>();
    }
    expectTypeOf<ListingError>().toMatchTypeOf<Error>();
  });

  test("inspectListing takes any value and returns film, issues and spans", () => {
    expectTypeOf(inspectListing).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(safeParseListing).parameter(0).toEqualTypeOf<unknown>();
    const inspection = inspectListing("The Red Shoes\n1948");
    expectTypeOf(inspection).toEqualTypeOf<ListingInspection>();
    expectTypeOf(inspection.film).toEqualTypeOf<PartialFilm>();
    expectTypeOf(inspection.film.title).toEqualTypeOf<string | null>();
    expectTypeOf(inspection.film.year).toEqualTypeOf<number | null>();
    expectTypeOf(inspection.film.rating).toEqualTypeOf<Film["rating"]>();
    expectTypeOf(inspection.film.cast).toEqualTypeOf<Film["cast"]>();
    expectTypeOf(inspection.spans).toEqualTypeOf<readonly FieldSpan[]>();
    expectTypeOf<FieldSpan["start"]>().toEqualTypeOf<Position>();
    expectTypeOf<FieldSpan["path"]>().toEqualTypeOf<readonly (string | number)[]>();
  });

  test("issues narrow on severity: an error carries an error code, a warning a warning code", () => {
    const [issue] = inspectListing("Title\nDance\n1977").issues;
    if (issue === undefined) return;
    expectTypeOf(issue.code).toEqualTypeOf<ListingIssueCode>();
    expectTypeOf(issue.severity).toEqualTypeOf<"error" | "warning">();
    if (issue.severity === "warning") {
      expectTypeOf(issue).toEqualTypeOf<ListingWarningIssue>();
      expectTypeOf(issue.code).toEqualTypeOf<ListingWarningCode>();
    } else {
      expectTypeOf(issue).toEqualTypeOf<ListingErrorIssue>();
      expectTypeOf(issue.code).toEqualTypeOf<ListingErrorCode>();
    }
    expectTypeOf<ListingWarningCode>().toEqualTypeOf<"W_UNKNOWN_GENRE" | "W_CERTIFICATION_SHAPE">();
    expectTypeOf(issue.end).toEqualTypeOf<Position>();
    expectTypeOf(issue.path).toEqualTypeOf<readonly (string | number)[] | undefined>();
  });
});
