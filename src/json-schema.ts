/** `filmJsonSchema`: the record's JSON Schema, made from `FilmSchema`. */

import * as z from "zod/v4";
import { FilmSchema } from "./film";
import schema from "./film.schema.json";

// The build writes the schema into `film.schema.json` (see `makeFilmJsonSchema`),
// so that neither zod's JSON Schema code nor the work of running it is part of
// loading the package; a test fails when the file and FilmSchema disagree.

/**
 * The JSON Schema (draft 2020-12) of a {@link Film} record, made from
 * {@link FilmSchema} with zod's `z.toJSONSchema`, so that tools outside
 * TypeScript can check the JSON this library writes. The same schema ships
 * as the file `film-listing/schema.json`.
 *
 * It accepts and refuses the same values as `FilmSchema`: every key of the
 * record is required, other keys are allowed (`FilmSchema` drops them), so
 * that a record file can begin with a `$schema` key that points at this
 * schema. Like `FilmSchema`, it bounds the release year below only: the
 * upper bound depends on the reference date of a parse.
 *
 * @example
 * ```ts
 * import { Ajv2020 } from "ajv/dist/2020.js";
 * const validate = new Ajv2020().compile(filmJsonSchema);
 * validate(parseListing("The Red Shoes\n4.3\n1948")); // true
 * filmJsonSchema.$schema; // "https://json-schema.org/draft/2020-12/schema"
 * filmJsonSchema.required; // ["title", "rating", "voteCount", "genres", "year", …]
 * ```
 *
 * @group Record
 */
export const filmJsonSchema: z.core.JSONSchema.JSONSchema = schema as z.core.JSONSchema.JSONSchema;

/** The JSON Schema of FilmSchema, as the build writes it into `film.schema.json`. */
export function makeFilmJsonSchema(): z.core.JSONSchema.JSONSchema {
  return z.toJSONSchema(FilmSchema, {
    target: "draft-2020-12",
    // What FilmSchema accepts: other keys are allowed, as FilmSchema drops them, so
    // that a record file may begin with `$schema` and both agree on every value.
    io: "input",
    unrepresentable: "throw",
  });
}
