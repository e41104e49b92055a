// Tables drawn with characters (pipe rows, "+---+" grids, box drawing) whose cells run over
// several lines, and dates written as weeks ("v. 13", "senast vecka 10"): the week's day by a
// stated rule, the meeting weekday the document names, and the submission rule "måndagen veckan
// före sammanträdet". All text here is made up for the test.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { continuationOf, joinCellLines } from "../../../src/agreements/reading/blocks/table-detectors.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { applyRule, findSubmissionRule } from "../../../src/agreements/reading/items/reporting-language.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { isRuledBorder, isRuledRow } from "../../../src/agreements/reading/ruled-lines.ts";
import {
  findTimeMentions,
  isoWeekMonday,
  meetingWeekdayOf,
  type DayMention,
} from "../../../src/agreements/reading/time-mentions.ts";

const structureOf = (text: string) => buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);
const tableRows = (text: string) =>
  structureOf(text).blocks.flatMap((b) =>
    b.kind === "table" ? [{ header: b.header, rows: b.rows.map((r) => r.cells) }] : [],
  );

describe("lines of a drawn table", () => {
  it.each([
    ["| Nr | Namn |", "row"],
    ["│ A1 │ Park │", "row"],
    ["|----|:----:|", "border"],
    ["| --- | --- |", "border"],
    ["+------+-------+", "border"],
    ["+======+=======+", "border"],
    ["├──────┼───────┤", "border"],
    ["----------", "neither"],
    ["| Havsby kommun    Dnr 2025/1", "neither"],
    ["Text med | ett streck |", "neither"],
    // Cells parted by pipes without outer edges.
    ["Vad | När | Form | Underlag senast", "row"],
    ["Särskilt uppdrag 2.1 Lånecykel | 2026-05-12 | Muntlig | –", "row"],
    ["Östby kommun | Sida 3", "neither"],
  ])("%s is a %s", (line, kind) => {
    expect(isRuledRow(line) ? "row" : isRuledBorder(line) ? "border" : "neither").toBe(kind);
  });
});

describe("a drawn line goes on with the row above, or starts its own", () => {
  it.each([
    // The first cell of its own opens a row; a week in the first column is a row's own too.
    [["A1", "Park", "Skötsel"], ["A2", "Gata", "Drift"], "new"],
    [["v. 12", "Rapport"], ["v. 14", "Rapport"], "new"],
    // A meeting day under its weekday ("tis 10/2") opens a row, though it starts in lower case.
    [["tis 10/2", "Verksamhetsberättelse"], ["tis 10/2", "Sommarlovet – planering"], "new"],
    [["tisdag 17 mars", "Bidrag"], ["fre 4/9", "Delårsrapport"], "new"],
    // Empty first cell, text that starts in lower case or follows an open end: the same row.
    [["A1", "Skötsel av parker och"], ["", "Lekplatser i centrum"], "continues"],
    [["A1", "Skötsel av parker"], ["", "lekplatser och torg"], "continues"],
    [["A1", "Grön-"], ["", "områden"], "continues"],
    [["Mål 1 Fler besökare i", "Antal besök"], ["simhallen", "per invånare"], "continues"],
    // A value where the row above has one: a new row under a first cell that spans rows.
    [["Mål 1", "Antal besök", "4 200"], ["", "Antal lån", "3 100"], "new"],
    [["Mål 1 Fler läser", "Antal lån", "18 %"], ["böcker", "Antal besök", "22 %"], "new, first cell continues"],
    // Only fresh cells (each column filled above, none going on): a new row.
    [["Mål 1", "Antal besök", "Kolada"], ["", "Antal lån", "Egen statistik"], "new"],
    // A cell under an empty one fills it.
    [["A1", "Park", ""], ["", "", "Muntlig v. 12"], "continues"],
  ])("%j then %j: %s", (above, cells, expected) => {
    expect(continuationOf(above, cells)).toBe(expected);
  });
});

describe("two lines of one cell", () => {
  it.each([
    ["Gång- och cykel-", "vägar", "Gång- och cykelvägar"],
    ["Idrotts-", "och fritidshallar", "Idrotts- och fritidshallar"],
    ["LSS-", "insatser", "LSS-insatser"],
    ["e-", "tjänster", "e-tjänster"],
    ["Förvaltning och", "drift", "Förvaltning och drift"],
    ["Senast 2026-03-", "17", "Senast 2026-03-17"],
  ])("%s + %s → %s", (text, more, expected) => {
    expect(joinCellLines(text, more, null)).toBe(expected);
  });
});

