import { describe, expect, test } from "vitest";
import {
  type Film,
  inspectListing,
  ListingError,
  type ParseOptions,
  parseListing,
  safeParseListing,
} from "../src/index";
import { filmWith, referenceDate } from "./support/film";

const parse = (lines: readonly string[], options: ParseOptions = {}): Film =>
  parseListing(lines.join("\n"), { referenceDate, ...options });
const failure = (lines: readonly string[], options: ParseOptions = {}): ListingError => {
  const result = safeParseListing(lines.join("\n"), { referenceDate, ...options });
  if (result.success) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.error;
};

describe("title (SPEC 1.2.1)", () => {
  test.each([
    "1917",
    "Music",
    "Romance",
    "PG: Psycho Goreman",
    "9",
    "4.3",
    "7.5",
    "Starring:",
    "133 min",
    "(398)",
    "2 Seasons",
  ])("takes %j on the first line as the title", (title) => {
    expect(parse([title, "2019"]).title).toBe(title);
  });

  test("collapses runs of spaces in the title", () => {
    expect(parse(["The   Third  Man", "1949"]).title).toBe("The Third Man");
  });
});

describe("rating (SPEC 1.2.2)", () => {
  test.each([
    ["4", 4],
    ["4.3", 4.3],
    ["4.35", 4.35],
    ["0", 0],
    ["5", 5],
    ["5.0", 5],
  ])("reads %s as %d", (line, rating) => {
    expect(parse(["Title", line, "1948"]).rating).toBe(rating);
  });

  test.each(["7.5", "10", "5.01", "12345"])("refuses %s as outside 0–5 at its line", (line) => {
    const error = failure(["Title", line, "1948"]);
    expect(error).toMatchObject({ code: "E_INVALID", line: 2, column: 1, path: ["rating"] });
    expect(error.message).toBe(`line 2, column 1: rating ${line} is outside 0–5`);
  });

  test.each(["4.3.1", "4,3", "4.", ".5", "-1", "4.3 stars"])(
    "does not take %j as a rating, nor as a genre: the year is missing there",
    (line) => {
      const error = failure(["Title", line, "1948"]);
      expect({ code: error.code, line: error.line, column: error.column, found: error.found }).toEqual({
        code: "E_MISSING_YEAR",
        line: 2,
        column: 1,
        found: line,
      });
      const { film } = inspectListing(["Title", line, "1948"].join("\n"), { referenceDate });
      expect({ rating: film.rating, genres: film.genres, synopsis: film.synopsis }).toEqual({
        rating: null,
        genres: [],
        synopsis: `${line}\n1948`,
      });
    },
  );
});

describe("vote count (SPEC 1.2.3)", () => {
  test.each([
    ["(398)", 398],
    ["(0)", 0],
    ["(1,234)", 1234],
    ["(1,234,567)", 1234567],
    ["(1.2K)", 1200],
    ["(1.25K)", 1250],
    ["(12K)", 12000],
    ["(12k)", 12000],
    ["(3.4M)", 3400000],
    ["(4.1M)", 4100000],
    ["(1.0)", 1],
    ["( 1,234 )", 1234],
    ["(1.2 K)", 1200],
    ["(0.001M)", 1000],
    ["(2.50K)", 2500],
    ["(12,345)", 12345],
    ["(123,456,789)", 123456789],
    ["( 398)", 398],
    ["(1.2K )", 1200],
    ["(3.4m)", 3400000],
  ])("reads %s as %d", (line, votes) => {
    expect(parse(["Title", "4.3", line, "1948"]).voteCount).toBe(votes);
  });

  test("reads a vote count without a rating", () => {
    expect(parse(["Title", "(398)", "1948"])).toMatchObject({ rating: null, voteCount: 398 });
  });

  test.each(["(2.5)", "(1.2345K)", "(0.0000001M)", "(1.0000000000000000001K)"])(
    "refuses %s as not a whole number",
    (line) => {
      const error = failure(["Title", "4.3", line, "1948"]);
      expect(error).toMatchObject({ code: "E_INVALID", line: 3, column: 1, path: ["voteCount"] });
      expect(error.reason).toBe(`vote count ${line} is not a whole number`);
    },
  );

  const notWhole = {
    expected: "int",
    format: "safeint",
    code: "invalid_type",
    path: ["voteCount"],
    message: "Invalid input: expected int, received number",
  };
  const pastPrecision = {
    expected: "number",
    code: "invalid_type",
    received: "NaN",
    path: ["voteCount"],
    message: "Invalid input: expected number, received NaN",
  };
  test.each([
    ["(2.5)", notWhole],
    ["(1.2345K)", notWhole],
    ["(0.0000001M)", notWhole],
    ["(1.0000000000000005K)", notWhole],
    ["(1.0000000000000000001K)", pastPrecision],
    ["(1.200000000000000000001K)", pastPrecision],
  ])("refuses %s with zod's issue for a fraction, or for NaN where a double cannot hold its digits", (line, cause) => {
    expect(failure(["Title", "4.3", line, "1948"]).cause).toStrictEqual(cause);
  });

  test("refuses a vote count past the safe-integer limit as too large", () => {
    expect(parse(["Title", "4.3", "(9007199254740991)", "1948"]).voteCount).toBe(Number.MAX_SAFE_INTEGER);
    const error = failure(["Title", "4.3", "(9007199254740993)", "1948"]);
    expect(error).toMatchObject({ code: "E_INVALID", line: 3, column: 1, offset: 10, path: ["voteCount"] });
    expect(error.message).toBe("line 3, column 1: vote count (9007199254740993) is too large");
  });

  test.each(["(39 8)", "(1,23)", "(1,2345)", "(,234)", "(1234,567)", "398", "(398", "(K)", "(1.2B)", "(-3)"])(
    "does not take %j as a vote count, nor as a genre: the year is missing there",
    (line) => {
      const error = failure(["Title", "4.3", line, "1948"]);
      expect({ code: error.code, line: error.line, column: error.column }).toEqual({
        code: "E_MISSING_YEAR",
        line: 3,
        column: 1,
      });
      const { film } = inspectListing(["Title", "4.3", line, "1948"].join("\n"), { referenceDate });
      expect({ rating: film.rating, voteCount: film.voteCount, genres: film.genres }).toEqual({
        rating: 4.3,
        voteCount: null,
        genres: [],
      });
    },
  );
});

