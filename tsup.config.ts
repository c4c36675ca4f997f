import { writeFile } from "node:fs/promises";
import { defineConfig } from "tsup";
import { filmJsonSchema } from "./src/json-schema";

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
    // The JSON Schema ships as `film-listing/schema.json` (see `exports`).
    async onSuccess() {
      await writeFile("dist/schema.json", `${JSON.stringify(filmJsonSchema, null, 2)}\n`);
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
