// Tables exported from planning tools as delimited text (semicolons, pipes), quoted cells over
// several lines included: read as table rows, with their column roles, and their meeting tables as
// the committee's calendar. Texts made up for this test.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import type { TableBlock } from "../../../src/agreements/reading/blocks/block-model.ts";
import { delimitedRows } from "../../../src/agreements/reading/delimited-rows.ts";
import { meetingCalendarOf } from "../../../src/agreements/reading/items/meeting-calendar.ts";
import { whatColumnOf } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

describe("delimited records", () => {
  it.each([
    {
      name: "semicolons, a quoted cell over two lines, padding",
      lines: [
        "Nr;Uppdrag;Ansvarig;;",
        'U1;"Driva biblioteket,',
        'minst 52 timmar";Bibliotekschef',
        "U2;Fritidsgårdar;Samordnare",
      ],
      rows: [
        [0, "Nr\tUppdrag\tAnsvarig"],
        [1, "U1\tDriva biblioteket, minst 52 timmar\tBibliotekschef"],
        [3, "U2\tFritidsgårdar\tSamordnare"],
      ],
      moved: [[2, 1]],
    },
    {
      name: "pipes, an empty last cell kept as wide as the header",
      lines: [
        "Nr|Rapport|Form|Anm.",
        "R1|Verksamhetsberättelse|Skriftlig|Helår",
        "R2|Lägesrapport|Muntlig|",
        "R3|Tertialrapport|Skriftlig|",
      ],
      rows: [
        [0, "Nr\tRapport\tForm\tAnm."],
        [1, "R1\tVerksamhetsberättelse\tSkriftlig\tHelår"],
        [2, "R2\tLägesrapport\tMuntlig\t"],
        [3, "R3\tTertialrapport\tSkriftlig\t"],
      ],
      moved: [],
    },
    {
      name: "prose with a semicolon is no table",
      lines: [
        "Rapporten lämnas skriftligt till nämnden i maj och följer kommunens mall för tertialrapporter; i övrigt gäller rutinen.",
        "Nämnden vill också ha en muntlig dragning i oktober om hur arbetet går och vilka risker som finns; den ersätter inget.",
        "Kontoret ansvarar för att underlagen kommer in i tid och att de är kompletta när de skickas till nämndens sekreterare; se bilaga.",
      ],
      rows: [],
      moved: [],
    },
    {
      name: "two records are no table",
      lines: ["Fält;Värde", "Titel;Beställning 2027", "", "Text."],
      rows: [],
      moved: [],
    },
    {
      name: "a drawn table's edges are read elsewhere",
      lines: ["| Nr | Rapport |", "|----|---------|", "| R1 | Verksamhetsberättelse |", "| R2 | Lägesrapport |"],
      rows: [],
      moved: [],
    },
  ])("$name", ({ lines, rows, moved }) => {
    const read = delimitedRows(lines);
    expect([...read.rows]).toEqual(rows);
    expect([...read.moved]).toEqual(moved);
  });

  it("drops the padding of a one-cell line", () => {
    expect(delimitedRows(["Status: Fastställd;;;;;", "Text; med semikolon"]).trimmed.get(0)).toBe("Status: Fastställd");
  });
});

const exported = [
  "Export från planeringsverktyget",
  "Fält;Värde",
  "Titel;Beställning 2027 – Kultur- och fritidsnämnden till Kultur- och fritidskontoret;;",
  "Beställare;Kultur- och fritidsnämnden (KFN)",
  "Utförare;Kultur- och fritidskontoret (KFK)",
  "Giltighet;2027-01-01 – 2027-12-31",
  "",
  "### FLIK 5 – RAPPORTERING TILL NÄMND ###",
  "Nr|Avser|Rapport|Form|Sammanträde|Handl. senast|Anm.",
  "R1|Alla|Verksamhetsberättelse 2026|Skriftlig|2027-02-18|5/2|Helår 2026",
  'R2|U8|Meröppet bibliotek – lägesrapport|Muntlig|18/3|–|"Bibliotekschefen redovisar',
  'upphandling av passersystem"',
  "R3|U1|Uppföljning av biblioteksplan|Skriftlig|22 april|9 april|",
  "",
  "### FLIK 6 – SAMMANTRÄDESPLAN 2027 ###",
  "Sammanträde;Veckodag;Tid;Lokal;Handlingar senast",
  "2027-02-18;torsdag;13.30;Kommunhuset;2027-02-05",
  "2027-03-18;torsdag;13.30;Kommunhuset;2027-03-05",
  "2027-04-22;torsdag;13.30;Tånga bibliotek;2027-04-09",
].join("\n");

describe("an exported follow-up table", () => {
  const structure = buildBlocks(normaliseLines(exported, { dictionary: null }).lines, null);
  const tables = structure.blocks.filter((b): b is TableBlock => b.kind === "table");

  it("reads the rows across a quoted cell's line break as one table, with the 'Handl. senast' column as the papers' day", () => {
    const report = tables.find((t) => t.header?.[0] === "Nr")!;
    expect(report.rows.map((r) => r.cells[0])).toEqual(["R1", "R2", "R3"]);
    expect(report.roles.slice(2, 6)).toEqual(["what", "how", "when", "due"]);
    expect(whatColumnOf(report)).toBe(2);
  });

  it("takes the meeting table for the committee's calendar, with its days for papers", () => {
    const calendar = meetingCalendarOf(structure, 2027);
    expect(calendar.days).toEqual(["2027-02-18", "2027-03-18", "2027-04-22"]);
    expect(calendar.dueDays.get("2027-03-18")).toBe("2027-03-05");
  });

  it("reads each report once, with its form, and nothing from the calendar", () => {
    const parsed = readAgreement({ text: exported });
    expect(parsed.classification.kind).toBe("agreement");
    const items = parsed.reportingItems.map((i) => [i.meetingDate ?? i.date, i.title, i.form]);
    expect(items).toEqual([
      ["2027-02-18", "Verksamhetsberättelse 2026", "written"],
      ["2027-03-18", "Meröppet bibliotek – lägesrapport", "oral"],
      ["2027-04-22", "Uppföljning av biblioteksplan", "written"],
    ]);
    expect(parsed.facts.title).toBe("Beställning 2027 – Kultur- och fritidsnämnden till Kultur- och fritidskontoret");
  });
});

describe("the column that says what is reported", () => {
  const table = (header: string[], roles: TableBlock["roles"], rows: string[][]) =>
    ({ header, roles, rows: rows.map((cells) => ({ cells })) }) as unknown as TableBlock;
  it.each([
    [table(["Nr", "Ärende", "Datum"], ["unknown", "what", "when"], [["R1", "Bokslut", "2026-02-18"]]), 1],
    // No column headed as what: the first one of words, not of row numbers.
    [
      table(
        ["Nr", "Innehåll?", "Datum"],
        ["unknown", "unknown", "when"],
        [
          ["R1", "Bokslut", "x"],
          ["R2", "Tertialrapport", "y"],
        ],
      ),
      1,
    ],
    [table(["Rapport x", "Datum"], ["unknown", "when"], [["Bokslut", "2026-02-18"]]), 0],
  ])("%# → column %s", (t, expected) => {
    expect(whatColumnOf(t)).toBe(expected);
  });
});