describe("header genres (SPEC 1.2.4)", () => {
  test("takes every line between the votes and the year, without repeats", () => {
    expect(parse(["Title", "Drama", "Ballet", "drama", "1948"]).genres).toEqual(["Drama", "Ballet"]);
  });

  test.each([
    "Ballet",
    "Kung Fu & Wuxia",
    "Sci-Fi & Fantasy",
    "LGBTQ+",
    "Children's / Family",
    "Film-Noir, Neo",
    "Ça va — ok",
    "A Genre Name Of Exactly Forty Characters",
    "A  Genre  Name  Of  Exactly  Forty  Characters",
  ])("takes the genre-shaped line %j as a header genre", (genre) => {
    expect(parse(["Title", genre, "1948"]).genres).toEqual([genre.replace(/ {2,}/g, " ")]);
  });

  test.each([
    ["a line of 41 characters", "A Genre Name Of Exactly FortyOne Letters!".replace("!", "s")],
    ["a digit", "80s Music"],
    ...[...'?!:;|%$#@*=<>()[]{}"“”©®™'].map((char) => [`the character ${char}`, `Drama ${char} Comedy`]),
  ])("stops at a line with %s: the year is missing there", (_, line) => {
    const error = failure(["Title", "Drama", line, "1948"]);
    expect({ code: error.code, line: error.line, column: error.column, found: error.found }).toEqual({
      code: "E_MISSING_YEAR",
      line: 3,
      column: 1,
      found: line,
    });
  });

  test("takes a vocabulary name whatever its shape, an option's name included", () => {
    const genres = ["Drama", "1980s Synth: Retro (Special)"];
    expect(parse(["Title", ...genres, "1948"], { genres: ["1980s synth: retro (special)"] }).genres).toEqual(genres);
  });

  test("takes ten header genres, and stops at an eleventh", () => {
    const ten = [
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
    ];
    expect(parse(["Title", ...ten, "1948"]).genres).toEqual(ten);
    const error = failure(["Title", ...ten, "Horror", "1948"]);
    expect({ code: error.code, line: error.line, found: error.found }).toEqual({
      code: "E_MISSING_YEAR",
      line: 12,
      found: "Horror",
    });
  });

  test("counts a repeated genre line among the ten", () => {
    const eleven = ["Drama", ...Array.from({ length: 9 }, () => "drama"), "Crime"];
    expect(failure(["Title", ...eleven, "1948"]).line).toBe(12);
  });
});

