import { readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";
import { makeFilmJsonSchema } from "./src/json-schema";

const SCHEMA_FILE = "src/film.schema.json";

/** FilmSchema's JSON Schema as the files hold it. */
const schemaJson = (): string => `${JSON.stringify(makeFilmJsonSchema(), null, 2)}\n`;

/**
 * The record's JSON Schema, made from FilmSchema at build time rather than
 * when the package loads: `src/film.schema.json` is what `filmJsonSchema`
 * imports. Each build rewrites it first if FilmSchema has changed.
 */
const filmJsonSchemaFile: Plugin = {
  name: "film-json-schema",
  setup(build) {
    build.onStart(() => {
      const made = schemaJson();
      if (!isDeepStrictEqual(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")), JSON.parse(made))) {
        writeFileSync(SCHEMA_FILE, made);
      }
    });
  },
};

// No source maps: the command's maps would carry the sources of the zod and
// date-fns it bundles, and the library's output is plain, unminified code.
export default defineConfig([
  {
    // The library: ESM and CJS, each with its own declarations.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // The three builds run side by side, and tsup's `clean` removes every
    // file of dist/ but those a pattern excludes: each build keeps the
    // others' files (and declarations, which it cleans before writing its own).
    clean: ["!cli*"],
    target: "es2022",
    platform: "neutral",
    esbuildPlugins: [filmJsonSchemaFile],
    // The JSON Schema also ships as `film-listing/schema.json` (see `exports`).
    async onSuccess() {
      writeFileSync("dist/schema.json", schemaJson());
    },
  },
  {
    // The command line's entry, the package's `bin`: CommonJS, which Node
    // loads faster than an ES module, holding only what `--version`, `help`
    // and a usage error need. It imports ./cli-commands.js on demand.
    entry: { cli: "src/cli/main.ts" },
    format: ["cjs"],
    clean: ["!index.*", "!schema.json", "!cli-*", "!*.d.{ts,cts,mts}"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
  {
    // The commands, and the chunks they import on demand (cli-*.js), so that
    // `parse` loads neither the printer nor the JSON Schema nor inspect.
    entry: { "cli-commands": "src/cli/commands.ts" },
    format: ["esm"],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = "cli-[name]-[hash]";
    },
    clean: ["!index.*", "!schema.json", "!cli.*", "!*.d.{ts,cts,mts}"],
    target: "node20",
    platform: "node",
    // zod and date-fns built in, only the parts the command uses: imported
    // from node_modules, zod alone loads over a hundred files (every locale)
    // and doubled the start-up time of `film-listing parse`.
    noExternal: ["zod", "date-fns"],
    esbuildPlugins: [filmJsonSchemaFile],
  },
]);