describe("drawn tables whose cells run over several lines", () => {
  it.each([
    {
      name: "a pipe table: continuation rows join their row cell by cell",
      text: [
        "| Nr | Område            | Innehåll                     |",
        "|----|-------------------|------------------------------|",
        "| A1 | Parker och grön-  | Skötsel av stadsparken och   |",
        "|    | områden           | Lekplatserna i Åby           |",
        "| A2 | Gator             | Drift av gatunätet           |",
      ].join("\n"),
      header: ["Nr", "Område", "Innehåll"],
      rows: [
        ["A1", "Parker och grönområden", "Skötsel av stadsparken och Lekplatserna i Åby"],
        ["A2", "Gator", "Drift av gatunätet"],
      ],
    },
    {
      name: "a grid table: every line between two borders is one row, whatever its first cell",
      text: [
        "+------+----------------+-----------+",
        "| Kod  | Uppdrag        | Rapport   |",
        "+======+================+===========+",
        "| B1   | Ny taxa för    | Skriftlig |",
        "|      | Hamnen         | v. 20     |",
        "+------+----------------+-----------+",
        "| B2   | Översyn av     | Muntlig   |",
        "| (KS) | lokalerna      |           |",
        "+------+----------------+-----------+",
      ].join("\n"),
      header: ["Kod", "Uppdrag", "Rapport"],
      rows: [
        ["B1", "Ny taxa för Hamnen", "Skriftlig v. 20"],
        ["B2 (KS)", "Översyn av lokalerna", "Muntlig"],
      ],
    },
    {
      name: "box drawing and a header over two lines",
      text: [
        "┌────────────┬─────────┐",
        "│ Indikator  │ Utfall  │",
        "│            │ 2025    │",
        "├────────────┼─────────┤",
        "│ Antal lån  │ 3 100   │",
        "│ Antal besök│ 4 200   │",
        "└────────────┴─────────┘",
      ].join("\n"),
      header: ["Indikator", "Utfall 2025"],
      rows: [
        ["Antal lån", "3 100"],
        ["Antal besök", "4 200"],
      ],
    },
    {
      name: "a goal over several rows: its indicators are rows of their own",
      text: [
        "| Mål                    | Indikator        | Källa   | Utfall |",
        "|------------------------|------------------|---------|--------|",
        "| 1 Fler läser böcker på | Antal lån per    | Kolada  | 5,2    |",
        "| fritiden               | invånare         |         |        |",
        "|                        | Antal besök      | Egen    | 3,9    |",
        "| 2 Fler simmar          | Antal badbesök   | Egen    | 41 000 |",
      ].join("\n"),
      header: ["Mål", "Indikator", "Källa", "Utfall"],
      rows: [
        ["1 Fler läser böcker på fritiden", "Antal lån per invånare", "Kolada", "5,2"],
        ["", "Antal besök", "Egen", "3,9"],
        ["2 Fler simmar", "Antal badbesök", "Egen", "41 000"],
      ],
    },
  ])("$name", ({ text, header, rows }) => {
    expect(tableRows(text)).toEqual([{ header, rows }]);
  });
});

const week = (text: string, year: number | null, meetingWeekday: number | null = null) =>
  findTimeMentions(text, year, { meetingWeekday })
    .filter((m): m is DayMention => m.precision === "day")
    .map((m) => ({ date: m.date, rule: m.week?.day ?? null, inRange: m.inRange }));

