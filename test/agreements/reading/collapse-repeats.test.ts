// The reader's last stage: a report told twice (an assignment's sentence and a timetable's line,
// or a line read again under its month heading) is one item; two reports of one meeting stay two.
import { describe, expect, it } from "vitest";
import type { ReportingItemModel } from "../../../src/agreements/agreement-model.ts";
import {
  collapseRepeats,
  namesNoReport,
  sameSubject,
  subjectWithin,
} from "../../../src/agreements/reading/items/collapse-repeats.ts";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readFacts } from "../../../src/agreements/reading/items/read-facts.ts";
import { readReportingItems } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

describe("what a title names", () => {
  it.each([
    ["Februari", true],
    ["Vecka 7", true],
    ["Återrapportering och handlingar", true],
    ["Torsdag 26 november", true],
    ["Former för rapportering", true],
    // A periodic report's name names a report.
    ["Delårsrapporten per 31 augusti", false],
    ["Tertialrapport 1", false],
    ["Sjukfrånvaron", false],
  ])("%s names no report: %s", (title, expected) => {
    expect(namesNoReport(title)).toBe(expected);
  });

  it.each([
    ["Lägesrapport om de särskilda boendena", "Lägesrapport särskilt boende", true],
    ["Sjukfrånvaron", "Sjukfrånvaro helår 2025 – muntlig rapport", true],
    ["Digital nattillsyn", "Digital nattillsyn, lägesrapport", true],
    // Reporting words alone make no shared subject.
    ["Programutbudsanalys, lägesrapport", "Lärlingsspår, lägesrapport", false],
    // One word of several is not enough.
    ["Redovisning av grunduppdraget och utfall för indikatorerna", "Rapport om det ekonomiska utfallet", false],
  ])("%s / %s: the same subject %s", (a, b, expected) => {
    expect(sameSubject(a, b)).toBe(expected);
  });

  it("finds a title in another item's sentence", () => {
    const sentence =
      "Förvaltningens förslag till internkontrollplan för 2027 lämnas skriftligt till nämndens sista sammanträde.";
    expect(subjectWithin("Internkontrollplan 2027", sentence)).toBe(true);
    expect(subjectWithin("Anhörigstöd", sentence)).toBe(false);
  });
});

function item(fields: Partial<ReportingItemModel>): ReportingItemModel {
  return {
    key: fields.title ?? "x",
    ordinal: 0,
    assignmentKey: null,
    title: "",
    description: "",
    evidence: "",
    date: "2026-03-25",
    precision: "day",
    meetingDate: fields.date ?? "2026-03-25",
    submissionDate: null,
    submissionRule: null,
    form: null,
    recipient: null,
    period: null,
    periodCode: null,
    occasion: null,
    recurrence: null,
    channel: null,
    section: "10",
    ...fields,
  };
}

const titles = (items: ReportingItemModel[]) => items.map((i) => `${i.date} ${i.form ?? "-"} ${i.title}`);