describe("year (SPEC 1.2.5)", () => {
  test.each([
    ["1870", 1870],
    ["2031", 2031],
  ])("accepts %s at the bounds", (line, year) => {
    expect(parse(["Title", line]).year).toBe(year);
  });

  test.each([
    ["1869", "year 1869 is outside 1870–2031"],
    ["2032", "year 2032 is outside 1870–2031"],
  ])("refuses %s", (line, reason) => {
    expect(failure(["Title", line])).toMatchObject({ code: "E_INVALID", line: 2, reason, path: ["year"] });
  });

  test("refuses a year once when the reference date puts the latest year before 1870", () => {
    const referenceDate = new Date("1850-06-01T00:00:00Z");
    const text = "Title\n1860";
    const issue = {
      code: "E_INVALID",
      severity: "error",
      line: 2,
      column: 1,
      offset: 6,
      end: { line: 2, column: 5, offset: 10 },
      reason: "year 1860 is outside 1870–1855",
      message: "line 2, column 1: year 1860 is outside 1870–1855",
      path: ["year"],
    };
    expect(inspectListing(text, { referenceDate }).issues).toStrictEqual([issue]);
    expect(safeParseListing(text, { referenceDate }).error?.issues).toStrictEqual([issue]);
  });

  test("takes the bound from referenceDate in UTC", () => {
    const lateOnNewYearsEve = new Date("2020-12-31T23:30:00-05:00"); // 2021 in UTC
    expect(parseListing("Title\n2026", { referenceDate: lateOnNewYearsEve }).year).toBe(2026);
    expect(safeParseListing("Title\n2027", { referenceDate: lateOnNewYearsEve }).error).toMatchObject({
      code: "E_INVALID",
      line: 2,
      column: 1,
      path: ["year"],
      message: "line 2, column 1: year 2027 is outside 1870–2026",
    });
  });

  test.each(["12345", "194", "1948a", "'48"])("does not take %j as a year", (line) => {
    // After a genre, so that 194 or 12345 is not read as an (out of range) rating.
    const error = failure(["Title", "Drama", line]);
    const { code, column, offset, expected, found, message } = error;
    expect({ code, line: error.line, column, offset, expected, found, message }).toEqual({
      code: "E_MISSING_YEAR",
      line: 3,
      column: 1,
      offset: 12,
      expected: ["a year like 1948"],
      found: line,
      message: `line 3, column 1: expected a year like 1948, found ${JSON.stringify(line)}`,
    });
  });

  test.each([
    [["Title", "Drama", "133 min", "1948"], 3, 1],
    [["Title", "Drama", "Starring: Moira Shearer", "1948"], 3, 1],
    [["Title", "Drama", "Community Reviews"], 3, 1],
    [["Title", "Drama  "], 2, 6],
  ])("reports a missing year at the line met instead, or the end: %j", (lines, line, column) => {
    expect(failure(lines)).toMatchObject({ code: "E_MISSING_YEAR", line, column });
  });

  test("takes the bound from today when no referenceDate is given", () => {
    const latest = new Date().getUTCFullYear() + 5;
    expect(parseListing(`Title\n${latest}`).year).toBe(latest);
    const error = safeParseListing(`Title\n${latest + 1}`).error;
    expect(error).toMatchObject({ code: "E_INVALID", line: 2, column: 1, path: ["year"] });
    expect(error?.reason).toBe(`year ${latest + 1} is outside 1870–${latest}`);
  });

  test("reads a referenceDate again when the same Date object is changed between two calls", () => {
    const date = new Date(referenceDate);
    expect(parseListing("Title\n2031", { referenceDate: date }).year).toBe(2031);
    date.setUTCFullYear(2000);
    expect(safeParseListing("Title\n2031", { referenceDate: date }).error?.reason).toBe(
      "year 2031 is outside 1870–2005",
    );
    expect(parseListing("Title\n2005", { referenceDate: date }).year).toBe(2005);
  });

  test("an invalid referenceDate is a TypeError", () => {
    expect(() => parseListing("Title\n1948", { referenceDate: new Date("nope") })).toThrow(
      new TypeError("referenceDate must be a valid Date, got an invalid Date"),
    );
  });
});

