import { describe, expect, test } from "vitest";
import { COMMAND_OPTIONS, COMMANDS, isUsageError, readCommandLine, UsageError } from "../../src/cli/args";

/** The one-line reason `argv` is refused with, and the command whose help it points to. */
function refusal(argv: readonly string[]): { message: string; command: string | undefined } {
  try {
    readCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { message: error.message, command: error.command };
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
}

describe("readCommandLine", () => {
  test.each([
    [[], { command: "parse", named: false, flags: {}, positionals: [] }],
    [["x.txt"], { command: "parse", named: false, flags: {}, positionals: ["x.txt"] }],
    [["parse", "x.txt", "y.txt"], { command: "parse", named: true, flags: {}, positionals: ["x.txt", "y.txt"] }],
    [
      ["inspect", "--spans", "x.txt"],
      { command: "inspect", named: true, flags: { spans: true }, positionals: ["x.txt"] },
    ],
    [["x.txt", "inspect"], { command: "parse", named: false, flags: {}, positionals: ["x.txt", "inspect"] }],
    [["parse", "format"], { command: "parse", named: true, flags: {}, positionals: ["format"] }],
    [["--ndjson", "inspect", "a"], { command: "inspect", named: true, flags: { ndjson: true }, positionals: ["a"] }],
    [["-"], { command: "parse", named: false, flags: {}, positionals: ["-"] }],
    [["--out-dir", "json", "a"], { command: "parse", named: false, flags: { "out-dir": "json" }, positionals: ["a"] }],
    [["--out-dir=json", "a"], { command: "parse", named: false, flags: { "out-dir": "json" }, positionals: ["a"] }],
    [["--out-dir=-x", "a"], { command: "parse", named: false, flags: { "out-dir": "-x" }, positionals: ["a"] }],
    [["--out-dir", "-", "a"], { command: "parse", named: false, flags: { "out-dir": "-" }, positionals: ["a"] }],
    [["-q", "a"], { command: "parse", named: false, flags: { quiet: true }, positionals: ["a"] }],
    [["help", "parse"], { command: "help", named: true, flags: {}, positionals: ["parse"] }],
    [["-h"], { command: "parse", named: false, flags: { help: true }, positionals: [] }],
    [["-v"], { command: "parse", named: false, flags: { version: true }, positionals: [] }],
    [["--color", "--no-color"], { command: "parse", named: false, flags: { "no-color": true }, positionals: [] }],
    [["--no-color", "--color"], { command: "parse", named: false, flags: { color: true }, positionals: [] }],
    [["a", "--", "--check"], { command: "parse", named: false, flags: {}, positionals: ["a", "--check"] }],
  ] as const)("reads %j", (argv, expected) => {
    expect(readCommandLine(argv)).toEqual(expected);
  });

  test.each([
    [["--frobnicate"], "unknown option --frobnicate", "parse"],
    [["-x"], "unknown option -x", "parse"],
    [["format", "--check", "a.json"], "--check applies to parse and inspect, not to format", "format"],
    [["parse", "--spans"], "--spans applies to inspect, not to parse", "parse"],
    [["inspect", "--schema-org"], "--schema-org applies to parse, not to inspect", "inspect"],
    [["schema", "-q"], "-q applies to parse and inspect, not to schema", "schema"],
    [["--quiet", "schema"], "--quiet applies to parse and inspect, not to schema", "schema"],
    [["--out-dir"], "--out-dir needs a value", "parse"],
    [["--out-dir", "--check"], "--out-dir needs a value", "parse"],
    [["--out-dir", "a", "--out-dir", "b"], "--out-dir is given twice; it takes one value", "parse"],
    [["--check=yes"], "--check takes no value", "parse"],
    [["--quiet=1"], "--quiet takes no value", "parse"],
  ] as const)("refuses %j: %s", (argv, message, command) => {
    expect(refusal(argv)).toEqual({ message, command });
  });

  test("every command takes --help, --version and the colour options, and parse and inspect share the batch options", () => {
    for (const command of COMMANDS) {
      expect(COMMAND_OPTIONS[command]).toEqual(expect.arrayContaining(["color", "no-color", "help", "version"]));
    }
    const batch = ["out-dir", "ndjson", "check", "update", "reference-date", "max-size", "reporter", "quiet"];
    expect(COMMAND_OPTIONS.parse).toEqual(expect.arrayContaining([...batch, "schema-org", "schema-url"]));
    expect(COMMAND_OPTIONS.inspect).toEqual(expect.arrayContaining([...batch, "spans"]));
    expect(COMMAND_OPTIONS.format).toEqual(["max-size", "color", "no-color", "help", "version"]);
  });
});

describe("UsageError", () => {
  test("is named, keeps its command, and is told apart from other errors", () => {
    const error = new UsageError("unknown option --x", "inspect");
    expect(error).toMatchObject({ name: "UsageError", message: "unknown option --x", command: "inspect" });
    expect(isUsageError(error)).toBe(true);
    // A copy of the class from another bundle: only the name is shared.
    expect(isUsageError(Object.assign(new Error("x"), { name: "UsageError" }))).toBe(true);
    expect(isUsageError(new Error("unknown option --x"))).toBe(false);
    expect(isUsageError({ name: "UsageError" })).toBe(false);
    expect(isUsageError(undefined)).toBe(false);
  });
});
