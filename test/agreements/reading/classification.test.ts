// Whether a document is an agreement: the genre named on its first page (not only in the line read
// as its title), and numbered paragraphs are how terms are written too, not only how minutes are.
import { describe, expect, it } from "vitest";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const body = [
  "Barn och unga – myndighetsutövning och öppenvård",
  "",
  "§ 1 Parter",
  "Beställare är Individnämnden. Utförare är Division Omsorg.",
  "",
  "§ 2 Giltighetstid",
  "Överenskommelsen gäller under kalenderåret 2026.",
  "",
  "§ 3 Grunduppdrag",
  "Divisionen ska bedriva öppenvård för barn och unga. Målet är att fler barn får stöd tidigt.",
  "",
  "§ 4 Uppföljning",
  "Uppföljningen redovisas skriftligt till nämndens sammanträde den 18 mars 2026.",
].join("\n");

describe("which documents are agreements", () => {
  it.each([
    [
      "a genre line above the title",
      `ÖVERENSKOMMELSE 2026 mellan Individnämnden och Division Omsorg\n\n${body}`,
      "agreement",
    ],
    [
      "a genre line under the title",
      body.replace("\n\n§ 1", "\nÖverenskommelse mellan Individnämnden och Division Omsorg\n\n§ 1"),
      "agreement",
    ],
    ["no genre anywhere on the first page", body, "document"],
    // Municipalities name the genre their own way: any "-avtal" or "-kontrakt" names it.
    [
      "a genre of the municipality's own",
      `RESULTATAVTAL 2026\n\nmellan\n\nIndividnämnden\n\noch\n\nDivision Omsorg\n\n${body}`,
      "agreement",
    ],
    ["an internal contract", `Internkontrakt 2026 för Individnämnden och Division Omsorg\n\n${body}`, "agreement"],
    // A genre the reader has no word for, but a committee and its office named as the two parties.
    [
      "a committee and its office named as the parties",
      `Verksamhetsdirektiv 2026 mellan Individnämnden och Individförvaltningen\n\n${body}`,
      "agreement",
    ],
    [
      "minutes that name an agreement in passing",
      "Protokoll\nJusterare: Anna Berg\nNärvarande: …\n\n§ 23 Överenskommelse med Division Omsorg\nNämnden godkänner förslaget till överenskommelse.",
      "document",
    ],
  ])("%s → %s", (_, text, kind) => {
    expect(readAgreement({ text, positionedLines: null }).classification.kind).toBe(kind);
  });
});