describe("runtime (SPEC 1.2.6)", () => {
  test.each([
    ["133 min", 133],
    ["133 mins", 133],
    ["133 minutes", 133],
    ["133min", 133],
    ["1 minute", 1],
    ["2 hr 13 min", 133],
    ["2 hrs 13 mins", 133],
    ["2h 13m", 133],
    ["2h13m", 133],
    ["2 h 13 min", 133],
    ["2 hours", 120],
    ["1 hour 30 minutes", 90],
    ["1 hour 1 minute", 61],
    ["12h 5m", 725],
    ["1 hr", 60],
    ["1h", 60],
    ["45m", 45],
    ["2H 13M", 133],
    ["2 HOURS 13 MINUTES", 133],
    ["2h  13m", 133],
    ["10000 min", 10000],
  ])("reads %s as %d minutes", (line, minutes) => {
    expect(parse(["Title", "1948", line]).runtimeMinutes).toBe(minutes);
  });

  test.each(["2h 13", "133", "13m 2h", "2 hrs.", "min", "2 d", "1h 30s"])("does not take %j as a runtime", (line) => {
    const film = parse(["Title", "1948", line]);
    expect(film.runtimeMinutes).toBeNull();
  });

  test.each(["0 min", "0h", "0h 0m"])("refuses %s as not positive", (line) => {
    expect(failure(["Title", "1948", line])).toMatchObject({
      code: "E_INVALID",
      line: 3,
      path: ["runtimeMinutes"],
      reason: `runtime ${line} is not positive`,
    });
  });

  test("names a refused runtime with its runs of spaces collapsed", () => {
    expect(failure(["Title", "1948", "0h   0m"]).message).toBe("line 3, column 1: runtime 0h 0m is not positive");
  });

  test("refuses a runtime past the safe-integer limit as too long", () => {
    const error = failure(["Title", "1948", "9007199254740993 min"]);
    expect(error).toMatchObject({ code: "E_INVALID", line: 3, column: 1, offset: 11, path: ["runtimeMinutes"] });
    expect(error.message).toBe("line 3, column 1: runtime 9007199254740993 min is too long");
  });

  test.each([
    [["Title", "2 Seasons", "2019"], 2],
    [["Title", "4.3", "Drama", "1 Season", "2019"], 4],
    [["Title", "2019", "3 seasons"], 3],
    [["Title", "2019", "2Seasons"], 3],
    [["Title", "2019", "45 min", "10 Seasons"], 4],
    [["Title", "2019", "TV-MA", "2 Seasons", "A synopsis."], 4],
  ])("refuses a series: %j", (lines, line) => {
    expect(failure(lines)).toMatchObject({ code: "E_SERIES", line, column: 1 });
  });

  test.each([
    [["Title", "4.3", "2 Seasons", "2019"], { rating: 4.3, voteCount: null }],
    [["Title", "(398)", "2 Seasons", "2019"], { rating: null, voteCount: 398 }],
  ])("skips a Seasons line after the rating or the vote count as its only issue: %j", (lines, read) => {
    const { film, issues } = inspectListing(lines.join("\n"), { referenceDate });
    expect(film).toEqual({ ...parse(["Title", "2019"]), ...read });
    const offset = lines.slice(0, 2).join("\n").length + 1;
    expect(issues).toEqual([
      {
        code: "E_SERIES",
        severity: "error",
        line: 3,
        column: 1,
        offset,
        end: { line: 3, column: 10, offset: offset + 9 },
        reason: 'expected a film, found "2 Seasons", which marks a series',
        message: 'line 3, column 1: expected a film, found "2 Seasons", which marks a series',
        expected: ["a film, not a series (a line like 2 Seasons)"],
        found: "2 Seasons",
      },
    ]);
  });

  test("a Seasons line in the synopsis is text", () => {
    expect(parse(["Title", "2019", "A synopsis.", "2 Seasons"]).synopsis).toBe("A synopsis.\n2 Seasons");
  });
});

describe("certification (SPEC 1.2.7)", () => {
  test.each([
    "G",
    "PG",
    "pg-13",
    "NC-17",
    "NR",
    "Not Rated",
    "Unrated",
    "Approved",
    "passed",
    "TV-Y7-FV",
    "TV-MA",
    "12A",
    "M/PG",
    "R18+",
    "MA15+",
    "15",
    "U",
    "PG12",
    "A15",
    "C",
    "DA1",
    "S",
    "12a",
    "B-15",
    "ABCDEFGHIJ",
  ])("takes %s as the certification, as written", (line) => {
    expect(parse(["Title", "1948", "133 min", line]).certification).toBe(line);
  });

  test.each([
    "Drama",
    "HD",
    "Starring",
    "STARRING",
    "LGBTQ+",
    "Sometimes",
    "ABCDEFGHIJK",
    "12A 15",
    "-12",
    "PG:13",
    "4K",
    "DRAMA",
  ])("does not take %j as a certification", (line) => {
    expect(parse(["Title", "1948", "133 min", line]).certification).toBeNull();
  });

  test("does not take a header genre written in capitals as the certification", () => {
    expect(parse(["Title", "KDRAMA", "1948", "KDRAMA"]).certification).toBeNull();
  });

  test("takes a vocabulary name written with up to eight spaces too many, as the name; a longer line is synopsis", () => {
    expect(parse(["Title", "1948", "Not  Rated"])).toMatchObject({ certification: "Not Rated", synopsis: null });
    // "Not Rated" is nine characters, the longest name of the vocabulary: the line may be 17.
    expect(parse(["Title", "1948", `Not${" ".repeat(9)}Rated`])).toMatchObject({
      certification: "Not Rated",
      synopsis: null,
    });
    expect(parse(["Title", "1948", `Not${" ".repeat(10)}Rated`])).toMatchObject({
      certification: null,
      synopsis: "Not Rated",
    });
  });

  test("never takes the end of the text as a certification, even with an empty name in the options", () => {
    expect(parse(["Title", "1948"], { certifications: [""] }).certification).toBeNull();
  });

  test("takes a certification the options add", () => {
    expect(parse(["Title", "1948", "Tous publics"], { certifications: ["Tous publics"] }).certification).toBe(
      "Tous publics",
    );
  });
});

