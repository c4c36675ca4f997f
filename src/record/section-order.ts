/**
 * A refiner after the grammar: the list sections each at most once, in the
 * order of the layout. The grammar reads them in any order, so that a
 * section out of place is read as if in its place and the issue points at
 * its header.
 */

import type { ListSectionKind, ListSectionNode } from "../grammar/tree";
import { IssueRank, type RecordIssues } from "./issues";

/** Section order (see docs/layout.md); the reviews come last and run to the end. */
const SECTION_RANK: Readonly<Record<ListSectionKind, number>> = { cast: 0, directors: 1, availableOn: 2 };
const SECTION_TITLE: Readonly<Record<ListSectionKind, string>> = {
  cast: "Starring:",
  directors: "Directed by:",
  availableOn: "Also Available On:",
};
const SECTION_KINDS = /* @__PURE__ */ Object.keys(SECTION_RANK) as ListSectionKind[];

/** Notes each section repeated (E_DUPLICATE_SECTION) or out of order (E_SECTION_ORDER); a repeat wins over disorder. */
export function checkSectionOrder(sections: readonly ListSectionNode[], issues: RecordIssues): void {
  let seen = 0;
  let lastRank = -1;
  for (const section of sections) {
    const rank = SECTION_RANK[section.kind];
    const repeated = (seen & (1 << rank)) !== 0;
    // Stryker disable next-line EqualityOperator: an equal rank is a repeat
    if (repeated || rank < lastRank) {
      const after = SECTION_KINDS.find((kind) => SECTION_RANK[kind] === lastRank) as ListSectionKind;
      // The sections ranked after the last one; none of them has been seen.
      const allowed = SECTION_KINDS.filter((kind) => SECTION_RANK[kind] > lastRank);
      issues.push({
        code: repeated ? "E_DUPLICATE_SECTION" : "E_SECTION_ORDER",
        rank: IssueRank.sectionOrder,
        at: section.header.at,
        end: section.header.at + section.header.text.length,
        reason: repeated
          ? `${SECTION_TITLE[section.kind]} appears a second time`
          : `${SECTION_TITLE[section.kind]} must come before ${SECTION_TITLE[after]}`,
        expected: [...allowed.map((kind) => SECTION_TITLE[kind]), "Community Reviews", "the end"],
        found: section.header.text,
      });
    }
    seen |= 1 << rank;
    lastRank = Math.max(lastRank, rank);
  }
}