describe("a week as a day", () => {
  it.each([
    ["2026", 1, "2025-12-29"],
    ["2026", 13, "2026-03-23"],
    ["2026", 53, "2026-12-28"],
    ["2025", 53, null],
    ["2027", 1, "2027-01-04"],
  ])("ISO week %s-W%s starts %s", (year, number, monday) => {
    expect(isoWeekMonday(Number(year), number)).toBe(monday);
  });

  it.each([
    // Rule: a week alone is its Monday, the first day it can fall on ("first day").
    ["Muntlig lägesrapport v. 13.", null, [{ date: "2026-03-23", rule: "first day", inRange: false }]],
    ["Redovisas vecka 37", null, [{ date: "2026-09-07", rule: "first day", inRange: false }]],
    // "senast v. 10": by the end of the week, its Friday ("last working day"), meeting day or not.
    ["Underlag senast vecka 10", 2, [{ date: "2026-03-06", rule: "last working day", inRange: false }]],
    ["Rapport lämnas senast v.10", null, [{ date: "2026-03-06", rule: "last working day", inRange: false }]],
    // The committee's meeting day in that week, when the document names one.
    ["Skriftlig rapport v. 13", 2, [{ date: "2026-03-24", rule: "meeting day", inRange: false }]],
    // The year written after the week wins over the agreement's.
    ["Slutrapport v 13 2027", null, [{ date: "2027-03-29", rule: "first day", inRange: false }]],
    // A range: the last week, when the window closes; three weeks or more is a period, not a day.
    ["Redovisning v. 12–13", null, [{ date: "2026-03-23", rule: "first day", inRange: false }]],
    ["Sommarläger veckorna 26-32", null, [{ date: "2026-08-03", rule: "first day", inRange: true }]],
    // Not weeks: a code glued to a number, a count of weeks, a week 53 the year lacks.
    ["Uppdrag V1 och V2", null, []],
    ["inom tre veckor", null, []],
    ["Rapport v. 54", null, []],
    // A weekday written before the week is that day of it.
    ["Statistiken läggs in senast fredag vecka 42", 2, [{ date: "2026-10-16", rule: "named day", inRange: false }]],
    // A section in Roman numerals referred to ("se V.2") is no week.
    ["Rapport lämnas till presidiet (se V.2).", null, []],
    ["Uppföljning enligt avsnitt V.3", null, []],
  ])("%s (meeting weekday %s)", (text, weekday, expected) => {
    expect(week(text, 2026, weekday)).toEqual(expected);
  });

  it("a week without the agreement's year is not a day", () => {
    expect(week("Muntlig rapport v. 13", null)).toEqual([]);
  });
});

describe("the committee's meeting weekday", () => {
  it.each([
    ["Nämnden sammanträder på torsdagar.", 4],
    ["Sammanträdena hålls normalt på tisdagar kl. 13.", 2],
    ["Nämndens möten är på måndagar.", 1],
    ["Nämnden sammanträder elva gånger per år.", null],
    ["Rapporten lämnas på fredag.", null],
  ])("%s → %s", (text, weekday) => {
    expect(meetingWeekdayOf(text)).toBe(weekday);
  });
});

describe("written material due on a weekday of an earlier week", () => {
  it.each([
    // Meeting Thursday 2026-03-26: Monday of the week before is 2026-03-16.
    [
      "Handlingar ska vara sekreteraren tillhanda senast måndagen veckan före sammanträdet.",
      "2026-03-26",
      "2026-03-16",
    ],
    ["Skriftliga underlag lämnas onsdagen två veckor före nämndens sammanträde.", "2026-03-26", "2026-03-11"],
    // The old rule still reads as days.
    ["Skriftliga underlag ska vara sakkunnig tillhanda tre veckor innan sammanträdet.", "2026-03-26", "2026-03-05"],
  ])("%s (meeting %s → %s)", (text, meeting, due) => {
    const rule = findSubmissionRule(text);
    expect(rule).not.toBeNull();
    expect(applyRule(meeting, rule!)).toBe(due);
  });
});

const agreement = (meetingSentence: string) =>
  [
    "Uppdragsavtal 2026",
    "Fritidsnämnden och Fritidsförvaltningen",
    "",
    "1 Inledning",
    "",
    `Fritidsnämnden ger Fritidsförvaltningen i uppdrag att driva fritidsverksamheten under 2026. ${meetingSentence}`,
    "",
    "2 Grunduppdrag",
    "",
    "| Kod | Verksamhet        | Omfattning             |",
    "|-----|-------------------|------------------------|",
    "| F1  | Simhallar och     | Två simhallar med      |",
    "|     | friluftsbad       | öppet alla dagar       |",
    "| F2  | Fritidsgårdar     | Fyra gårdar            |",
    "",
    "3 Årshjul för rapportering",
    "",
    "| Vecka | Datum        | Vad                       | Form      |",
    "|-------|--------------|---------------------------|-----------|",
    "| v. 11 | –            | Sportlovet, ingen rapport | –         |",
    "| v. 16 | 14 april     | Badens besöksstatistik    | Muntlig   |",
    "",
    "| Vecka | Vad                          | Form       |",
    "|-------|------------------------------|------------|",
    "| v. 38 | Rapport om fritidsgårdarna   | Skriftlig  |",
  ].join("\n");