describe("section headers (SPEC 1.3)", () => {
  test.each(["Starring:", "Starring", "starring:", "STARRING", "Starring :", "Starring: "])(
    "recognises %j as the cast header",
    (header) => {
      expect(parse(["Title", "1948", header, "Moira Shearer"]).cast).toEqual(["Moira Shearer"]);
    },
  );

  test.each(["Directed by:", "Directed by", "directed BY:", "Directed  by:"])(
    "recognises %j as the directors header",
    (header) => {
      expect(parse(["Title", "1948", header, "Michael Powell"]).directors).toEqual(["Michael Powell"]);
    },
  );

  test.each(["Also Available On:", "Also Available On", "also available on:", "Also  Available  On:"])(
    "recognises %j as the services header",
    (header) => {
      expect(parse(["Title", "1948", header, "Prime Video"]).availableOn).toEqual(["Prime Video"]);
    },
  );

  test.each([
    ["Community Reviews"],
    ["Community Reviews:"],
    ["Community ReviewsSee all"],
    ["Community Reviews See all"],
    ["community reviews: see ALL"],
    ["Community Reviews", "See all"],
    ["Community Reviews", "", "see all"],
    ["Community Reviews", "See   all"],
    ["Community  Reviews:  See  all"],
  ])("recognises %j as the reviews header", (...header) => {
    expect(parse(["Title", "1948", ...header, '"Superb."']).reviews).toEqual([{ text: "Superb." }]);
  });

  test.each(["Starring Moira Shearer", "Directed by the Archers, it dazzles.", "Also"])(
    "keeps %j in the synopsis",
    (line) => {
      const film = parse(["Title", "1948", "A ballet film.", line]);
      expect({ synopsis: film.synopsis, cast: film.cast, directors: film.directors }).toEqual({
        synopsis: `A ballet film.\n${line}`,
        cast: [],
        directors: [],
      });
    },
  );

  test("reads a header line with a colon as the header, whatever follows it", () => {
    const film = parse(["Title", "1948", "A ballet film.", "Starring: is a word"]);
    expect({ synopsis: film.synopsis, cast: film.cast }).toEqual({ synopsis: "A ballet film.", cast: ["is a word"] });
  });

  test("collapses runs of spaces inside names split at commas", () => {
    const film = parse(["Title", "1948", "Starring: Moira   Shearer,  Anton  Walbrook", "Marius  Goring"]);
    expect(film.cast).toEqual(["Moira Shearer", "Anton Walbrook", "Marius Goring"]);
  });

  test("splits inline and one-a-line names at commas", () => {
    const film = parse(["Title", "1948", "Starring: Moira Shearer, Anton Walbrook", "Marius Goring, Léonide Massine"]);
    expect(film.cast).toEqual(["Moira Shearer", "Anton Walbrook", "Marius Goring", "Léonide Massine"]);
  });

  test("drops the empty names of runs of commas, and spans each name kept", () => {
    const text = "Title\n1948\nStarring: A,,B,,, C ,,\nD,,,,E";
    expect(parseListing(text, { referenceDate }).cast).toEqual(["A", "B", "C", "D", "E"]);
    const spans = inspectListing(text, { referenceDate })
      .spans.filter(({ path }) => path[0] === "cast")
      .map(({ path, start, end }) => [path.join("."), start.offset, text.slice(start.offset, end.offset)]);
    expect(spans).toEqual([
      ["cast.0", 21, "A"],
      ["cast.1", 24, "B"],
      ["cast.2", 29, "C"],
      ["cast.3", 34, "D"],
      ["cast.4", 39, "E"],
    ]);
  });

  test.each([
    ["Sammy Davis, Jr., Frank Sinatra", ["Sammy Davis, Jr.", "Frank Sinatra"]],
    ["Frank Sinatra, Sammy Davis, Jr.", ["Frank Sinatra", "Sammy Davis, Jr."]],
    ["John Smith, Sr.", ["John Smith, Sr."]],
    ["Thurston Howell, III, Lovey Howell", ["Thurston Howell, III", "Lovey Howell"]],
    ["Henry Ford, II", ["Henry Ford, II"]],
    ["Louis, IV", ["Louis, IV"]],
    ["A,  B ,C,", ["A", "B", "C"]],
    ["Juniper, Jrs", ["Juniper", "Jrs"]],
    ["Ann Lee, Srs", ["Ann Lee", "Srs"]],
    ["John Smith, Jr", ["John Smith, Jr"]],
    ["John Smith, Jr, Jane Doe", ["John Smith, Jr", "Jane Doe"]],
    ["John Smith, Sr", ["John Smith, Sr"]],
    ["Sammy Davis, Jr.  , Frank Sinatra", ["Sammy Davis, Jr.", "Frank Sinatra"]],
  ])("keeps a comma before a suffix inside one name: %j", (line, names) => {
    expect(parse(["Title", "1960", `Starring: ${line}`]).cast).toEqual(names);
  });

  test.each([
    [["Directed by: A", "Starring: B"], "E_SECTION_ORDER", 4],
    [["Also Available On: A", "Starring: B"], "E_SECTION_ORDER", 4],
    [["Starring: A", "Starring: B"], "E_DUPLICATE_SECTION", 4],
    [["Starring: A", "Also Available On: B", "Starring: C"], "E_DUPLICATE_SECTION", 5],
  ])("refuses sections %j", (lines, code, line) => {
    expect(failure(["Title", "1948", ...lines])).toMatchObject({ code, line, column: 1 });
  });

  test.each([
    [
      ["Directed by: A", "Starring: B"],
      "E_SECTION_ORDER",
      "Starring: must come before Directed by:",
      ["Also Available On:", "Community Reviews", "the end"],
    ],
    [
      ["Also Available On: A", "Directed by: B"],
      "E_SECTION_ORDER",
      "Directed by: must come before Also Available On:",
      ["Community Reviews", "the end"],
    ],
    [
      ["Starring: A", "Starring: B"],
      "E_DUPLICATE_SECTION",
      "Starring: appears a second time",
      ["Directed by:", "Also Available On:", "Community Reviews", "the end"],
    ],
    [
      ["Starring: A", "Directed by: C", "Directed by: B"],
      "E_DUPLICATE_SECTION",
      "Directed by: appears a second time",
      ["Also Available On:", "Community Reviews", "the end"],
    ],
  ])("names the offending header and what may stand there instead: %j", (lines, code, reason, expected) => {
    const error = failure(["Title", "1948", ...lines]);
    const line = lines.length + 2;
    expect({ code: error.code, line: error.line, column: error.column, reason: error.reason }).toEqual({
      code,
      line,
      column: 1,
      reason,
    });
    expect({ expected: error.expected, found: error.found }).toEqual({ expected, found: lines.at(-1) });
  });
});

