import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM and CJS, each with its own declarations.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
  },
]);
