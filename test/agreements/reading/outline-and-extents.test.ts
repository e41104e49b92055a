// The outline: a table of contents written as plain numbered lines, goal and assignment labels
// ("Uppdrag 2026:1"), and how far the last goal of a run reaches.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

const structureOf = (text: string) => buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);
const headings = (text: string) =>
  structureOf(text)
    .blocks.filter((b) => b.kind === "heading")
    .map((b) => (b.kind === "heading" ? `${b.number ?? "-"} ${b.text}` : ""));

const body = (...parts: string[]) => parts.join("\n\n");
const prose = "Detta stycke beskriver verksamheten med några meningar om vad som ska göras under året.";

describe("a table of contents of plain numbered lines", () => {
  it.each([
    {
      name: "its entries are contents; the numbered lines it lists are the headings",
      text: body(
        "Innehåll\n1. Inledning\n2. Grunduppdrag\n2.1 Gata\n3. Nämndens mål för 2026\n4. Ekonomi",
        "1. Inledning",
        prose,
        "2. Grunduppdrag",
        prose,
        "2.1 Gata",
        prose,
        "3. Nämndens mål för 2026",
        prose,
        "4. Ekonomi",
        prose,
      ),
      expected: ["- Innehåll", "1 Inledning", "2 Grunduppdrag", "2.1 Gata", "3 Nämndens mål för 2026", "4 Ekonomi"],
    },
  ])("$name", ({ text, expected }) => {
    expect(headings(text)).toEqual(expected);
  });
  it("a numbered list whose lines do not come back later is not a table of contents", () => {
    const text = body("Nämnden vill att", "1. Fler ska arbeta\n2. Färre ska ha bistånd\n3. Fler ska studera", prose);
    expect(structureOf(text).blocks.some((b) => b.kind === "toc")).toBe(false);
  });
});

describe("goal and assignment labels", () => {
  it.each([
    ["Uppdrag 2026:1 Samlat jobbcenter", "Uppdrag 2026:1 Samlat jobbcenter", "2026:1"],
    ["Mål 3. Personer ska ha sysselsättning", "Mål 3 Personer ska ha sysselsättning", "3"],
    ["Uppdrag 4 – Trygghet", "Uppdrag 4 Trygghet", "4"],
  ])("%s", (line, heading, number) => {
    const text = body(line, prose);
    expect(headings(text)).toEqual([heading]);
    expect(readAssignments(structureOf(text)).assignments.map((a) => a.number)).toEqual([number]);
  });
});

describe("the sections a goal label owns", () => {
  const owned = (text: string) => {
    const structure = structureOf(`Uppdragsplan 2026\n\n${text}`);
    const reading = readAssignments(structure);
    return structure.sections
      .filter((s) => s.startLine > 0)
      .map(
        (s) =>
          `${s.heading} → ${reading.assignments.find((a) => a.key === reading.ownerOfSection.get(s.ordinal))?.number ?? "-"}`,
      );
  };
  it.each([
    {
      name: "the document's follow-up after the last goal is not the goal's",
      text: body(
        "Mål 1. Fler i arbete",
        prose,
        "Mål 2. Trygga äldre",
        prose,
        "Uppföljning och återrapportering",
        prose,
      ),
      expected: ["Fler i arbete → 1", "Trygga äldre → 2", "Uppföljning och återrapportering → -"],
    },
    {
      name: "subheadings every goal has belong to the last goal too",
      text: body(
        "Mål 1. Fler i arbete",
        prose,
        "Måluppfyllelse",
        prose,
        "Mål 2. Trygga äldre",
        prose,
        "Måluppfyllelse",
        prose,
        "Tidplan för uppföljning",
        prose,
      ),
      expected: [
        "Fler i arbete → 1",
        "Måluppfyllelse → 1",
        "Trygga äldre → 2",
        "Måluppfyllelse → 2",
        "Tidplan för uppföljning → -",
      ],
    },
    {
      name: "a lone label keeps its subheadings until a part of the document of its own",
      text: body("Uppdrag 1 Samlat jobbcenter", prose, "Bakgrund", prose, "Ekonomi", prose),
      expected: ["Samlat jobbcenter → 1", "Bakgrund → 1", "Ekonomi → -"],
    },
  ])("$name", ({ text, expected }) => {
    expect(owned(text)).toEqual(expected);
  });
});

describe("short lines that are not headings, and headings that end in their year", () => {
  it.each([
    ["Särskilda uppdrag 2026", true],
    ["Tidplan för uppföljning 2026", true],
    ["Summa 84 200", false],
    ["D = delårsrapport (avser januari–augusti)", false],
  ])("%s", (line, isHeading) => {
    const text = `Inledande stycke som slutar här.\n\n${line}\n\n${prose}`;
    expect(headings(text).includes(`- ${line}`)).toBe(isHeading);
  });
});

describe("a table laid out with runs of spaces", () => {
  it("reads each row's cells into their columns, a recurrence in the time column starting a row", () => {
    const text = [
      "Tidpunkt           Vad                                  Form",
      "2026-10-13         Delårsrapport, uppdrag 5.3,          Skriftlig",
      "                   utvärdering festivalen (5.4)         Muntlig",
      "Kvartalsvis        Besöksstatistik                      Skriftlig",
    ].join("\n");
    const table = structureOf(text).blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" ? table.rows.map((r) => r.cells) : null).toEqual([
      ["2026-10-13", "Delårsrapport, uppdrag 5.3, utvärdering festivalen (5.4)", "Skriftlig Muntlig"],
      ["Kvartalsvis", "Besöksstatistik", "Skriftlig"],
    ]);
  });
});
