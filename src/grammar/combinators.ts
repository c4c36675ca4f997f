/**
 * The few combinators the grammar needs, on parsimmon's own parser and
 * reply types.
 *
 * Parsimmon's built-in `seq`, `alt`, `many`, `map` and `chain` merge the
 * expectations of every reply they pass on, and each merge builds a Set and
 * sorts an array, even for two successes with nothing to merge: in a
 * benchmark of the reference listing that was most of the parse. These
 * commit instead: the first failure is returned as it is, and a miss that
 * an optional part absorbs is forgotten. The grammar is built so that the
 * failure returned is the one that explains the error (see `parse.ts`).
 */

import P from "parsimmon";

/** No expectations: what every success carries. */
const NOTHING_EXPECTED: string[] = [];

/**
 * A success reply, as `P.makeSuccess` makes it but without a new empty
 * array of expectations each time (nothing here adds to it).
 */
export function succeed<T>(index: number, value: T): P.SuccessReply<T> {
  return { status: true, index, value, furthest: -1, expected: NOTHING_EXPECTED };
}

/** A failure reply; `expected` is made once per leaf, not per failure. */
export function fail(index: number, expected: string[]): P.FailureReply {
  return { status: false, index: -1, value: null, furthest: index, expected };
}

/** A parser with parsimmon's step function, where a parser is run. */
type Runnable<T> = { _: (input: string, index: number) => P.Reply<T> };

/**
 * Runs one step of `parser`. It reads `_` at each call: a lazy parser
 * (every rule of `createLanguage`) replaces its own `_` on first use.
 */
export function step<T>(parser: P.Parser<T>, input: string, index: number): P.Reply<T> {
  return (parser as unknown as Runnable<T>)._(input, index);
}

type Parsers<T extends readonly unknown[]> = { readonly [K in keyof T]: P.Parser<T[K]> };

/** Each parser in turn; the values as a tuple, or the first failure. */
export function sequence<T extends readonly unknown[]>(...parsers: Parsers<T>): P.Parser<T> {
  const count = parsers.length;
  return P((input, start) => {
    const values: unknown[] = new Array(count);
    let index = start;
    for (let at = 0; at < count; at++) {
      const reply = step(parsers[at] as P.Parser<unknown>, input, index);
      if (!reply.status) return reply;
      values[at] = reply.value;
      index = reply.index;
    }
    return succeed(index, values as unknown as T);
  });
}

/** `parser`'s value passed through `transform`. */
export function map<T, U>(parser: P.Parser<T>, transform: (value: T) => U): P.Parser<U> {
  return P((input, start) => {
    const reply = step(parser, input, start);
    return reply.status ? succeed(reply.index, transform(reply.value)) : reply;
  });
}

/** `parser`, or `null` without consuming anything; a miss is forgotten. */
export function optional<T>(parser: P.Parser<T>): P.Parser<T | null> {
  return P((input, start) => {
    const reply = step(parser, input, start);
    return reply.status ? reply : succeed(start, null);
  });
}

/**
 * `parser` as many times as it matches; the miss that ends the run is
 * forgotten. `parser` must consume input when it succeeds.
 */
export function many<T>(parser: P.Parser<T>): P.Parser<T[]> {
  return P((input, start) => {
    const values: T[] = [];
    for (let index = start; ; ) {
      const reply = step(parser, input, index);
      if (!reply.status) return succeed(index, values);
      values.push(reply.value);
      index = reply.index;
    }
  });
}
