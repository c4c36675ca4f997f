import { defineConfig } from "vitest/config";

// The headless Chromium runs (`npm run test:browser`): they need a
// `chromium` binary (Debian package `chromium`; `.ci/run` installs it) and
// the site built by `npm run site`, which that script runs first.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machines have two cores.
    fileParallelism: false,
  },
});
