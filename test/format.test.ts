import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type Film, FilmSchema, type FormatOptions, formatListing, ListingError, parseListing } from "../src/index";
import { filmWith, referenceDate } from "./support/film";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const options = { referenceDate };

const fixtureRecords = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .sort()
  // FilmSchema drops the `$schema` key a fixture may begin with.
  .map((name) => [name, FilmSchema.parse(JSON.parse(readFileSync(join(FIXTURES, name), "utf8")))] as const);

const minimal: Film = filmWith({ title: "Roundhay Garden Scene", year: 1888 });

const full: Film = {
  title: "The Red Shoes",
  rating: 4.3,
  voteCount: 398,
  genres: ["Drama", "Romance"],
  year: 1948,
  runtimeMinutes: 133,
  certification: "NR",
  synopsis: "A ballerina must choose.\nShe dances.",
  cast: ["Moira Shearer", "Anton Walbrook"],
  directors: ["Michael Powell", "Emeric Pressburger"],
  badges: ["AD", "4K UHD"],
  availableOn: ["Max", "Criterion Channel"],
  reviews: [{ text: "A feast." }, { text: 'He said "dance"\n\nand she did.' }],
};

const roundTrip = (film: Film) => parseListing(formatListing(film, options), options);

function refusal(film: Film): ListingError {
  try {
    formatListing(film, options);
  } catch (error) {
    if (error instanceof ListingError) return error;
    throw error;
  }
  throw new Error("formatListing did not refuse the record");
}

