// An agreement written as questions and answers, whose reporting plan is prose: "Tertialrapporten
// lämnas skriftligt till sammanträdet i maj", with the meeting days listed at the end. Each
// sentence names its report; months are resolved to meetings; sentences that say nothing is
// reported, or that something goes to someone else, give no item.
import { describe, expect, it } from "vitest";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { findTimeMentions } from "../../../src/agreements/reading/time-mentions.ts";

const meetings = [
  "NÄMNDENS SAMMANTRÄDEN 2027",
  "",
  "Vårdnämnden sammanträder på tisdagar. Sammanträdena 2027 hålls på följande dagar:",
  "",
  "tisdag 26 januari",
  "tisdag 23 februari",
  "tisdag 23 mars",
  "tisdag 20 april",
  "tisdag 25 maj",
  "tisdag 15 juni",
  "tisdag 31 augusti",
  "tisdag 28 september",
  "tisdag 26 oktober",
  "tisdag 23 november",
  "tisdag 14 december",
].join("\n");

const agreement = (...parts: string[]) =>
  [
    "Beställning 2027 – Vårdnämndens uppdrag till Omsorgsförvaltningen",
    "",
    "Beställningen gäller från den 1 januari till den 31 december 2027. Beställare är Vårdnämnden (VN). Utförare är Omsorgsförvaltningen (OF).",
    "",
    ...parts,
    "",
    meetings,
  ].join("\n");

const read = (text: string) => readAgreement({ text }, { treatAs: "agreement" });
const items = (text: string) =>
  read(text)
    .reportingItems.filter((item) => item.date)
    .map((item) => `${item.date} ${item.title}`);

describe("a reporting plan in prose under question headings", () => {
  it("titles each item after the report its own sentence names, not after the question", () => {
    const text = agreement(
      "Hur ska förvaltningen rapportera till nämnden?",
      "",
      "Förvaltningen lämnar två samlade uppföljningar. Tertialrapporten per 30 april lämnas skriftligt till sammanträdet i maj. Delårsrapporten per 31 augusti lämnas skriftligt till sammanträdet i september.",
    );
    expect(items(text)).toEqual([
      "2027-05-25 Tertialrapporten per 30 april",
      "2027-09-28 Delårsrapporten per 31 augusti",
    ]);
  });

  it("gives each assignment asked about in a heading its own items", () => {
    const text = agreement(
      "Vad innebär uppdraget om digital tillsyn?",
      "",
      "Nämnden ger förvaltningen i uppdrag att införa digital tillsyn. En muntlig återrapport lämnas vid sammanträdet i maj.",
      "",
      "Vad innebär uppdraget om trygghetsboende?",
      "",
      "Förvaltningen ska utreda ett trygghetsboende. Utredningen redovisas skriftligt till nämndens sammanträde i september.",
    );
    const parsed = read(text);
    const owners = parsed.reportingItems
      .filter((item) => item.date)
      .map((item) => `${item.date} ${parsed.assignments.find((a) => a.key === item.assignmentKey)?.title}`);
    expect(owners).toEqual(["2027-05-25 Digital tillsyn", "2027-09-28 Trygghetsboende"]);
  });
});

describe("months listed after one meeting word", () => {
  it.each([
    ["vid sammanträdena i februari, maj, augusti och november", ["2027-02", "2027-05", "2027-08", "2027-11"]],
    ["i mars samt oktober", ["2027-03", "2027-10"]],
    // A list ends at the first word that is not a month.
    ["i mars, och sedan i maj", ["2027-03", "2027-05"]],
  ])("%s", (text, expected) => {
    expect(
      findTimeMentions(text, 2027)
        .filter((m) => m.precision === "month")
        .map((m) => (m.precision === "month" ? m.month : "")),
    ).toEqual(expected);
  });

  it("a report at each listed meeting becomes one item per meeting", () => {
    const text = agreement(
      "Hur redovisas ej verkställda beslut?",
      "",
      "Ej verkställda beslut rapporteras skriftligt varje kvartal, vid sammanträdena i februari, maj, augusti och november.",
    );
    expect(items(text).map((item) => item.slice(0, 10))).toEqual([
      "2027-02-23",
      "2027-05-25",
      "2027-08-31",
      "2027-11-23",
    ]);
  });
});

describe("sentences that give no item", () => {
  it.each([
    ["a month the committee does not meet", "Nämnden sammanträder inte i juli."],
    ["a month without a meeting", "Nämnden har inget sammanträde i juli."],
    [
      "a meeting with no reports planned",
      "Sammanträdet i februari ägnas åt internbudgeten, och några rapporter från förvaltningen är inte planerade till det sammanträdet.",
    ],
    ["a meeting left out", "Ekonomisk uppföljning lämnas muntligt vid varje sammanträde utom i maj och augusti."],
    [
      "a monthly delivery to someone else than the committee",
      "Avgiftsunderlaget lämnas till avgiftshandläggarna senast den femte vardagen varje månad.",
    ],
  ])("%s", (_what, sentence) => {
    // Beside a sentence that does give one, so the reading is known to work here.
    const text = agreement(
      "Hur går det till?",
      "",
      `${sentence} Tertialrapporten lämnas skriftligt till sammanträdet i maj.`,
    );
    expect(items(text)).toEqual(["2027-05-25 Tertialrapporten"]);
  });
});

describe("a sentence that restates a report's last day for papers", () => {
  it("is no report of its own beside the row whose papers are due that day", () => {
    const text = [
      "Beställning 2026 – Vårdnämndens uppdrag till Omsorgsförvaltningen",
      "",
      "8 Återrapportering till nämnden 2026",
      "",
      "Sammanträde\tÄrende\tForm\tHandlingar senast",
      "2026-02-24\tVerksamhetsberättelse 2025\tSkriftlig\t2026-02-06",
      "2026-05-26\tTertialrapport 1\tSkriftlig\t2026-05-12",
      "",
      "Verksamhetsberättelsen ska lämnas tidigare än vanligt. Handlingarna ska därför vara nämndsekreteraren tillhanda senast den 6 februari 2026.",
    ].join("\n");
    const titles = read(text).reportingItems.map((i) => `${i.date} ${i.title}`);
    expect(titles).toContain("2026-02-24 Verksamhetsberättelse 2025");
    expect(titles.filter((t) => t.startsWith("2026-02-06"))).toEqual([]);
  });
});
