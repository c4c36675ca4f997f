// Preloaded into the CLI by the benchmark (`node -r`): reports the process's
// peak resident set size on stderr as it exits.
process.on("exit", () => {
  require("node:fs").writeSync(2, `\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
});