describe("one item per report", () => {
  it("folds an assignment's sentence and a timetable's line into one, with both's fields", () => {
    const prose = item({ title: "Sjukfrånvaron", section: "7.2", assignmentKey: "mal-7.2", form: "oral" });
    const line = item({ title: "Sjukfrånvaro helår 2025 – muntlig rapport", period: "helår 2025" });
    const [one, ...rest] = collapseRepeats([prose, line]);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ title: "Sjukfrånvaro helår 2025 – muntlig rapport", assignmentKey: "mal-7.2" });
    expect(one?.period).toBe("helår 2025");
  });

  it("folds a line read again under its month heading", () => {
    const line = "Vecka 13 (25/3): Patientsäkerhetsberättelse 2025 – skriftlig.";
    const items = [
      item({ title: "Patientsäkerhetsberättelse 2025", description: line, form: "written" }),
      item({ title: "Mars", description: line, form: "written" }),
    ];
    expect(titles(collapseRepeats(items))).toEqual(["2026-03-25 written Patientsäkerhetsberättelse 2025"]);
  });

  it("keeps two reports of one meeting, of one line or of two assignments", () => {
    const line = "Tertialrapport 1 lämnas skriftligt; samma dag lämnas en sammanställning av anmälningar.";
    const oneLine = [
      item({ title: "Tertialrapport 1", description: line, form: "written" }),
      item({ title: "Sammanställning av anmälningar", description: line, form: "written" }),
    ];
    expect(collapseRepeats(oneLine)).toHaveLength(2);
    const twoAssignments = [
      item({ title: "Lägesrapport", assignmentKey: "u1", section: "5.1" }),
      item({ title: "Lägesrapport", assignmentKey: "u2", section: "5.2" }),
    ];
    expect(collapseRepeats(twoAssignments)).toHaveLength(2);
  });

  it("keeps the reports of two periods apart", () => {
    const items = [
      item({ title: "Skriftlig rapport om hemtjänstens nyckeltal för tertial 1", section: "5.1", form: "written" }),
      item({ title: "Hemtjänstens nyckeltal tertial 2", form: "written" }),
    ];
    expect(collapseRepeats(items)).toHaveLength(2);
  });

  it("keeps an oral and a written report of one subject apart", () => {
    const items = [
      item({ title: "Digital nattillsyn", section: "6.1", form: "oral" }),
      item({ title: "Digital nattillsyn, rapport", form: "written" }),
    ];
    expect(collapseRepeats(items)).toHaveLength(2);
  });

  it("folds a calendar's date cell into the day's report, taking its last day for papers", () => {
    const items = [
      item({ title: "Tertialrapport 1", section: "7.2", form: "written" }),
      item({ title: "2026-03-17", section: "8", submissionDate: "2026-03-17", submissionRule: "stated" }),
    ];
    const [one, ...rest] = collapseRepeats(items);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ title: "Tertialrapport 1", submissionDate: "2026-03-17" });
  });

  it("gives a last day for papers to the next meeting's written reports, and drops it", () => {
    const items = [
      item({ title: "underlag till marssammanträdet", date: "2026-03-11", meetingDate: "2026-03-11" }),
      item({ title: "Patientsäkerhetsberättelse 2025", form: "written" }),
      item({ title: "Lägesrapport särskilt boende", form: "oral" }),
    ];
    const collapsed = collapseRepeats(items);
    expect(titles(collapsed)).toEqual([
      "2026-03-25 written Patientsäkerhetsberättelse 2025",
      "2026-03-25 oral Lägesrapport särskilt boende",
    ]);
    expect(collapsed[0]?.submissionDate).toBe("2026-03-11");
    expect(collapsed[1]?.submissionDate).toBeNull();
  });

  it("folds a monthly series told twice into one, and keeps another series", () => {
    const month = (title: string, date: string) =>
      item({ title, date, meetingDate: null, recurrence: "monthly", precision: "month" });
    const items = [
      month("Beläggningsgrad", "2026-03"),
      month("Beläggning på särskilt boende och korttid", "2026-03"),
      month("Ekonomisk prognos", "2026-03"),
    ];
    expect(collapseRepeats(items).map((i) => i.title)).toEqual([
      "Beläggning på särskilt boende och korttid",
      "Ekonomisk prognos",
    ]);
  });

  it("drops a month that repeats a day of that month, not one of another subject", () => {
    const items = [
      item({ title: "Uppföljning av vintersäsongen 2025/2026", form: "oral", date: "2026-03-19" }),
      item({ title: "Hur vintersäsongen 2025/2026 har fungerat", date: "2026-03", precision: "month", section: "3.1" }),
      item({ title: "Sammanställning av klagomål", date: "2026-03", precision: "month", section: "9" }),
    ];
    expect(titles(collapseRepeats(items))).toEqual([
      "2026-03-19 oral Uppföljning av vintersäsongen 2025/2026",
      "2026-03 - Sammanställning av klagomål",
    ]);
  });
});

describe("a month timetable that repeats the assignments' own sentences", () => {
  // Written for this test: an intranet page whose timetable lists, month by month, the reports the
  // sections before it give, and the weeks the papers are due.
  const page = [
    "Överenskommelse om verksamhet 2026 – Vård- och omsorgsnämnden och Vård- och omsorgsförvaltningen",
    "§ 2 Sammanträden",
    "Nämnden sammanträder på onsdagar. Sammanträdesdagar 2026: 28 januari, 25 februari, 25 mars, 22 april, 27 maj, 17 juni, 26 augusti, 23 september, 21 oktober, 25 november och 16 december.",
    "§ 5 Särskilt boende",
    "En lägesrapport om de särskilda boendena lämnas muntligt till nämnden den 25 mars 2026.",
    "§ 9 Kvalitet",
    "Förvaltningens förslag till internkontrollplan för 2027 lämnas skriftligt till nämndens sammanträde den 16 december 2026.",
    "§ 10 Årshjul 2026",
    "Skriftligt underlag ska vara nämndsekreteraren tillhanda 14 dagar före sammanträdet.",
    "Mars",
    "- Vecka 11 (11/3): underlag till marssammanträdet.\n- Vecka 13 (25/3): Lägesrapport särskilt boende – muntlig.\n- Vecka 13 (25/3): Patientsäkerhetsberättelse 2025 – skriftlig.",
    "December",
    "- Vecka 49 (2/12): underlag till decembersammanträdet.\n- Vecka 51 (16/12): Internkontrollplan 2027 – skriftlig.",
  ].join("\n\n");
  it("reads each report once", () => {
    const lines = normaliseLines(page, { dictionary: null }).lines;
    const structure = buildBlocks(lines, null);
    const { facts } = readFacts(structure, lines.map((l) => l.text).join("\n"), []);
    const dated = readReportingItems(structure, facts, readAssignments(structure)).filter((i) => i.date);
    expect(dated.map((i) => `${i.date} ${i.form ?? "-"}`)).toEqual([
      "2026-03-25 oral",
      "2026-03-25 written",
      "2026-12-16 written",
    ]);
    expect(dated.map((i) => i.title).join(" | ")).toMatch(/Internkontrollplan 2027/);
  });
});
