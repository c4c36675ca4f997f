/**
 * The parser the grammar is made of, and the few combinators it needs.
 *
 * A parser is parsimmon's: a step function `_` from the input and an index
 * to a reply. The grammar needs that shape and nothing else of the library,
 * which ships as one UMD file that bundlers cannot shake (a third of an app
 * that only parses), so the shape is written here, smaller still.
 *
 * Parsimmon's own `seq`, `alt`, `many`, `map` and `chain` merge the
 * expectations of every reply they pass on, and each merge builds a Set and
 * sorts an array, even for two successes with nothing to merge: in a
 * benchmark of the reference listing that was most of the parse. Here a
 * failure carries nothing to merge: the reader (`listing.ts`) notes each
 * problem at the line where it stands, and `inspect.ts` words what was
 * expected there.
 *
 * The grammar is built when the package loads. Its constructors here and in
 * `leaves.ts` are marked `@__NO_SIDE_EFFECTS__`, and other calls at the top
 * of a module `@__PURE__`, so that a bundler drops the grammar from an app
 * that only uses the vocabularies (the bundle-size test holds that to 2 KB).
 */

/** A parser that matched: where it stopped, and what it read. */
export interface SuccessReply<T> {
  status: true;
  index: number;
  value: T;
}

/**
 * A parser that did not match. It says no more: the issues name what was
 * expected from the problems the reader notes (see `inspect.ts`), not from
 * the failing leaf.
 */
export interface FailureReply {
  status: false;
}

/** What one step of a parser returns. */
export type Reply<T> = SuccessReply<T> | FailureReply;

/** A parser: its step function, run at an index of the input. */
export interface Parser<T> {
  readonly _: (input: string, index: number) => Reply<T>;
}

/** The parser whose step is `step`. */
/* @__NO_SIDE_EFFECTS__ */
export function makeParser<T>(step: (input: string, index: number) => Reply<T>): Parser<T> {
  return { _: step };
}

/** A success reply. */
export function succeed<T>(index: number, value: T): SuccessReply<T> {
  return { status: true, index, value };
}

/** The failure reply: one object, as it holds nothing. */
// Stryker disable next-line ObjectLiteral: every reader tests `status` for truth, and an object without it is as false
export const FAILURE: FailureReply = { status: false };

/** Runs one step of `parser`. */
export function step<T>(parser: Parser<T>, input: string, index: number): Reply<T> {
  return parser._(input, index);
}

type Parsers<T extends readonly unknown[]> = { readonly [K in keyof T]: Parser<T[K]> };

/** Each parser in turn; the values as a tuple, or the first failure. */
/* @__NO_SIDE_EFFECTS__ */
export function sequence<T extends readonly unknown[]>(...parsers: Parsers<T>): Parser<T> {
  const count = parsers.length;
  return makeParser((input, start) => {
    const values: unknown[] = [];
    let index = start;
    for (let at = 0; at < count; at++) {
      const reply = step(parsers[at] as Parser<unknown>, input, index);
      if (!reply.status) return reply;
      values.push(reply.value);
      index = reply.index;
    }
    return succeed(index, values as unknown as T);
  });
}

/** `parser`'s value passed through `transform`. */
/* @__NO_SIDE_EFFECTS__ */
export function map<T, U>(parser: Parser<T>, transform: (value: T) => U): Parser<U> {
  return makeParser((input, start) => {
    const reply = step(parser, input, start);
    return reply.status ? succeed(reply.index, transform(reply.value)) : reply;
  });
}

/**
 * `parser` as many times as it matches; the miss that ends the run is
 * forgotten. `parser` must consume input when it succeeds.
 */
/* @__NO_SIDE_EFFECTS__ */
export function many<T>(parser: Parser<T>): Parser<T[]> {
  return makeParser((input, start) => {
    const values: T[] = [];
    for (let index = start; ; ) {
      const reply = step(parser, input, index);
      if (!reply.status) return succeed(index, values);
      values.push(reply.value);
      index = reply.index;
    }
  });
}
