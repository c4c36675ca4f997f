import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/package/ packs and installs the package (`npm run test:package`);
    // test/browser/ needs Chromium (`npm run test:browser`).
    exclude: [...configDefaults.exclude, "test/package/**", "test/browser/**"],
    typecheck: { include: ["test/**/*.test-d.ts"] },
  },
});
