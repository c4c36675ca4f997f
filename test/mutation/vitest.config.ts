import { configDefaults, defineConfig } from "vitest/config";

// The suite that `npm run mutate` runs against every mutant: the unit, fixture
// and property tests at 100 cases per property (a mutant that survives 100
// cases of every property and all the tables is rare; 1,000 cases would make a
// full run hours long). Left out: the CLI tests, which build and spawn the
// command (a spawned process does not see which mutant is active), the type
// tests, and the packaging and browser suites.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "test/package/**", "test/browser/**", "test/cli.test.ts"],
    env: { FC_RUNS: process.env.FC_RUNS ?? "100" },
  },
});
