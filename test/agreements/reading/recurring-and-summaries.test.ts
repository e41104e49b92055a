// Recurring reporting as dated items, summary tables that repeat the text, and a table laid out
// with runs of spaces read into its columns.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readFacts } from "../../../src/agreements/reading/items/read-facts.ts";
import { readReportingItems } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { exceptedMonths, recurringDates, recurringDue } from "../../../src/agreements/reading/items/recurring-dates.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { fold } from "../../../src/shared/text/fold.ts";

describe("when a recurring report is due", () => {
  it.each([
    ["senast den 15:e i månaden efter kvartalets utgång", { day: 15, monthsAfter: 1 }],
    ["senast den 10 varje månad", { day: 10, monthsAfter: 0 }],
    ["rapporteras kvartalsvis till nämnden", null],
    // A day of the month on its own, in a monthly row's time cell.
    ["varje månad, senast den 10:e, februari–december", { day: 10, monthsAfter: 0 }],
    // A date is not a day of every month.
    ["varje månad, senast den 10 mars", null],
  ])("%s", (text, due) => {
    expect(recurringDue(fold(text))).toEqual(due);
  });
  it.each([
    ["varje månad utom januari och juli", [1, 7]],
    ["varje månad förutom juli", [7]],
    ["varje månad", []],
    ["varje månad, februari–december utom juli", [1, 7]],
    ["månadsvis från mars till november", [1, 2, 12]],
  ])("%s leaves out %j", (text, months) => {
    expect(exceptedMonths(fold(text))).toEqual(months);
  });
});

describe("the dated occasions of a recurrence", () => {
  it.each([
    {
      name: "a quarter's report is due the 15th of the month after the quarter",
      args: ["quarterly", 2026, { day: 15, monthsAfter: 1 }, []] as const,
      expected: ["2026-04-15 Q1", "2026-07-15 Q2", "2026-10-15 Q3", "2027-01-15 Q4"],
    },
    {
      name: "every month but the excepted ones, by month",
      args: ["monthly", 2026, null, [1, 7]] as const,
      expected: ["02", "03", "04", "05", "06", "08", "09", "10", "11", "12"].map((m) => `2026-${m} -`),
    },
    {
      name: "every month on a day of the month after",
      args: ["monthly", 2026, { day: 10, monthsAfter: 1 }, []] as const,
      expected: [
        "2026-02-10",
        "2026-03-10",
        "2026-04-10",
        "2026-05-10",
        "2026-06-10",
        "2026-07-10",
        "2026-08-10",
        "2026-09-10",
        "2026-10-10",
        "2026-11-10",
        "2026-12-10",
        "2027-01-10",
      ].map((d) => `${d} -`),
    },
    { name: "quarterly without a day stays undated", args: ["quarterly", 2026, null, []] as const, expected: [] },
    {
      name: "a yearly report stays undated",
      args: ["yearly", 2026, { day: 1, monthsAfter: 0 }, []] as const,
      expected: [],
    },
    {
      name: "tertials end in April, August and December",
      args: ["tertially", 2026, { day: 5, monthsAfter: 1 }, []] as const,
      expected: ["2026-05-05 T1", "2026-09-05 T2", "2027-01-05 T3"],
    },
  ])("$name", ({ args, expected }) => {
    const [recurrence, year, due, except] = args;
    expect(recurringDates(recurrence, year, due, [...except]).map((d) => `${d.value} ${d.periodCode ?? "-"}`)).toEqual(
      expected,
    );
  });
});

const itemsOf = (text: string) => {
  const lines = normaliseLines(text, { dictionary: null }).lines;
  const structure = buildBlocks(lines, null);
  const { facts } = readFacts(structure, lines.map((l) => l.text).join("\n"), []);
  return readReportingItems(structure, facts, readAssignments(structure)).map(
    (i) => `${i.date ?? "-"} ${i.form ?? "-"} ${i.title}`,
  );
};

const agreement = (...parts: string[]) =>
  ["Överenskommelse 2026 mellan Kulturnämnden och Division Kultur", "Gäller 2026-01-01 – 2026-12-31.", ...parts].join(
    "\n\n",
  );

describe("reporting items", () => {
  it.each([
    {
      name: "a summary table's rows merge into the text's items of the same date and take the table's names",
      text: agreement(
        "1 UPPFÖLJNING",
        "Verksamhetsberättelse för 2025 redovisas skriftligt vid nämndens sammanträde 2026-02-10.",
        "Divisionen lämnar en ekonomisk prognos muntligt vid nämndens sammanträde 2026-03-17.",
        "2 SAMMANSTÄLLNING",
        [
          "Tidpunkt      Vad                            Form",
          "2026-02-10    Verksamhetsberättelse 2025     Skriftlig",
          "2026-03-17    Ekonomisk prognos              Muntlig",
        ].join("\n"),
      ),
      expected: ["2026-02-10 written Verksamhetsberättelse 2025", "2026-03-17 oral Ekonomisk prognos"],
    },
    {
      name: "a quarterly report with a due day becomes four items, the table's recurring row gives their form",
      text: agreement(
        "1 UPPFÖLJNING",
        "1.1 Besöksstatistik",
        "Besöksstatistik för biblioteken rapporteras kvartalsvis till nämndens sakkunniga, senast den 15:e i månaden efter kvartalets utgång.",
        "1.2 Sammanställning",
        [
          "Tidpunkt      Vad                 Form",
          "2026-02-10    Årsberättelse       Skriftlig",
          "Kvartalsvis   Besöksstatistik     Skriftlig",
        ].join("\n"),
      ),
      expected: [
        "2026-02-10 written Årsberättelse",
        "2026-04-15 written Besöksstatistik kvartal 1",
        "2026-07-15 written Besöksstatistik kvartal 2",
        "2026-10-15 written Besöksstatistik kvartal 3",
        "2027-01-15 written Besöksstatistik kvartal 4",
      ],
    },
    {
      name: "a monthly report with excepted months becomes one item a month",
      text: agreement(
        "Ekonomisk uppföljning",
        "Kontoret lämnar en skriftlig ekonomisk månadsuppföljning till presidiet varje månad utom januari, juli och augusti.",
      ),
      expected: ["02", "03", "04", "05", "06", "09", "10", "11", "12"].map(
        (m) => `2026-${m} written Ekonomisk uppföljning`,
      ),
    },
    {
      name: "taking part in monthly meetings is not a report",
      text: agreement("Samverkan", "Divisionen ska delta i avstämningsmöten med presidiet en gång per månad."),
      expected: ["- - Samverkan"],
    },
    {
      name: "an assignment's own sentence and the timetable line that names it are one item",
      text: agreement(
        "Uppdrag 2026:1 Samlat jobbcenter",
        "Kontoret ska utreda ett samlat jobbcenter. Kontoret lämnar en muntlig lägesrapport i maj.",
        "Tidplan för uppföljning 2026",
        "Maj: Muntlig lägesrapport för uppdrag 2026:1 Samlat jobbcenter. Vårrapport med prognos.",
      ),
      expected: [
        "2026-05 oral Muntlig lägesrapport för uppdrag 2026:1 Samlat jobbcenter",
        "2026-05 - Vårrapport med prognos",
      ],
    },
  ])("$name", ({ text, expected }) => {
    expect(itemsOf(text)).toEqual(expected);
  });
});
