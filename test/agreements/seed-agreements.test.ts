// The parser against the real seed documents, compared with hand-written expectations.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readWithDictionary } from "../support/reader.ts";

const parseAgreementText = (text: string) => readWithDictionary(text);
import type { ReportingItemModel } from "../../src/agreements/agreement-model.ts";
import { seed001Items, seed002Items, type ExpectedItem } from "./seed-expectations.ts";
import { seedsFolder } from "../support/seeds.ts";

const seeds = seedsFolder;
const read = (name: string) => readFileSync(join(seeds, name), "utf8");

function score(found: ReportingItemModel[], expected: ExpectedItem[]) {
  const dated = found.filter((item) => item.date);
  const unmatched = [...dated];
  const missing: ExpectedItem[] = [];
  const wrong: string[] = [];
  for (const want of expected) {
    const index = unmatched.findIndex(
      (item) => item.section === want.section && item.date === want.date && item.form === want.form,
    );
    if (index < 0) {
      missing.push(want);
      continue;
    }
    const [item] = unmatched.splice(index, 1);
    if (item!.meetingDate !== want.meetingDate)
      wrong.push(`${want.section} ${want.date}: meeting ${item!.meetingDate} ≠ ${want.meetingDate}`);
    if (item!.submissionDate !== want.submissionDate)
      wrong.push(`${want.section} ${want.date}: submission ${item!.submissionDate} ≠ ${want.submissionDate}`);
    if (want.period && item!.period !== want.period)
      wrong.push(`${want.section} ${want.date}: period ${item!.period} ≠ ${want.period}`);
  }
  const recall = (expected.length - missing.length) / expected.length;
  const precision = dated.length === 0 ? 0 : (dated.length - unmatched.length) / dated.length;
  return {
    recall,
    precision,
    missing,
    extra: unmatched.map((i) => `${i.section} ${i.date} ${i.form} ${i.title}`),
    wrong,
  };
}

describe("the 2025 agreement KAN ↔ DSO (clean text, tab tables)", () => {
  const parsed = parseAgreementText(read("001_67a0e3e82ef46e51.txt"));

  it("reads the agreement's identity from its header table", () => {
    expect(parsed.classification.kind).toBe("agreement");
    expect(parsed.facts).toMatchObject({
      committee: { name: "Kompetens- och arbetsmarknadsnämnden", code: "KAN" },
      division: { name: "Division Social omsorg", code: "DSO" },
      year: 2025,
      diarienummer: "KAN24/22",
      decisionDate: "2024-12-18",
    });
    expect(parsed.facts.title).toMatch(/^Överenskommelse 2025 mellan/);
  });

  it("finds every dated reporting item in the follow-up tables and nothing else (recall and precision 1.0)", () => {
    const result = score(parsed.reportingItems, seed001Items);
    console.info(`001: recall ${result.recall.toFixed(2)}, precision ${result.precision.toFixed(2)}`);
    expect(result.missing).toEqual([]);
    expect(result.extra).toEqual([]);
    expect(result.wrong).toEqual([]);
  });

  it("does not take the decision date, the KS meeting of 2021 or a project period for deadlines", () => {
    const dates = parsed.reportingItems.map((i) => i.date);
    for (const notADeadline of ["2024-12-18", "2021-12-20", "2023-10-01", "2028-09-30"])
      expect(dates).not.toContain(notADeadline);
  });

  it("reads the sections with their numbers for citations", () => {
    const numbers = parsed.sections.map((s) => s.number).filter(Boolean);
    expect(numbers).toEqual([
      "1",
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "1.6",
      "1.7",
      "1.8",
      "1.9",
      "1.10",
      "1.11",
      "2",
      "3",
      "3.1",
      "3.2",
      "3.3",
      "3.4",
      "3.5",
      "3.6",
      "4",
      "4.1",
    ]);
    expect(parsed.sections.find((s) => s.number === "3.1")!.text).toContain("Arbetslösa personer i ålder 18-64 år");
  });

  it("reads the assignments and goals with their kinds", () => {
    const kinds = parsed.assignments.map((a) => a.kind);
    expect(kinds.filter((k) => k === "grunduppdrag")).toHaveLength(2);
    expect(kinds.filter((k) => k === "mal_kf")).toHaveLength(1);
    expect(kinds.filter((k) => k === "mal_namnd")).toHaveLength(1);
    expect(kinds.filter((k) => k === "sarskilt_uppdrag_namnd")).toHaveLength(5);
    const sikta = parsed.assignments.find((a) => a.title.includes("Sikta mot arbetslivet"))!;
    expect(sikta).toMatchObject({ startDate: "2023-10-01", endDate: "2028-09-30" });
    const items = parsed.reportingItems.filter((i) => i.assignmentKey === sikta.key && i.date);
    expect(items.map((i) => [i.date, i.form])).toEqual([
      ["2025-03-26", "oral"],
      ["2025-11-05", "written"],
    ]);
  });

  it("lists follow-up in VP/Hypergene at delår and helår for goals and special assignments, without inventing dates", () => {
    const periodic = parsed.reportingItems.filter((i) => !i.date);
    expect(periodic.every((i) => i.occasion !== null && i.submissionDate === null && i.meetingDate === null)).toBe(
      true,
    );
    const byAssignment = new Map<string, string[]>();
    for (const item of periodic)
      byAssignment.set(item.assignmentKey!, [...(byAssignment.get(item.assignmentKey!) ?? []), item.occasion!]);
    // Both core assignments, both goals and all five special assignments at delår and helår …
    expect(byAssignment.size).toBe(9);
    for (const occasions of byAssignment.values())
      expect(occasions).toEqual(expect.arrayContaining(["delar", "helar"]));
    // … and the new social services law also at vår ("Vår, delår och helår i VP").
    const law = parsed.assignments.find((a) => a.title.includes("socialtjänstlag"))!;
    expect(byAssignment.get(law.key)!.sort()).toEqual(["delar", "helar", "var"]);
  });

  it("reads indicators with their source and the economy table in tkr", () => {
    const kolada = parsed.indicators.filter((i) => i.source === "Kolada");
    expect(kolada).toHaveLength(4);
    expect(parsed.indicators.filter((i) => i.source === "Egen statistik")).toHaveLength(14);
    // "Verksamheterna ska därför redovisa könsuppdelad statistik"
    expect(parsed.indicators.every((i) => i.splitBySex)).toBe(true);
    // The Kolada indicators are shares of the population ("andel av befolkningen"), the own statistics counts.
    expect(kolada.map((i) => i.unit)).toEqual(["share", "share", "share", "share"]);
    expect(parsed.indicators.filter((i) => i.source === "Egen statistik").every((i) => i.unit === "count")).toBe(true);
    expect(parsed.economyLines.map((e) => [e.activity, e.amountTkr, e.isTotal])).toEqual([
      ["Arbetsmarknadsverksamhet", 16735, false],
      ["Arbetsinriktad rehabilitering och samordning av OSA", 1450, false],
      ["Sikta mot arbetslivet", 815, false],
      ["Integrationsvägledning och -samordning", 3250, false],
      ["Summa", 22250, true],
    ]);
  });
});

