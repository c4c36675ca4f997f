import { readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { defineConfig } from "tsup";
import { makeFilmJsonSchema } from "./src/json-schema";

// The record's JSON Schema, made from FilmSchema here, at build time, rather
// than when the package loads: `src/film.schema.json` is what `filmJsonSchema`
// imports, and it ships as `film-listing/schema.json` (see `exports`). The file
// is rewritten only when FilmSchema has changed.
const SCHEMA_FILE = "src/film.schema.json";
const schemaJson = `${JSON.stringify(makeFilmJsonSchema(), null, 2)}\n`;
if (!isDeepStrictEqual(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")), JSON.parse(schemaJson))) {
  writeFileSync(SCHEMA_FILE, schemaJson);
}

export default defineConfig([
  {
    // The library: ESM and CJS, each with its own declarations.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    // Each build cleans only its own files: the two run side by side.
    clean: ["index.*", "schema.json"],
    target: "es2022",
    platform: "neutral",
    async onSuccess() {
      writeFileSync("dist/schema.json", schemaJson);
    },
  },
  {
    // The command line: one ESM file with a shebang, the package's `bin`.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    clean: ["cli.*"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
