import { defineConfig } from "vitest/config";

// The headless Chromium run (`npm run test:browser`): needs a `chromium`
// binary (Debian package `chromium`), so CI does not run it.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
