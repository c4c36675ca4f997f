/**
 * The vocabularies of the layout: the names that make a line a detail genre,
 * a badge or a certification. Exported read-only so that users can see them;
 * {@link ParseOptions} adds names to them for one call.
 */

/**
 * Genre names recognised in the trailing run after the synopsis and cast.
 *
 * @example
 * ```ts
 * GENRES.includes("Film Noir"); // true
 * ```
 *
 * @group Vocabularies
 */
export const GENRES = /* @__PURE__ */ Object.freeze([
  "Action",
  "Adventure",
  "Action & Adventure",
  "Animation",
  "Anime",
  "Biography",
  "Classics",
  "Comedy",
  "Crime",
  "Documentary",
  "Drama",
  "Family",
  "Fantasy",
  "Faith & Spirituality",
  "Film Noir",
  "Foreign",
  "History",
  "Holiday",
  "Horror",
  "Independent",
  "International",
  "Kids",
  "Kids & Family",
  "LGBTQ+",
  "Martial Arts",
  "Music",
  "Musical",
  "Mystery",
  "Romance",
  "Romantic Comedy",
  "Science Fiction",
  "Sci-Fi",
  "Sci-Fi & Fantasy",
  "Short",
  "Special Interest",
  "Sports",
  "Stand-Up Comedy",
  "Suspense",
  "Teen",
  "Thriller",
  "TV Movie",
  "War",
  "Western",
] as const);

/**
 * Badge names; a badge is stored in the spelling given here, whatever the
 * case it was scraped in.
 *
 * @example
 * ```ts
 * BADGES.includes("Dolby Vision"); // true
 * ```
 *
 * @group Vocabularies
 */
export const BADGES = /* @__PURE__ */ Object.freeze([
  "AD",
  "CC",
  "SDH",
  "SD",
  "HD",
  "HDX",
  "UHD",
  "4K",
  "4K UHD",
  "HDR",
  "HDR10",
  "HDR10+",
  "Dolby Vision",
  "Dolby Atmos",
  "DTS:X",
  "5.1",
  "7.1",
  "Stereo",
  "IMAX",
  "Extras",
] as const);

/**
 * Certifications recognised by name (case-insensitive, kept as written).
 * Other certifications are recognised by their shape (`12A`, `MA15+`).
 *
 * @example
 * ```ts
 * CERTIFICATIONS.includes("TV-MA"); // true
 * ```
 *
 * @group Vocabularies
 */
export const CERTIFICATIONS = /* @__PURE__ */ Object.freeze([
  "G",
  "PG",
  "PG-13",
  "R",
  "NC-17",
  "NR",
  "Not Rated",
  "Unrated",
  "UR",
  "X",
  "GP",
  "M",
  "Approved",
  "Passed",
  "TV-Y",
  "TV-Y7",
  "TV-Y7-FV",
  "TV-G",
  "TV-PG",
  "TV-14",
  "TV-MA",
] as const);

/**
 * Names to add to the vocabularies for one call.
 *
 * @example
 * ```ts
 * const film = parseListing("Giselle\n1969\nA ballet.\nBallet", { genres: ["Ballet"] });
 * film.genres; // ["Ballet"]
 * film.synopsis; // "A ballet."
 * ```
 *
 * @group Vocabularies
 */
export interface VocabularyOptions {
  /** More genre names for the trailing run of detail genres and badges. */
  readonly genres?: readonly string[] | undefined;
  /** More badge names, stored in the spelling given. */
  readonly badges?: readonly string[] | undefined;
  /** More certifications recognised by name. */
  readonly certifications?: readonly string[] | undefined;
}

/** The vocabularies as lookup tables keyed by lower-case spelling. */
export interface Vocabulary {
  /** Lower-case genre names. */
  readonly genres: ReadonlySet<string>;
  /** Lower-case badge name → the badge's own spelling. */
  readonly badges: ReadonlyMap<string, string>;
  /** Lower-case certification names. */
  readonly certifications: ReadonlySet<string>;
  /** The length of the longest lower-case genre or badge name. */
  readonly longestName: number;
}

/* @__NO_SIDE_EFFECTS__ */
function buildVocabulary(
  genres: readonly string[],
  badges: readonly string[],
  certifications: readonly string[],
): Vocabulary {
  const genreNames = new Set(genres.map((name) => name.toLowerCase()));
  const badgeNames = new Map(badges.map((name) => [name.toLowerCase(), name]));
  let longestName = 0;
  for (const name of [...genreNames, ...badgeNames.keys()]) longestName = Math.max(longestName, name.length);
  return {
    genres: genreNames,
    badges: badgeNames,
    certifications: new Set(certifications.map((name) => name.toLowerCase())),
    longestName,
  };
}

/** The vocabularies as lookup tables. */
export const DEFAULT_VOCABULARY: Vocabulary = buildVocabulary(GENRES, BADGES, CERTIFICATIONS);

/**
 * The lookup tables for one call: the defaults, or the defaults plus the
 * names the options add.
 */
export function vocabularyFor(options: VocabularyOptions): Vocabulary {
  const { genres, badges, certifications } = options;
  if (!genres?.length && !badges?.length && !certifications?.length) return DEFAULT_VOCABULARY;
  return buildVocabulary(
    [...GENRES, ...(genres ?? [])],
    [...BADGES, ...(badges ?? [])],
    [...CERTIFICATIONS, ...(certifications ?? [])],
  );
}
