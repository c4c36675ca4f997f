import { defineConfig } from "vitest/config";

// The packaging suite (`npm run test:package`): packs the package, installs the
// tarball into a scratch project and uses it as a consumer would. It needs npm
// and takes tens of seconds, so it runs in CI after the unit suite, not in it.
export default defineConfig({
  test: {
    include: ["test/package/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
