import fc from "fast-check";

// One seed for every property of the mutation suite, so that each mutant
// meets the same cases as the run without mutants, which they all pass.
fc.configureGlobal({ seed: 1948 });
