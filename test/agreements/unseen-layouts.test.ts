// Agreements in layouts the parser was not written against, through the real extractors.
import { describe, expect, it } from "vitest";
import { FileTextExtractor } from "../../src/adapters/extraction/file-text-extractor.ts";
import { readWithDictionary } from "../support/reader.ts";

const parseAgreementText = (text: string) => readWithDictionary(text);
import {
  careAgreementDocx,
  careAgreementExpected,
  cultureAgreementExpected,
  cultureAgreementPdf,
  labourAgreementExpected,
  labourAgreementText,
  type FixtureExpectation,
} from "../fixtures/agreement-fixtures.ts";

const extractor = new FileTextExtractor({ maxBytes: 20 * 1024 * 1024 });

function dated(text: string) {
  const parsed = parseAgreementText(text);
  const items = parsed.reportingItems
    .filter((i) => i.date)
    .map((i) => ({ date: i.date!, meetingDate: i.meetingDate, submissionDate: i.submissionDate, form: i.form }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { parsed, items };
}

function sorted(expected: FixtureExpectation[]) {
  return [...expected].sort((a, b) => a.date.localeCompare(b.date));
}

describe("an agreement as a Word file with real tables", () => {
  it("reads the table rows, Swedish word dates and the two-week rule from the general part", async () => {
    const extracted = await extractor.extract({ name: "von-2027.docx", bytes: await careAgreementDocx() });
    expect(extracted.mediaType).toContain("wordprocessingml");
    expect(extracted.text).toMatch(/Uppdrag\tSammanträde\tRedovisningsform\tAvser/);
    const { parsed, items } = dated(extracted.text);
    expect(parsed.classification.kind).toBe("agreement");
    expect(parsed.facts).toMatchObject({ year: 2027, committee: { code: "VON" }, division: { code: "DVO" } });
    expect(items).toEqual(sorted(careAgreementExpected));
    const period = parsed.reportingItems.find((i) => i.date === "2027-03-15")!.period;
    expect(period).toBe("tertial 3 2026");
  });

  it("reads goals, indicators with sources, follow-up at delår/helår and the economy table", async () => {
    const extracted = await extractor.extract({ name: "von-2027.docx", bytes: await careAgreementDocx() });
    const { parsed } = dated(extracted.text);
    const goal = parsed.assignments.find((a) => a.kind === "mal_namnd")!;
    expect(goal.title).toMatch(/känna sig trygga/);
    expect(parsed.indicators.map((i) => [i.name, i.source, i.splitBySex])).toEqual([
      ["Andel äldre i hemtjänst som känner sig trygga", "Kolada", true],
      ["Antal larmutryckningar per månad", "Egen statistik", true],
    ]);
    const periodic = parsed.reportingItems
      .filter((i) => i.assignmentKey === goal.key && !i.date)
      .map((i) => i.occasion);
    expect(periodic).toEqual(["delar", "helar"]);
    expect(parsed.economyLines.map((e) => e.amountTkr)).toEqual([412300, 2150, 414450]);
  });
});

describe("an agreement as a PDF with positioned columns", () => {
  it("rebuilds the table from text positions and reads a 'senast' deadline and a rule in days", async () => {
    const extracted = await extractor.extract({ name: "kfn-2027.pdf", bytes: await cultureAgreementPdf() });
    expect(extracted.pageCount).toBe(1);
    const { parsed, items } = dated(extracted.text);
    expect(parsed.facts.year).toBe(2027);
    expect(items).toEqual(sorted(cultureAgreementExpected));
    // The inauguration and the decision date are dates, not deadlines.
    expect(items.map((i) => i.date)).not.toContain("2027-02-01");
  });
});

describe("an agreement as plain text with bullet lists", () => {
  it("reads each bullet under a lead-in that names the meetings", () => {
    const { parsed, items } = dated(labourAgreementText);
    expect(parsed.facts).toMatchObject({ year: 2027, committee: { name: "Arbetsmarknadsnämnden", code: "AMN" } });
    expect(items).toEqual(sorted(labourAgreementExpected));
    const core = parsed.assignments.find((a) => a.kind === "grunduppdrag")!;
    expect(
      parsed.reportingItems.filter((i) => i.assignmentKey === core.key && i.occasion).map((i) => i.occasion),
    ).toEqual(["delar", "helar"]);
  });
});