describe("detail genres and badges (SPEC 1.4)", () => {
  test("takes the run that ends the cast section as genres and badges", () => {
    const film = parse([
      "Title",
      "Drama",
      "1948",
      "Starring: A",
      "B",
      "drama",
      "Film Noir",
      "ad",
      "dolby vision",
      "AD",
    ]);
    expect(film).toMatchObject({
      genres: ["Drama", "Film Noir"],
      badges: ["AD", "Dolby Vision"],
      cast: ["A", "B"],
    });
  });

  test("takes the run from the synopsis when there is no cast", () => {
    const film = parse(["Title", "1948", "A story.", "Music", "4K UHD", "Also Available On:", "Drama"]);
    expect(film).toMatchObject({ synopsis: "A story.", genres: ["Music"], badges: ["4K UHD"], availableOn: ["Drama"] });
  });

  test("stops the run at a section header", () => {
    const film = parse(["Title", "1948", "Drama", "Starring:", "Directed by:", "HD"]);
    expect(film).toMatchObject({ synopsis: "Drama", genres: [], cast: [], directors: [], badges: ["HD"] });
  });

  test("a synopsis of genre words only is all run", () => {
    expect(parse(["Title", "1948", "Drama", "Romance"])).toMatchObject({
      synopsis: null,
      genres: ["Drama", "Romance"],
    });
  });

  test("takes a run line whose runs of spaces collapse to a name, however long the line", () => {
    const film = parse([
      "Title",
      "1948",
      "A story.",
      `Science${" ".repeat(500)}Fiction`,
      `Dolby${" ".repeat(30)}Vision`,
    ]);
    expect(film).toMatchObject({ synopsis: "A story.", genres: ["Science Fiction"], badges: ["Dolby Vision"] });
  });

  test("takes a header genre longer than every name of the vocabularies into the run", () => {
    const genre = "Avant-Garde Chamber Opera Melodrama";
    const film = parse(["Title", genre, "1948", "A story.", genre.toUpperCase(), "Drama"]);
    expect(film).toMatchObject({ synopsis: "A story.", genres: [genre, "Drama"] });
  });

  test("ends a synopsis with blank lines inside it before the run, and spans it from its first line to its last", () => {
    const text = "Title\n1948\nLine  one.\n\n\nLine two.\n\nDrama\n\nHD";
    expect(parseListing(text, { referenceDate })).toMatchObject({
      synopsis: "Line one.\nLine two.",
      genres: ["Drama"],
      badges: ["HD"],
    });
    const spans = inspectListing(text, { referenceDate }).spans.map(({ path, start, end }) => [
      path.join("."),
      text.slice(start.offset, end.offset),
    ]);
    expect(spans).toEqual([
      ["title", "Title"],
      ["year", "1948"],
      ["synopsis", "Line  one.\n\n\nLine two."],
      ["genres.0", "Drama"],
      ["badges.0", "HD"],
    ]);
  });

  test("drops repeats, in any case, from a run of more than sixteen genres and badges", () => {
    const genres = [
      "Action",
      "Adventure",
      "Animation",
      "Anime",
      "Comedy",
      "Crime",
      "Documentary",
      "Drama",
      "Family",
      "Fantasy",
      "History",
      "Horror",
      "Music",
      "Musical",
      "Mystery",
      "Romance",
      "Thriller",
      "Western",
    ];
    const lines = ["Title", "1948", "A story.", ...genres, "WESTERN", "action", "Thriller", "HD", "hd"];
    expect(parse(lines)).toMatchObject({ synopsis: "A story.", genres, badges: ["HD"] });
    // Each name kept is read once, from its first line.
    const text = lines.join("\n");
    const spans = inspectListing(text, { referenceDate })
      .spans.filter(({ path }) => path[0] === "genres" || path[0] === "badges")
      .map(({ path, start, end }) => [path.join("."), text.slice(start.offset, end.offset)]);
    expect(spans).toEqual([...genres.map((genre, index) => [`genres.${index}`, genre]), ["badges.0", "HD"]]);
  });

  test("an empty name among the options matches no line", () => {
    expect(parse(["Title", "1948"], { genres: [""] })).toMatchObject({ synopsis: null, genres: [] });
    expect(parse(["Title", "1948", "A story.", "Drama"], { genres: [""], badges: [""] })).toMatchObject({
      synopsis: "A story.",
      genres: ["Drama"],
      badges: [],
    });
  });

  test("takes genres and badges the options add", () => {
    const film = parse(["Title", "1948", "A story.", "Ballet", "dolby digital"], {
      genres: ["Ballet"],
      badges: ["Dolby Digital"],
    });
    expect(film).toMatchObject({ synopsis: "A story.", genres: ["Ballet"], badges: ["Dolby Digital"] });
  });
});

