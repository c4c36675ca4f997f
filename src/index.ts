/**
 * film-listing: parse the text of a scraped streaming-service film page into
 * a validated, typed {@link Film} record.
 *
 * @document ../docs/layout.md
 * @document ../docs/errors.md
 * @document ../docs/inspect.md
 * @document ../docs/grammar.md
 * @document ../docs/cli.md
 * @document ../docs/ci.md
 * @packageDocumentation
 */

export {
  ERROR_CODES,
  formatCodeFrame,
  ListingError,
  type ListingErrorCode,
  type ListingErrorConstructor,
  type ListingErrorDetails,
  type ListingErrorIssue,
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
  type Position,
  WARNING_CODES,
} from "./errors";
export { type Film, FilmSchema, type Review, ReviewSchema } from "./film";
export { type FormatOptions, formatListing } from "./format";
export { type FieldSpan, inspectListing, type ListingInspection } from "./inspect";
export { filmJsonSchema } from "./json-schema";
export { type ParseOptions, parseListing, type SafeParseListingResult, safeParseListing } from "./parse";
export type { PartialFilm } from "./record/build";
export {
  type SchemaOrgAggregateRating,
  type SchemaOrgMovie,
  type SchemaOrgPerson,
  type SchemaOrgReview,
  toSchemaOrg,
} from "./schema-org";
export { BADGES, CERTIFICATIONS, GENRES, type VocabularyOptions } from "./vocabulary";
