import { configDefaults, defineConfig } from "vitest/config";

// The suite that `npm run mutate` runs against every mutant: the unit, fixture
// and property tests, the properties at 100 cases each from one fixed seed (a
// mutant must fail or pass the same cases every time; 1,000 cases would make a
// full run many hours long). Left out: the CLI tests that build and spawn
// the command (a spawned process does not see which mutant is active; the
// command's modules are tested in-process in test/cli/); the
// ReDoS check, which reads the expressions from the source text (in Stryker's
// sandbox, every mutant's at once); the tests of cost on inputs of megabytes,
// seconds each for every mutant they reach; the type tests, and the packaging
// and browser suites.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      "test/package/**",
      "test/browser/**",
      "test/cli.test.ts",
      "test/redos.test.ts",
      "test/linear.test.ts",
    ],
    setupFiles: ["test/mutation/setup.ts"],
    // The tests of the cleaner's 256 K buffer read lines of 600,000 characters,
    // a second or more each through Stryker's instrumented code.
    testTimeout: 60_000,
    env: { FC_RUNS: process.env.FC_RUNS ?? "100" },
  },
});