describe("reviews (SPEC 1.5)", () => {
  const reviews = (...lines: string[]) => parse(["Title", "1948", "Community Reviews", ...lines]).reviews;

  test("reads several one-line and multi-line reviews", () => {
    expect(reviews('"One."', '"Two', "lines.", '"', "“Curly.”")).toEqual([
      { text: "One." },
      { text: "Two\nlines." },
      { text: "Curly." },
    ]);
  });

  test("keeps inner quotes, blank lines and runs of spaces, drops outer blank lines", () => {
    expect(reviews('"', "", '"Quoted," she said.  Twice.', "", "", "Starring: nobody", "", '"')).toEqual([
      { text: '"Quoted," she said.  Twice.\n\n\nStarring: nobody' },
    ]);
  });

  test("reads a run of many reviews, every one in order", () => {
    const texts = Array.from({ length: 50 }, (_, index) => `Review ${index + 1}.`);
    expect(reviews(...texts.map((text) => `"${text}"`))).toEqual(texts.map((text) => ({ text })));
  });

  test("trims after removing the quotes", () => {
    expect(reviews('" Great. "')).toEqual([{ text: "Great." }]);
  });

  test("a second reviews header inside the reviews is text", () => {
    expect(reviews('"A', "Community Reviews", 'B"')).toEqual([{ text: "A\nCommunity Reviews\nB" }]);
  });

  test("splits a review at a line ending with a quote before one starting with one (a known limit)", () => {
    expect(reviews('"He said', 'hi"', '"there."')).toEqual([{ text: "He said\nhi" }, { text: "there." }]);
  });

  test("takes only one See all after the reviews header: a second one is a line that does not open a review", () => {
    const error = failure(["Title", "1948", "Community Reviews See all", "See all", '"Good."']);
    expect({ code: error.code, line: error.line, column: error.column, offset: error.offset }).toEqual({
      code: "E_REVIEW_START",
      line: 4,
      column: 1,
      offset: 37,
    });
    expect(error.message).toBe('line 4, column 1: expected a review opening with a quote, found "See all"');
  });

  test("a header with no reviews gives none", () => {
    expect(reviews()).toEqual([]);
    expect(reviews("See all")).toEqual([]);
  });

  test.each([
    [["Read more"], "E_REVIEW_START", 4],
    [["See all", "See all"], "E_REVIEW_START", 5],
    [['"Open', "never closed"], "E_UNTERMINATED_REVIEW", 4],
    [['"Closed."', "Read more"], "E_UNTERMINATED_REVIEW", 4],
    [['"One."', '"Two.', "Read more"], "E_UNTERMINATED_REVIEW", 5],
    [['"'], "E_UNTERMINATED_REVIEW", 4],
    [['""'], "E_INVALID", 4],
    [['"One."', '"   "'], "E_INVALID", 5],
  ])("refuses reviews %j", (lines, code, line) => {
    const error = failure(["Title", "1948", "Community Reviews", ...lines]);
    expect(error).toMatchObject({ code, line, column: 1 });
  });
});

