import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/package/ packs and installs the package: `npm run test:package`.
    exclude: [...configDefaults.exclude, "test/package/**"],
    typecheck: { include: ["test/**/*.test-d.ts"] },
  },
});
