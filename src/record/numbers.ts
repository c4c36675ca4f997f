/**
 * The numbers of the header, converted exactly from their digits; whether
 * they are in range is the schema's to say (`parsed-schema.ts`).
 */

import type { RuntimeNode, VotesNode } from "../grammar/tree";

const ZERO = 48;

/** `2h 13m` → 133, `133 min` → 133. */
export function runtimeMinutes({ hours, minutes }: RuntimeNode): number {
  return Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

/**
 * The vote count, computed on the digits so that `(4.1M)` is exactly
 * 4100000. A count that is not whole comes out fractional, or `NaN` where
 * a double would round it whole, for the schema to refuse.
 */
export function voteCount({ whole, fraction, unit }: VotesNode): number {
  // Stryker disable next-line ConditionalExpression,StringLiteral: shortcut; the digits below give the same
  if (fraction === "" && unit === "" && !whole.includes(",")) return Number(whole);
  const digits = whole.replace(/,/g, "");
  const exponent = unit === "" ? 0 : unit.toLowerCase() === "k" ? 3 : 6;
  const significant = withoutTrailingZeros(fraction);
  if (significant.length <= exponent) return Number(digits + significant.padEnd(exponent, "0"));
  const value = Number(`${digits}${significant.slice(0, exponent)}.${significant.slice(exponent)}`);
  // Digits past the point that a double cannot hold still make it fractional.
  return Number.isInteger(value) ? Number.NaN : value;
}

/**
 * `digits` without its trailing zeros. A loop from the end: `/0+$/` tries
 * every run of zeros from its start, quadratic in a long run of them.
 */
function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  // Before the first digit, charCodeAt gives NaN: the walk stops there.
  while (digits.charCodeAt(end - 1) === ZERO) end--;
  return digits.slice(0, end);
}