describe("noise (SPEC 1.1)", () => {
  const clean = [
    "The Red Shoes",
    "4.3",
    "(398)",
    "Drama",
    "1948",
    "133 min",
    "NR",
    "A ballet.",
    "Starring: Moira Shearer",
  ];

  test.each([
    ["CRLF line ends", clean.join("\r\n")],
    ["CR line ends", clean.join("\r")],
    ["mixed line ends", clean.map((line, index) => line + ["\n", "\r\n", "\r"][index % 3]).join("")],
    ["a BOM", `\uFEFF${clean.join("\n")}`],
    ["NBSP and other spaces", clean.map((line) => `\u00A0${line.replace(/ /g, "\u2009 ")}\u3000`).join("\n")],
    ["zero-width characters", clean.map((line) => `\u200B${line.replace(/ /, "\u200C \u200D")}\u2060`).join("\n")],
    ["tabs and trailing spaces", clean.map((line) => `\t${line}  \t`).join("\n")],
    ["extra blank lines", `\n\n${clean.join("\n\n \n")}\n\n`],
  ])("%s leave the record unchanged", (_, noisy) => {
    expect(parseListing(noisy, { referenceDate })).toEqual(parseListing(clean.join("\n"), { referenceDate }));
  });

  test("positions count the original text, BOM and CRLF included", () => {
    const error = failure(["\uFEFFTitle\r", "\u200B\t 7.5\r", "1948"]);
    expect(error).toMatchObject({ code: "E_INVALID", line: 2, column: 4, offset: 11 });
  });

  test("a zero-width non-joiner before an error's first character counts in its column", () => {
    const error = failure(["Title", "\u200C7.5", "1948"]);
    expect({ code: error.code, line: error.line, column: error.column, offset: error.offset }).toEqual({
      code: "E_INVALID",
      line: 2,
      column: 2,
      offset: 7,
    });
  });

  test("E_EMPTY is at line 1, column 1", () => {
    for (const text of ["", "\n\n", " \t\u00A0\r\n\u200B\uFEFF"]) {
      expect(safeParseListing(text).error).toMatchObject({ code: "E_EMPTY", line: 1, column: 1, offset: 0 });
    }
  });
});

describe("API", () => {
  test.each([null, undefined, 42, {}, ["Title"], Buffer.from("Title\n1948")])(
    "refuses %j as E_NOT_TEXT at 1:1, thrown by parseListing and returned by safeParseListing",
    (value) => {
      const kind = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
      const expected = {
        code: "E_NOT_TEXT",
        line: 1,
        column: 1,
        offset: 0,
        message: `line 1, column 1: expected the listing as a string, found ${kind}`,
        expected: ["a string"],
        found: kind,
      };
      expect(() => parseListing(value as unknown as string)).toThrow(
        expect.objectContaining({ name: "ListingError", ...expected }),
      );
      const result = safeParseListing(value);
      expect(result.success).toBe(false);
      expect(result.error).toBeInstanceOf(ListingError);
      expect(result.error).toMatchObject(expected);
      expect(result.error?.issues).toEqual([
        { severity: "error", end: { line: 1, column: 1, offset: 0 }, reason: expected.message.slice(18), ...expected },
      ]);
    },
  );

  const revoked = (target: object): unknown => {
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return proxy;
  };
  const throwing = () => {
    throw new Error("a trap");
  };
  test.each([
    ["a Proxy whose getPrototypeOf throws", new Proxy({}, { getPrototypeOf: throwing })],
    [
      "a Proxy of an array whose traps throw",
      new Proxy([], { getPrototypeOf: throwing, get: throwing, has: throwing }),
    ],
    ["a revoked Proxy", revoked({})],
    ["a revoked Proxy of an array", revoked([])],
    ["a revoked Proxy of a Date", revoked(new Date(0))],
  ])("refuses %s as E_NOT_TEXT, never throwing", (_, value) => {
    const result = safeParseListing(value);
    expect(result.success).toBe(false);
    expect(result.error).toMatchObject({ code: "E_NOT_TEXT", line: 1, column: 1, offset: 0, found: "object" });
    expect(() => parseListing(value as string)).toThrow(expect.objectContaining({ code: "E_NOT_TEXT" }));
    const inspection = inspectListing(value);
    expect(inspection.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ["E_NOT_TEXT", "line 1, column 1: expected the listing as a string, found object"],
    ]);
    expect(inspection.film.title).toBeNull();
  });

  test("absent values are null or empty, never undefined", () => {
    const film = parse(["Title", "1948"]);
    expect(film).toStrictEqual(filmWith({ title: "Title", year: 1948 }));
    expect(Object.values(film).filter((value) => value === undefined)).toEqual([]);
  });

  test("syntax errors carry expected and found; validation errors carry path and cause", () => {
    const syntax = failure(["Title", "Drama", "133 min"]);
    expect(syntax.expected).toEqual(["a year like 1948"]);
    expect(syntax.found).toBe("133 min");
    expect(syntax.message).toBe('line 3, column 1: expected a year like 1948, found "133 min"');
    const validation = failure(["Title", "9", "1948"]);
    expect(validation.path).toEqual(["rating"]);
    expect(validation.cause).toMatchObject({ code: "too_big" });
    const emptyReview = failure(["Title", "1948", "Community Reviews", '"A feast."', '"  "']);
    expect(emptyReview.path).toEqual(["reviews", 1, "text"]);
    expect(emptyReview.cause).toMatchObject({ code: "too_small", origin: "string", minimum: 1 });
    expect(validation).toBeInstanceOf(Error);
    expect(validation.name).toBe("ListingError");
  });
});