describe("formatListing", () => {
  test("writes the reference layout", () => {
    expect(formatListing(full, options)).toBe(
      [
        "The Red Shoes",
        "4.3",
        "(398)",
        "Drama",
        "Romance",
        "1948",
        "133 min",
        "NR",
        "A ballerina must choose.",
        "She dances.",
        "Starring: Moira Shearer, Anton Walbrook",
        "Directed by: Michael Powell, Emeric Pressburger",
        "AD",
        "4K UHD",
        "Also Available On: Max, Criterion Channel",
        "Community Reviews",
        '"A feast."',
        '"He said "dance"',
        "",
        'and she did."',
        "",
      ].join("\n"),
    );
  });

  test("writes only the title, the year and the empty Starring and services headers for a bare record", () => {
    expect(formatListing(minimal, options)).toBe("Roundhay Garden Scene\n1888\nStarring:\nAlso Available On:\n");
    expect(roundTrip(minimal)).toEqual(minimal);
  });

  test.each(fixtureRecords)("reads back the record of fixtures/%s", (_, film) => {
    expect(roundTrip(film)).toEqual(film);
  });

  test.each([
    ["a year", "1917"],
    ["a genre", "Music"],
    ["a rating", "4.3"],
    ["a section header", "Starring:"],
    ["a certification", "PG"],
    ["a season count", "2 Seasons"],
  ])("keeps a title that looks like %s", (_, title) => {
    expect(roundTrip({ ...full, title })).toEqual({ ...full, title });
    expect(roundTrip({ ...minimal, title })).toEqual({ ...minimal, title });
  });

  test.each([
    ["rating 0 and 0 votes", { rating: 0, voteCount: 0 }],
    ["rating 5 and a billion votes", { rating: 5, voteCount: 1_000_000_000 }],
    ["a tiny rating written without an exponent", { rating: 1e-7 }],
    ["a tiny rating of several digits written without an exponent", { rating: 1.25e-7 }],
    ["a vote count without a rating", { rating: null, voteCount: 12 }],
    ["a rating without a vote count", { voteCount: null }],
    ["runtimes of 1 and 10,000 minutes", { runtimeMinutes: 1 }],
    ["a runtime of 10,000 minutes", { runtimeMinutes: 10_000 }],
    ["the earliest year", { year: 1870 }],
    ["the latest year for the reference date", { year: 2031 }],
    ["a certification by shape", { certification: "MA15+" }],
    ["no runtime, with a certification", { runtimeMinutes: null, certification: "TV-MA" }],
    ["a certification shaped like a runtime, after the runtime", { certification: "2H" }],
    ["no certification, with a synopsis", { certification: null }],
    [
      "a synopsis that starts like a runtime, after the certification",
      { runtimeMinutes: null, synopsis: "90 min\nof fun." },
    ],
    ["a synopsis that starts like a runtime, after the runtime", { certification: null, synopsis: "90 min\nof fun." }],
    ["a synopsis that starts like a certification, after the certification", { synopsis: "PG\nfor all." }],
    ["a synopsis ending with a genre word", { synopsis: "A noir.\nFilm Noir" }],
    ["a synopsis line that begins like a header", { synopsis: "Directed by the book.\nStarring Moira" }],
    ["a cast name that is a genre word", { cast: ["Drama"], directors: ["Comedy"] }],
    ["a name with a suffix after a comma", { cast: ["Sammy Davis, Jr.", "Frank Sinatra"] }],
    ["a name with a suffix without its dot after a comma", { cast: ["Sammy Davis, Sr", "Frank Sinatra"] }],
    ["a name with a suffix right after a comma", { cast: ["Sammy Davis,Jr."] }],
    ["a suffix as the first name", { cast: ["Jr.", "Frank Sinatra"], directors: ["III"] }],
    ["services that are genre words", { availableOn: ["Drama", "HD"] }],
    [
      "names that are suffixes, on lines of their own",
      { cast: ["HA", "Jr"], directors: ["Michael Powell", "Jr.", "III"] },
    ],
    ["a service that is a suffix", { availableOn: ["Max", "IV", "Hulu"] }],
    ["a non-vocabulary header genre", { genres: ["Dance", "Drama"] }],
    ["reviews with curly quotes", { reviews: [{ text: "“Lovely” and ‘bright’" }] }],
    ["a review made of one quote", { reviews: [{ text: '"' }] }],
    ["a review with runs of spaces", { reviews: [{ text: "Slow   and   grand." }] }],
    ["a review whose first line is quoted", { reviews: [{ text: '"Only the music."\n+ A feast.' }] }],
    ["unicode everywhere", { title: "Amélie 🎬", cast: ["Audrey Tautou", "山田 太郎"], synopsis: "Ça va — ok" }],
    ["no lists at all", { genres: [], cast: [], directors: [], badges: [], availableOn: [], reviews: [] }],
    [
      "joiners inside an emoji sequence and a Persian word",
      { title: "Family 👨\u200D👩\u200D👧", cast: ["می\u200Cخواهم"], reviews: [{ text: "नम\u200Dस्ते 🏳️\u200D🌈" }] },
    ],
  ] as const)("reads back %s", (_, patch) => {
    const film = { ...full, ...patch } as Film;
    expect(roundTrip(film)).toEqual(film);
  });

  test.each([
    [
      "a title with a line break",
      { title: "The Red\nShoes" },
      ["title"],
      'title "The Red\\nShoes" holds a line break, where the layout has none',
    ],
    [
      "a title with a run of spaces",
      { title: "The  Red Shoes" },
      ["title"],
      'title "The  Red Shoes" holds a run of spaces, which the parser collapses to one',
    ],
    [
      "a title with a trailing space",
      { title: "The Red Shoes " },
      ["title"],
      'title "The Red Shoes " starts or ends with a space, which the parser trims',
    ],
    [
      "a title with a non-breaking space",
      { title: "The\u00A0Red Shoes" },
      ["title"],
      'title "The\u00A0Red Shoes" holds a tab or a Unicode space, which the parser reads as a plain space',
    ],
    [
      "a title with a zero-width space",
      { title: "The\u200BRed Shoes" },
      ["title"],
      'title "The\u200BRed Shoes" holds an invisible character (zero-width, soft hyphen or direction mark), which the parser drops',
    ],
    [
      "a title with a soft hyphen",
      { title: "Ballet\u00ADschool" },
      ["title"],
      'title "Ballet\u00ADschool" holds an invisible character (zero-width, soft hyphen or direction mark), which the parser drops',
    ],
    [
      "a cast name with a right-to-left mark",
      { cast: ["Anton\u200F"] },
      ["cast", 0],
      'cast[0] "Anton\u200F" holds an invisible character (zero-width, soft hyphen or direction mark), which the parser drops',
    ],
    [
      "a title with a joiner between two Latin letters",
      { title: "A\u200DB" },
      ["title"],
      'title "A\u200DB" holds an invisible character (zero-width, soft hyphen or direction mark), which the parser drops',
    ],
    ["a genre that looks like a year", { genres: ["1999"] }, ["genres", 0], 'genres[0] "1999" reads as a release year'],
    [
      "a genre that looks like a runtime",
      { genres: ["Drama", "90 min"] },
      ["genres", 1],
      'genres[1] "90 min" reads as a runtime',
    ],
    [
      "a genre that is a section header",
      { genres: ["Starring"] },
      ["genres", 0],
      'genres[0] "Starring" reads as a section header',
    ],
    [
      "a genre that is a season count",
      { genres: ["2 Seasons"] },
      ["genres", 0],
      'genres[0] "2 Seasons" reads as a season count, which marks a series',
    ],
    [
      "a first genre that reads as the absent rating",
      { rating: null, voteCount: null, genres: ["4.3"] },
      ["genres", 0],
      'genres[0] "4.3" reads as the rating, which is absent',
    ],
    [
      "a first genre that reads as the absent vote count",
      { voteCount: null, genres: ["(12)"] },
      ["genres", 0],
      'genres[0] "(12)" reads as the vote count, which is absent',
    ],
    [
      "a genre that looks like a rating after the rating",
      { genres: ["4.3"] },
      ["genres", 0],
      'genres[0] "4.3" is not shaped like a header genre: a name outside the genre vocabulary has at most 40 characters, no digit and none of ? ! : ; | % $ # @ * = < > ( ) [ ] { } " “ ” © ® ™',
    ],
    [
      "a genre holding a question mark",
      { genres: ["Drama", "What's on?"] },
      ["genres", 1],
      'genres[1] "What\'s on?" is not shaped like a header genre: a name outside the genre vocabulary has at most 40 characters, no digit and none of ? ! : ; | % $ # @ * = < > ( ) [ ] { } " “ ” © ® ™',
    ],
    [
      "a genre of 41 characters outside the vocabulary",
      { genres: ["A".repeat(41)] },
      ["genres", 0],
      'genres[0] "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" is not shaped like a header genre: a name outside the genre vocabulary has at most 40 characters, no digit and none of ? ! : ; | % $ # @ * = < > ( ) [ ] { } " “ ” © ® ™',
    ],
    [
      "an eleventh genre",
      {
        genres: [
          "Action",
          "Adventure",
          "Animation",
          "Anime",
          "Comedy",
          "Crime",
          "Drama",
          "Family",
          "Fantasy",
          "History",
          "Horror",
        ],
      },
      ["genres", 10],
      'genres[10] "Horror" is one genre too many: a listing has at most 10 header genres',
    ],
    [
      "a genre repeated in another case",
      { genres: ["Drama", "drama"] },
      ["genres", 1],
      'genres[1] "drama" repeats genres[0]; genres are kept once, compared case-insensitively',
    ],
    [
      "a year after the latest accepted",
      { year: 2032 },
      ["year"],
      "year 2032 is after 2031, the latest year the parser accepts on the reference date",
    ],
    [
      "a year of five digits",
      { year: 10_000 },
      ["year"],
      "year 10000 is after 2031, the latest year the parser accepts on the reference date",
    ],
    ["a rating of minus zero", { rating: -0 }, ["rating"], "rating -0 is written and read back as 0"],
    ["a vote count of minus zero", { voteCount: -0 }, ["voteCount"], "voteCount -0 is written and read back as 0"],
    [
      "a genre with a run of spaces",
      { genres: ["Drama", "Film  Noir"] },
      ["genres", 1],
      'genres[1] "Film  Noir" holds a run of spaces, which the parser collapses to one',
    ],
    [
      "a certification the parser does not recognise",
      { certification: "Family friendly" },
      ["certification"],
      'certification "Family friendly" is not read as a certification: it must be one of the vocabulary, or one short token of letters, digits, +, - and / with a digit or in capitals that is not a genre, a badge or a section header',
    ],
    [
      "a certification that is a header genre",
      { genres: ["DRAMA"], certification: "DRAMA" },
      ["certification"],
      'certification "DRAMA" is not read as a certification: it must be one of the vocabulary, or one short token of letters, digits, +, - and / with a digit or in capitals that is not a genre, a badge or a section header',
    ],
    [
      "a certification with a trailing space",
      { certification: "PG " },
      ["certification"],
      'certification "PG " starts or ends with a space, which the parser trims',
    ],
    [
      "a certification that is a season count",
      { certification: "2 Seasons" },
      ["certification"],
      'certification "2 Seasons" reads as a season count, which marks a series',
    ],
    [
      "a certification that reads as the absent runtime",
      { runtimeMinutes: null, certification: "2H" },
      ["certification"],
      'certification "2H" reads as a runtime, which is absent',
    ],
    [
      "a synopsis with a blank line",
      { synopsis: "One.\n\nTwo." },
      ["synopsis"],
      'synopsis "One.\\n\\nTwo." line 2 is blank, and the parser drops blank lines',
    ],
    [
      "a synopsis line with a run of spaces",
      { synopsis: "One.\nTwo  three." },
      ["synopsis"],
      'synopsis "One.\\nTwo  three." line 2 holds a run of spaces, which the parser collapses to one',
    ],
    [
      "a synopsis line with a non-breaking space",
      { synopsis: "One.\nTwo\u00A0three." },
      ["synopsis"],
      'synopsis "One.\\nTwo\u00A0three." line 2 holds a tab or a Unicode space, which the parser reads as a plain space',
    ],
    [
      "a title of 58 characters, shown whole",
      { title: "The  Red Shoes, told again: the ballet, the film, the sets" },
      ["title"],
      'title "The  Red Shoes, told again: the ballet, the film, the sets" holds a run of spaces, which the parser collapses to one',
    ],
    [
      "a title of 59 characters, shown cut to 60 with its quote and an ellipsis",
      { title: "The  Red Shoes, told again: the ballet, the film, the score" },
      ["title"],
      'title "The  Red Shoes, told again: the ballet, the film, the scor… holds a run of spaces, which the parser collapses to one',
    ],
    [
      "a synopsis line that is a section header",
      { synopsis: "One.\nAlso available on" },
      ["synopsis"],
      'synopsis "One.\\nAlso available on" line 2 reads as a section header',
    ],
    [
      "a synopsis that starts with a season count",
      { synopsis: "3 seasons" },
      ["synopsis"],
      'synopsis "3 seasons" line 1 reads as a season count, which marks a series',
    ],
    [
      "a synopsis that starts like the absent runtime",
      { runtimeMinutes: null, certification: null, synopsis: "90 min\nof fun." },
      ["synopsis"],
      'synopsis "90 min\\nof fun." line 1 reads as a runtime, which is absent',
    ],
    [
      "a synopsis that starts like the absent certification",
      { certification: null, synopsis: "PG\nfor all." },
      ["synopsis"],
      'synopsis "PG\\nfor all." line 1 reads as a certification, which is absent',
    ],
    [
      "a synopsis that starts with a year when there is no certification",
      { certification: null, synopsis: "1948" },
      ["synopsis"],
      'synopsis "1948" line 1 reads as a certification, which is absent',
    ],
    [
      "a cast name with a comma",
      { cast: ["Moira Shearer", "Walbrook, Anton"] },
      ["cast", 1],
      'cast[1] "Walbrook, Anton" holds a comma, which splits names (only a comma before Jr., Sr., II, III or IV does not)',
    ],
    [
      "a cast name with a comma before a name that ends with a suffix",
      { cast: ["Walbrook, Anton Jr"] },
      ["cast", 0],
      'cast[0] "Walbrook, Anton Jr" holds a comma, which splits names (only a comma before Jr., Sr., II, III or IV does not)',
    ],
    [
      "a service with a trailing space",
      { availableOn: ["Max "] },
      ["availableOn", 0],
      'availableOn[0] "Max " starts or ends with a space, which the parser trims',
    ],
    [
      "a badge outside the vocabulary",
      { badges: ["8K"] },
      ["badges", 0],
      'badges[0] "8K" is not in the badge vocabulary',
    ],
    [
      "a badge in another spelling",
      { badges: ["dolby vision"] },
      ["badges", 0],
      'badges[0] "dolby vision" is spelt "Dolby Vision" in the badge vocabulary',
    ],
    [
      "a repeated badge",
      { badges: ["AD", "AD"] },
      ["badges", 1],
      'badges[1] "AD" repeats badges[0]; badges are kept once',
    ],
    [
      "a review ending with a blank line",
      { reviews: [{ text: "Good.\n" }] },
      ["reviews", 0, "text"],
      'reviews[0].text "Good.\\n" starts or ends with white space or a blank line, which the parser trims',
    ],
    [
      "a review line with a trailing space",
      { reviews: [{ text: "Good. \nYes." }] },
      ["reviews", 0, "text"],
      'reviews[0].text "Good. \\nYes." line 1 starts or ends with a space, which the parser trims',
    ],
    [
      "a review with a tab",
      { reviews: [{ text: "Good.\tYes." }] },
      ["reviews", 0, "text"],
      'reviews[0].text "Good.\\tYes." line 1 holds a tab or a Unicode space, which the parser reads as a plain space',
    ],
    [
      "a review with a carriage return",
      { reviews: [{ text: "Good.\rYes." }] },
      ["reviews", 0, "text"],
      'reviews[0].text "Good.\\rYes." line 1 holds a line break, where the layout has none',
    ],
    [
      "a review split by the known limit",
      { reviews: [{ text: 'He said "go"\n"Now," she said.' }] },
      ["reviews", 0, "text"],
      'reviews[0].text "He said \\"go\\"\\n\\"Now,\\" she said." line 1 ends with a quote and the next non-blank line starts with one, where the parser ends the review and opens another (a known limit of the layout)',
    ],
    [
      "a review split past blank lines",
      { reviews: [{ text: "Good ”\n\n\n“Great”" }] },
      ["reviews", 0, "text"],
      'reviews[0].text "Good ”\\n\\n\\n“Great”" line 1 ends with a quote and the next non-blank line starts with one, where the parser ends the review and opens another (a known limit of the layout)',
    ],
  ] as const)("refuses %s with E_UNREPRESENTABLE", (_, patch, path, reason) => {
    const error = refusal({ ...full, ...patch } as Film);
    expect(error.code).toBe("E_UNREPRESENTABLE");
    expect(error.path).toEqual(path);
    expect(error.reason).toBe(reason);
    expect({ line: error.line, column: error.column, offset: error.offset }).toEqual({ line: 1, column: 1, offset: 0 });
    expect(error.message).toBe(`line 1, column 1: ${error.reason}`);
  });

  test.each([
    ["a tab", "\t"],
    ["a line tabulation", "\v"],
    ["a form feed", "\f"],
    ["a no-break space", "\u00A0"],
    ["an Ogham space mark", "\u1680"],
    ["an en quad, the first of the general spaces", "\u2000"],
    ["a hair space, the last of the general spaces", "\u200A"],
    ["a line separator", "\u2028"],
    ["a paragraph separator", "\u2029"],
    ["a narrow no-break space", "\u202F"],
    ["a medium mathematical space", "\u205F"],
    ["an ideographic space", "\u3000"],
  ])("refuses a title holding %s as a Unicode space, not an invisible character", (_, char) => {
    const error = refusal({ ...full, title: `The${char}Red Shoes` });
    expect([error.code, error.path, error.message]).toEqual([
      "E_UNREPRESENTABLE",
      ["title"],
      `line 1, column 1: title ${JSON.stringify(`The${char}Red Shoes`)} holds a tab or a Unicode space, which the parser reads as a plain space`,
    ]);
  });

  test("refuses a title of more Unicode spaces than the parser's cleaning buffer holds as a Unicode space", () => {
    const error = refusal({ ...full, title: `a${"\u2000".repeat(300_000)}b` });
    expect([error.code, error.path, error.message]).toEqual([
      "E_UNREPRESENTABLE",
      ["title"],
      `line 1, column 1: title "a${"\u2000".repeat(57)}… holds a tab or a Unicode space, which the parser reads as a plain space`,
    ]);
  });

  test("writes a name that is a suffix on a line of its own below the header", () => {
    const film = { ...full, cast: ["HA", "Jr", "Moira Shearer"], directors: [], reviews: [] };
    expect(formatListing(film, options)).toBe(
      [
        "The Red Shoes",
        "4.3",
        "(398)",
        "Drama",
        "Romance",
        "1948",
        "133 min",
        "NR",
        "A ballerina must choose.",
        "She dances.",
        "Starring: HA",
        "Jr, Moira Shearer",
        "AD",
        "4K UHD",
        "Also Available On: Max, Criterion Channel",
        "",
      ].join("\n"),
    );
    expect(roundTrip(film)).toEqual(film);
  });

  test.each([
    ["a name that ends like a suffix inline", ["Moira Shearer", "Henry VIII"], "Starring: Moira Shearer, Henry VIII"],
    ["a suffix without its dot on a line of its own", ["HA", "Sr"], "Starring: HA\nSr"],
  ])("writes %s", (_, cast, names) => {
    const film = { ...minimal, cast };
    const text = formatListing(film, options);
    expect(text).toBe(`Roundhay Garden Scene\n1888\n${names}\nAlso Available On:\n`);
    expect(parseListing(text, options)).toEqual(film);
  });

  test("writes a first genre shaped like a rating after the vote count, when the vocabulary holds it", () => {
    const extended = { referenceDate, genres: ["4.3"] };
    const film = { ...full, rating: null, genres: ["4.3"] };
    const text = formatListing(film, extended);
    expect(text.startsWith("The Red Shoes\n(398)\n4.3\n1948\n")).toBe(true);
    expect(parseListing(text, extended)).toEqual(film);
  });

  test.each([
    [
      "a later genre shaped like a rating, without rating and vote count",
      { genres: ["Drama", "4.3"] },
      "Roundhay Garden Scene\nDrama\n4.3\n1888\nStarring:\nAlso Available On:\n",
    ],
    [
      "a later genre shaped like a vote count, without rating and vote count",
      { genres: ["Drama", "(12)"] },
      "Roundhay Garden Scene\nDrama\n(12)\n1888\nStarring:\nAlso Available On:\n",
    ],
    [
      "a first genre shaped like a rating after the rating, without a vote count",
      { rating: 4.3, genres: ["4.3"] },
      "Roundhay Garden Scene\n4.3\n4.3\n1888\nStarring:\nAlso Available On:\n",
    ],
  ] as const)("writes %s, when the vocabulary holds it", (_, patch, text) => {
    const extended = { referenceDate, genres: ["4.3", "(12)"] };
    const film = { ...minimal, ...patch } as unknown as Film;
    expect(formatListing(film, extended)).toBe(text);
    expect(parseListing(text, extended)).toEqual(film);
  });

  test.each([
    [{ rating: null, voteCount: null, genres: ["4.3"] }, 'genres[0] "4.3" reads as the rating, which is absent'],
    [{ voteCount: null, genres: ["(12)"] }, 'genres[0] "(12)" reads as the vote count, which is absent'],
  ] as const)(
    "refuses a first genre of the vocabulary that reads as the absent rating or vote count: %j",
    (patch, reason) => {
      const extended = { referenceDate, genres: ["4.3", "(12)"] };
      let error: unknown;
      try {
        formatListing({ ...full, ...patch } as unknown as Film, extended);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ListingError);
      expect(error).toMatchObject({ code: "E_UNREPRESENTABLE", path: ["genres", 0], reason });
    },
  );

  test("gives a refusal one issue, itself", () => {
    const error = refusal({ ...full, cast: ["Moira Shearer", "Walbrook, Anton"] });
    const reason =
      'cast[1] "Walbrook, Anton" holds a comma, which splits names (only a comma before Jr., Sr., II, III or IV does not)';
    expect(error.issues).toEqual([
      {
        code: "E_UNREPRESENTABLE",
        severity: "error",
        line: 1,
        column: 1,
        offset: 0,
        end: { line: 1, column: 1, offset: 0 },
        reason,
        message: `line 1, column 1: ${reason}`,
        path: ["cast", 1],
      },
    ]);
  });

  test("names the field and the value in the reason", () => {
    expect(refusal({ ...full, cast: ["Moira Shearer", "Walbrook, Anton"] }).reason).toBe(
      'cast[1] "Walbrook, Anton" holds a comma, which splits names (only a comma before Jr., Sr., II, III or IV does not)',
    );
  });

  test("gives the message that docs/errors.md shows for E_UNREPRESENTABLE", () => {
    const docs = readFileSync(join(import.meta.dirname, "..", "docs", "errors.md"), "utf8");
    const section = docs.slice(docs.indexOf("## E_UNREPRESENTABLE"));
    const shown = /```text\n(?<message>[^\n]*)\n```/.exec(section)?.groups?.message;
    expect(refusal({ ...full, cast: ["Moira Shearer", "Walbrook, Anton"] }).message).toBe(shown);
  });

  test("accepts a year up to five years after the reference date's year, in UTC", () => {
    const lateDate = { referenceDate: new Date("2030-12-31T23:59:59Z") };
    expect(parseListing(formatListing({ ...full, year: 2035 }, lateDate), lateDate).year).toBe(2035);
    expect(() => formatListing({ ...full, year: 2036 }, lateDate)).toThrow(
      expect.objectContaining({
        code: "E_UNREPRESENTABLE",
        path: ["year"],
        message: "line 1, column 1: year 2036 is after 2035, the latest year the parser accepts on the reference date",
      }),
    );
  });

  test("writes badges and certifications of an extended vocabulary for a parse with the same options", () => {
    const extended = { referenceDate, badges: ["8K"], certifications: ["Family friendly"] };
    const film = { ...full, badges: ["8K"], certification: "Family friendly" };
    expect(parseListing(formatListing(film, extended), extended)).toEqual(film);
  });

  // With "Jr" or "III" added to a vocabulary, a name line "Jr" joins the trailing run of genres and badges.
  test.each([
    [
      "a genre it does not have",
      { cast: ["Moira Shearer", "Jr"], badges: ["AD"] },
      { genres: ["Jr"] },
      ["genres", 0],
      'genres[0] would read back as "Jr", which the record does not have',
    ],
    [
      "a genre after the ones it has",
      { genres: ["Drama"], cast: ["Moira Shearer", "Jr"] },
      { genres: ["Jr"] },
      ["genres", 1],
      'genres[1] would read back as "Jr", which the record does not have',
    ],
    [
      "a name it would lose, when the genre repeats one of its own",
      { genres: ["JR"], cast: ["Moira Shearer", "Jr"] },
      { genres: ["Jr"] },
      ["cast", 1],
      'cast[1] "Jr" would not read back at all',
    ],
    [
      "a director it would lose to a badge",
      { directors: ["Michael Powell", "III"], badges: ["III"] },
      { badges: ["III"] },
      ["directors", 1],
      'directors[1] "III" would not read back at all',
    ],
  ] as const)(
    "refuses a record only the re-parse shows to be unrepresentable, naming the first field that differs: %s",
    (_, patch, vocabulary, path, reason) => {
      let error: unknown;
      try {
        formatListing({ ...minimal, ...patch } as unknown as Film, { referenceDate, ...vocabulary });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ListingError);
      const { code, line, column, offset, message } = error as ListingError;
      expect({ code, line, column, offset, path: (error as ListingError).path, message }).toEqual({
        code: "E_UNREPRESENTABLE",
        line: 1,
        column: 1,
        offset: 0,
        path,
        message: `line 1, column 1: ${reason}`,
      });
    },
  );

  test.each([
    [{ rating: 7.5 }, ["rating"], "rating: Too big: expected number to be <=5", "too_big"],
    [
      { reviews: [{ text: "" }] },
      ["reviews", 0, "text"],
      "reviews[0].text: Too small: expected string to have >=1 characters",
      "too_small",
    ],
  ] as const)("refuses a record FilmSchema refuses with E_INVALID at the field: %j", (patch, path, reason, issue) => {
    const error = refusal({ ...full, ...patch } as Film);
    const { code, line, column, offset, message } = error;
    expect({ code, line, column, offset, path: error.path, message }).toEqual({
      code: "E_INVALID",
      line: 1,
      column: 1,
      offset: 0,
      path,
      message: `line 1, column 1: ${reason}`,
    });
    expect(error.cause).toMatchObject({ code: issue, path });
  });

  test.each([
    [null, {}, "formatListing expects a Film record, got null"],
    ["The Red Shoes", {}, "formatListing expects a Film record, got string"],
    [["The Red Shoes"], {}, "formatListing expects a Film record, got an array"],
    [full, { referenceDate: new Date(Number.NaN) }, "referenceDate must be a valid Date, got an invalid Date"],
    [full, { referenceDate: "2026" }, "referenceDate must be a valid Date, got string"],
  ])(
    "throws a TypeError for something that is not a record, or an invalid referenceDate: %j",
    (film, given, message) => {
      expect(() => formatListing(film as unknown as Film, given as unknown as FormatOptions)).toThrow(
        new TypeError(message),
      );
    },
  );
});