describe("the 2026 agreement SN ↔ DSO (OCR-damaged, UPPFÖLJNING blocks)", () => {
  const parsed = parseAgreementText(read("002_728f56d805e94fe3.txt"));

  it("reads the agreement's identity despite OCR damage", () => {
    expect(parsed.classification.kind).toBe("agreement");
    expect(parsed.facts).toMatchObject({
      committee: { name: "Socialnämnden", code: "SN" },
      division: { code: "DSO" },
      year: 2026,
    });
  });

  it("finds every Slutdatum with the meeting named in its description (recall and precision 1.0)", () => {
    const result = score(parsed.reportingItems, seed002Items);
    console.info(`002: recall ${result.recall.toFixed(2)}, precision ${result.precision.toFixed(2)}`);
    expect(result.missing).toEqual([]);
    expect(result.extra).toEqual([]);
    expect(result.wrong).toEqual([]);
  });

  it("keeps assignment start and end dates out of the deadlines", () => {
    const aktivitetskrav = parsed.assignments.find((a) => a.number === "4.1.4")!;
    expect(aktivitetskrav).toMatchObject({
      kind: "sarskilt_uppdrag_kf",
      startDate: "2026-01-01",
      endDate: "2028-12-31",
      committees: ["KAN", "SN"],
    });
    expect(parsed.reportingItems.map((i) => i.date)).not.toContain("2028-12-31");
  });

  it("reads the numbered goals and assignments with the kind from the marker above them", () => {
    const byNumber = Object.fromEntries(parsed.assignments.map((a) => [a.number, a.kind]));
    expect(byNumber).toMatchObject({
      "4.1.3": "mal_kf",
      "4.1.4": "sarskilt_uppdrag_kf",
      "4.5.1": "mal_namnd",
      "4.5.2": "grunduppdrag",
      "5.1.3": "sarskilt_uppdrag_kf",
      "5.5.4": "sarskilt_uppdrag_namnd",
      "5.5.10": "sarskilt_uppdrag_namnd",
      "5.5.11": "grunduppdrag",
      "5.5.14": "grunduppdrag",
    });
    expect(parsed.assignments).toHaveLength(20);
  });

  it("applies 'mål … redovisas vår, delår samt helår' to goals and 'särskilda uppdrag … på samma sätt' to special assignments", () => {
    const periodic = parsed.reportingItems.filter((i) => i.occasion !== null);
    const kinds = new Set(periodic.map((i) => parsed.assignments.find((a) => a.key === i.assignmentKey)!.kind));
    expect([...kinds].sort()).toEqual(["mal_kf", "mal_namnd", "sarskilt_uppdrag_kf", "sarskilt_uppdrag_namnd"]);
    expect(periodic).toHaveLength(15 * 3);
  });

  it("reads indicators from the scanned INDIKATOR tables", () => {
    const names = parsed.indicators.filter((i) => i.section === "4.1.3").map((i) => i.name);
    expect(names).toHaveLength(4);
    // Read as Swedish: OCR's "Langtidsarbetsloshet 25-64 ar" repaired.
    expect(names[3]).toMatch(/^Långtidsarbetslöshet 25-64 år/);
  });
});

describe("documents that are not agreements", () => {
  for (const name of ["003_02981208924aacaa.txt", "004_7be657bef05ac405.txt"]) {
    it(`${name} is stored as a searchable document with sections and no invented deadlines`, () => {
      const parsed = parseAgreementText(read(name));
      expect(parsed.classification.kind).toBe("document");
      expect(parsed.reportingItems).toEqual([]);
      expect(parsed.assignments).toEqual([]);
      expect(parsed.sections.length).toBeGreaterThan(10);
    });
  }
});
