import { describe, expectTypeOf, test } from "vitest";
import * as z from "zod/v4";
import {
  type FieldSpan,
  type Film,
  FilmSchema,
  inspectListing,
  ListingError,
  type ListingErrorCode,
  type ListingErrorDetails,
  type ListingErrorIssue,
  type ListingInspection,
  type ListingIssue,
  type ListingIssueCode,
  type ListingParseError,
  type ListingParseErrorCode,
  type ListingParseIssue,
  type ListingSyntaxError,
  type ListingSyntaxErrorCode,
  type ListingSyntaxErrorDetails,
  type ListingSyntaxIssue,
  type ListingValidationError,
  type ListingValidationErrorCode,
  type ListingValidationErrorDetails,
  type ListingValidationIssue,
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

  test("safeParseListing narrows on success; its error lists only the codes a parse can raise", () => {
    const result = safeParseListing("");
    expectTypeOf(result).toEqualTypeOf<SafeParseListingResult>();
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<Film>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<ListingParseError>();
      expectTypeOf(result.error.code).toEqualTypeOf<ListingParseErrorCode>();
      expectTypeOf(result.error).toExtend<ListingError>();
    }
    expectTypeOf<ListingParseErrorCode>().toEqualTypeOf<Exclude<ListingErrorCode, "E_UNREPRESENTABLE">>();
  });

  test("ListingError's codes, syntax and validation", () => {
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
    expectTypeOf<ListingValidationErrorCode>().toEqualTypeOf<"E_INVALID" | "E_UNREPRESENTABLE">();
    expectTypeOf<ListingSyntaxErrorCode>().toEqualTypeOf<
      Exclude<ListingErrorCode, "E_INVALID" | "E_UNREPRESENTABLE">
    >();
    expectTypeOf<ListingError>().toHaveProperty("line").toEqualTypeOf<number>();
    expectTypeOf<ListingError>().toExtend<Error>();
    expectTypeOf<ListingError["issues"]>().toEqualTypeOf<readonly ListingIssue[]>();
    expectTypeOf<ListingError["expected"]>().toEqualTypeOf<readonly string[] | undefined>();
  });

  test("ListingError narrows on its code with ===", () => {
    const error = {} as ListingError;
    if (error.code === "E_INVALID") {
      expectTypeOf(error).toEqualTypeOf<ListingValidationError<"E_INVALID">>();
      expectTypeOf(error.path).toEqualTypeOf<readonly (string | number)[]>();
      expectTypeOf(error.expected).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(error.code).toEqualTypeOf<Exclude<ListingErrorCode, "E_INVALID">>();
    }
    if (error.code === "E_MISSING_YEAR" || error.code === "E_SECTION_ORDER" || error.code === "E_NOT_TEXT") {
      expectTypeOf(error).toExtend<ListingSyntaxError>();
      expectTypeOf(error.expected).toEqualTypeOf<readonly string[]>();
      expectTypeOf(error.found).toEqualTypeOf<string>();
      expectTypeOf(error.path).toEqualTypeOf<undefined>();
    }
  });

  test("ListingError narrows on its code with !==", () => {
    const error = {} as ListingError;
    if (error.code !== "E_INVALID" && error.code !== "E_UNREPRESENTABLE") {
      expectTypeOf(error).toEqualTypeOf<ListingError<ListingSyntaxErrorCode>>();
      expectTypeOf(error.expected).toEqualTypeOf<readonly string[]>();
      expectTypeOf(error.found).toEqualTypeOf<string>();
    } else {
      expectTypeOf(error.path).toEqualTypeOf<readonly (string | number)[]>();
    }
    const parseError = {} as ListingParseError;
    if (parseError.code !== "E_INVALID") {
      expectTypeOf(parseError.expected).toEqualTypeOf<readonly string[]>();
      expectTypeOf(parseError.found).toEqualTypeOf<string>();
    } else {
      expectTypeOf(parseError).toEqualTypeOf<ListingValidationError<"E_INVALID">>();
    }
  });

  test("ListingError narrows on its code with switch, and a switch over every code is exhaustive", () => {
    const error = {} as ListingParseError;
    switch (error.code) {
      case "E_INVALID":
        expectTypeOf(error.path).toEqualTypeOf<readonly (string | number)[]>();
        break;
      case "E_MISSING_YEAR":
        expectTypeOf(error).toEqualTypeOf<ListingSyntaxError<"E_MISSING_YEAR">>();
        break;
      case "E_NOT_TEXT":
      case "E_EMPTY":
      case "E_SERIES":
      case "E_REVIEW_START":
      case "E_UNTERMINATED_REVIEW":
      case "E_DUPLICATE_SECTION":
      case "E_SECTION_ORDER":
        expectTypeOf(error.expected).toEqualTypeOf<readonly string[]>();
        break;
      default:
        expectTypeOf(error).toBeNever();
    }
  });

  test("new ListingError returns the error of its code and asks for that code's fields", () => {
    const error = new ListingError({ code: "E_INVALID", reason: "r", line: 1, column: 1, offset: 0, path: ["rating"] });
    expectTypeOf(error).toEqualTypeOf<ListingValidationError<"E_INVALID">>();
    const syntax = new ListingError({
      code: "E_EMPTY",
      reason: "r",
      line: 1,
      column: 1,
      offset: 0,
      expected: ["a title"],
      found: "the end",
    });
    expectTypeOf(syntax).toEqualTypeOf<ListingSyntaxError<"E_EMPTY">>();
    expectTypeOf<ListingErrorDetails>().toEqualTypeOf<ListingSyntaxErrorDetails | ListingValidationErrorDetails>();
    // @ts-expect-error a syntax code needs expected and found
    new ListingError({ code: "E_EMPTY", reason: "r", line: 1, column: 1, offset: 0 });
    // @ts-expect-error a validation code needs a path
    new ListingError({ code: "E_INVALID", reason: "r", line: 1, column: 1, offset: 0 });
  });

  test("instanceof ListingError narrows an unknown to the union, which then narrows on code", () => {
    const caught: unknown = undefined;
    if (caught instanceof ListingError) {
      expectTypeOf(caught).toEqualTypeOf<ListingError>();
      if (caught.code === "E_INVALID") expectTypeOf(caught.path).toEqualTypeOf<readonly (string | number)[]>();
      if (caught.code !== "E_INVALID" && caught.code !== "E_UNREPRESENTABLE") {
        expectTypeOf(caught.expected).toEqualTypeOf<readonly string[]>();
      }
    }
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
    expectTypeOf(inspection.issues).toEqualTypeOf<readonly ListingParseIssue[]>();
    expectTypeOf<ListingParseIssue["code"]>().toEqualTypeOf<Exclude<ListingIssueCode, "E_UNREPRESENTABLE">>();
    expectTypeOf<ListingParseIssue>().toExtend<ListingIssue>();
    expectTypeOf<FieldSpan["start"]>().toEqualTypeOf<Position>();
    expectTypeOf<FieldSpan["path"]>().toEqualTypeOf<readonly (string | number)[]>();
  });

  test("issues narrow on severity: an error carries an error code, a warning a warning code", () => {
    const [issue] = inspectListing("Title\nDance\n1977").issues;
    if (issue === undefined) return;
    expectTypeOf(issue.code).toEqualTypeOf<Exclude<ListingIssueCode, "E_UNREPRESENTABLE">>();
    expectTypeOf(issue.severity).toEqualTypeOf<"error" | "warning">();
    if (issue.severity === "warning") {
      expectTypeOf(issue).toExtend<ListingWarningIssue>();
      expectTypeOf(issue.code).toEqualTypeOf<ListingWarningCode>();
      expectTypeOf(issue.path).toEqualTypeOf<readonly (string | number)[]>();
    } else {
      expectTypeOf(issue).toEqualTypeOf<ListingErrorIssue<ListingParseErrorCode>>();
      expectTypeOf(issue.code).toEqualTypeOf<ListingParseErrorCode>();
    }
    expectTypeOf<ListingWarningCode>().toEqualTypeOf<"W_UNKNOWN_GENRE" | "W_CERTIFICATION_SHAPE" | "W_MORE_ISSUES">();
    expectTypeOf(issue.end).toEqualTypeOf<Position>();
    expectTypeOf(issue.path).toEqualTypeOf<readonly (string | number)[] | undefined>();
  });

  test("issues narrow on code with ===, !== and switch", () => {
    const [issue] = inspectListing("Title\nDance\n1977").issues;
    if (issue === undefined) return;
    if (issue.code === "E_MISSING_YEAR") {
      expectTypeOf(issue).toEqualTypeOf<ListingSyntaxIssue<"E_MISSING_YEAR">>();
      expectTypeOf(issue.expected).toEqualTypeOf<readonly string[]>();
    }
    if (issue.code !== "E_INVALID" && issue.severity === "error") {
      expectTypeOf(issue.expected).toEqualTypeOf<readonly string[]>();
      expectTypeOf(issue.found).toEqualTypeOf<string>();
    }
    if (issue.code !== "W_UNKNOWN_GENRE" && issue.code !== "W_CERTIFICATION_SHAPE" && issue.code !== "W_MORE_ISSUES") {
      expectTypeOf(issue).toEqualTypeOf<ListingErrorIssue<ListingParseErrorCode>>();
    }
    // @ts-expect-error an inspection cannot find E_UNREPRESENTABLE: only formatListing raises it
    if (issue.code === "E_UNREPRESENTABLE") return;
    switch (issue.code) {
      case "E_INVALID":
        expectTypeOf(issue).toEqualTypeOf<ListingValidationIssue<"E_INVALID">>();
        expectTypeOf(issue.path).toEqualTypeOf<readonly (string | number)[]>();
        break;
      case "W_UNKNOWN_GENRE":
      case "W_CERTIFICATION_SHAPE":
      case "W_MORE_ISSUES":
        expectTypeOf(issue.severity).toEqualTypeOf<"warning">();
        expectTypeOf(issue.path).toEqualTypeOf<readonly (string | number)[]>();
        break;
      default:
        expectTypeOf(issue.expected).toEqualTypeOf<readonly string[]>();
        expectTypeOf(issue.found).toEqualTypeOf<string>();
        expectTypeOf(issue.path).toEqualTypeOf<undefined>();
    }
  });
});
