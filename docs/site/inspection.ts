/**
 * The shapes the playground reads: an inspection of a listing, as
 * `inspectListing` returns it, and a sample of the menu.
 */

/** A field of the record, as zod names it: `["cast", 2]`. */
export type Path = readonly (string | number)[];

/** A place in the text the user typed. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** One problem in the text. */
export interface Issue extends Position {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly reason: string;
  readonly message: string;
  readonly end: Position;
  readonly path?: Path;
}

/** Where one value of the record was read. */
export interface Span {
  readonly path: Path;
  readonly start: Position;
  readonly end: Position;
}

/** Every value read, every problem, and where each value came from. */
export interface Inspection {
  readonly film: unknown;
  readonly issues: readonly Issue[];
  readonly spans: readonly Span[];
}

/** One listing of the sample menu, taken from the fixtures at build time. */
export interface Sample {
  readonly group: string;
  readonly label: string;
  readonly text: string;
  /** For a listing of the error fixtures: the error it must give. */
  readonly error?: { readonly code: string; readonly line: number; readonly column: number };
}