describe("an agreement with drawn tables and weeks", () => {
  it.each([
    {
      name: "the named meeting weekday makes a week a day",
      meeting: "Nämnden sammanträder på tisdagar.",
      expected: [
        { title: "Badens besöksstatistik", date: "2026-04-14", precision: "day" },
        { title: "Rapport om fritidsgårdarna", date: "2026-09-15", precision: "day" },
      ],
    },
    {
      name: "without one, a week is its Monday and only as precise as a week",
      meeting: "Nämnden sammanträder elva gånger per år.",
      expected: [
        { title: "Badens besöksstatistik", date: "2026-04-14", precision: "day" },
        { title: "Rapport om fritidsgårdarna", date: "2026-09-14", precision: "week" },
      ],
    },
  ])("$name", ({ meeting, expected }) => {
    const parsed = readAgreement({ text: agreement(meeting) }, { treatAs: "agreement" });
    expect(
      parsed.reportingItems
        .filter((i) => i.date)
        .map((i) => ({ title: i.title, date: i.date, precision: i.precision })),
    ).toEqual(expected);
    expect(parsed.assignments.map((a) => `${a.number} ${a.kind} ${a.title}`)).toEqual([
      "F1 grunduppdrag Simhallar och friluftsbad",
      "F2 grunduppdrag Fritidsgårdar",
    ]);
    expect(parsed.facts.title).toBe("Uppdragsavtal 2026 – Fritidsnämnden och Fritidsförvaltningen");
  });
});

describe("a reporting plan with pipes between its cells and no outer edges", () => {
  it("reads every row as an item, though a first cell reads like a heading", () => {
    const text = [
      "Överenskommelse 2026 mellan Fritidsnämnden och Division Fritid",
      "",
      "2 Särskilda uppdrag",
      "",
      "2.1 Lånecykel för äldre",
      "Divisionen ska pröva en lånecykel för äldre.",
      "",
      "3 Rapportering",
      "",
      "Vad | När | Form | Underlag senast",
      "Verksamhetsberättelse 2025 | 2026-02-17 | Skriftlig | 2026-02-03",
      "Särskilt uppdrag 2.1 Lånecykel, lägesrapport | 2026-05-12 | Muntlig | –",
      "Besöksstatistik (kvartal 1–2) | 2026-05-12, 2026-09-15 | Skriftlig | 2026-04-28, 2026-09-01",
      "",
      "Nämnden sammanträder på tisdagar. Skriftligt underlag ska lämnas senast två veckor före sammanträdet.",
    ].join("\n");
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(
      parsed.reportingItems
        .filter((i) => i.date)
        .map((i) => `${i.date} ${i.form} ${i.submissionDate ?? "-"} ${i.title}`)
        .sort(),
    ).toEqual([
      "2026-02-17 written 2026-02-03 Verksamhetsberättelse 2025",
      "2026-05-12 oral - Särskilt uppdrag 2.1 Lånecykel, lägesrapport",
      "2026-05-12 written 2026-04-28 Besöksstatistik (kvartal 1–2)",
      "2026-09-15 written 2026-09-01 Besöksstatistik (kvartal 1–2)",
    ]);
  });
});

describe("goals in a table with their codes before the title", () => {
  it("'M1 Fler …' is goal M1", () => {
    const text = [
      "3 Mål",
      "",
      "| Mål                    | Indikator       | Källa  |",
      "|------------------------|-----------------|--------|",
      "| M1 Fler simmar         | Antal badbesök  | Egen   |",
      "| M2 Fler läser          | Antal lån       | Kolada |",
    ].join("\n");
    expect(readAssignments(structureOf(text)).assignments.map((a) => `${a.number} ${a.kind} ${a.title}`)).toEqual([
      "M1 mal_namnd Fler simmar",
      "M2 mal_namnd Fler läser",
    ]);
  });
});
