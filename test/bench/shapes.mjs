// Hostile inputs for the benchmark: long runs of one character inside
// every kind of line, and large inputs for peak memory. Each builder takes
// the run (or the size) and returns the whole text.

/** The characters a run is made of. */
export const FILLS = { spaces: " ", digits: "7", commas: ",", quotes: '"' };

/** One line of each kind, with `run` inside it where a hostile page would put it. */
export const LINE_KINDS = {
  title: (run) => `T${run}x\n1948`,
  rating: (run) => `T\n4${run}\n1948`,
  votes: (run) => `T\n(1${run}x)\n1948`,
  genre: (run) => `T\nDrama${run}x\n1948`,
  year: (run) => `T\n1948${run}\n1948`,
  runtime: (run) => `T\n1948\n2h${run}13m`,
  certification: (run) => `T\n1948\nPG${run}13`,
  synopsis: (run) => `T\n1948\nA${run}b`,
  "cast header": (run) => `T\n1948\nStarring${run}:`,
  "reviews header": (run) => `T\n1948\nCommunity Reviews${run}See all`,
  names: (run) => `T\n1948\nStarring: A${run}B\nDirected by: C,${run}`,
  review: (run) => `T\n1948\nCommunity Reviews\n"A${run}b"`,
};

/** Many lines of one kind, about `size` characters in all. */
export const MANY_LINES = {
  "lines holding a lone quote": (size) => `T\n1948\nCommunity Reviews\n${'"\n'.repeat(size / 2)}`,
  "one-line reviews": (size) => `T\n1948\nCommunity Reviews\n${'"A feast."\n'.repeat(size / 11)}`,
  "trailing genre lines": (size) => `T\n1948\nA film.\n${"Drama\nMusic\n".repeat(size / 12)}`,
  "cast lines": (size) => `T\n1948\nStarring:\n${"Moira Shearer, Anton Walbrook\n".repeat(size / 30)}`,
  "blank lines": (size) => `T\n${"\n".repeat(size)}1948`,
  "CRLF lines": (size) => `T\r\n1948\r\n${"A line of synopsis.\r\n".repeat(size / 21)}`,
};

/**
 * Many small items of one list, about `size` characters in all: the record
 * holds each, and an inspection a span for each.
 */
export const MANY_ITEMS = {
  "inline cast names": (size) => `T\n1948\nStarring: ${"A, Jr., ".repeat(size / 8)}`,
  "inline services": (size) => `T\n1948\nAlso available on: ${"Netflix, ".repeat(size / 9)}`,
  "262,144 one-line reviews": () => `T\n1948\nCommunity Reviews\n${'"a"\n'.repeat(262_144)}`,
};

/** A run of `fill` long enough that the whole text is about `size` characters. */
export function hostile(kind, fill, size) {
  const text = LINE_KINDS[kind]("");
  return LINE_KINDS[kind](FILLS[fill].repeat(size - text.length));
}

const sentence = "The costumes and curtains fold in like oiled brush strokes; the lights pop like neon chalk.";

/** Large inputs whose peak memory the benchmark reports, each of about `size` characters. */
export const MEMORY_SHAPES = {
  "one long review": (size) =>
    `T\n1948\nCommunity Reviews\n"${`${sentence} `.repeat(Math.ceil(size / (sentence.length + 1))).slice(0, size)}"`,
  "CRLF lines with NBSPs, no year": (size) => `T\r\n${"Drama\u00A0 and\u00A0music\u00A0\r\n".repeat(size / 22)}`,
  "a line of NBSPs and letters": (size) => `T\n1948\nA${"b\u00A0".repeat(size / 2)}`,
  "a line of spaces, no year": (size) => `T${" ".repeat(size)}x`,
  "zero-width between letters": (size) => `T\n1948\n${"a\u200B".repeat(size / 2)}`,
  "short synopsis lines": (size) => `T\n1948\n${"A line of synopsis.\n".repeat(size / 20)}`,
};
