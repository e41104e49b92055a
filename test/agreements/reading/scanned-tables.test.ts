// Tables of a scanned page, read by OCR with the words' positions: a date the cell wrapped, the
// column rule read as "|", rows apart only by OCR's blank line, a marker split at a wide gap, a
// percent sign read as digits, and an indicator table under its "INDIKATOR" marker.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { markerOf } from "../../../src/agreements/reading/blocks/headings.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import type { PositionedLine } from "../../../src/agreements/reading/reader-input.ts";
import { repairPercentSigns } from "../../../src/agreements/reading/repair-ocr.ts";

type Span = [x: number, text: string, width?: number];

/** A page of lines (null for OCR's blank line), each a list of spans, as the OCR adapter gives them. */
function page(lines: Array<Span[] | null>) {
  const positionedLines: PositionedLine[] = lines.map((spans, k) => ({
    page: 1,
    y: 100 + k * 12,
    spans: (spans ?? []).map(([x, text, width]) => ({ x, text, width: width ?? text.length * 5 })),
  }));
  const text = lines.map((spans) => (spans ?? []).map(([, t]) => t).join("\t")).join("\n");
  return { text, positionedLines };
}

function tableRows(input: { text: string; positionedLines: PositionedLine[] }) {
  const lines = normaliseLines(input.text, { dictionary: null, positionedLines: input.positionedLines }).lines;
  return buildBlocks(lines, null).blocks.flatMap((b) => (b.kind === "table" ? b.rows.map((r) => r.cells) : []));
}

const followUpHeader: Span[] = [
  [50, "Titel"],
  [250, "Beskrivning"],
  [450, "Slutdatum"],
];

describe("a scanned follow-up table", () => {
  it.each([
    [
      "a due date wrapped into the next line, beside the other cells' wrapped text",
      [
        [
          [50, "Uppföljning av planen"],
          [250, "Muntlig lägesrapport till"],
          [450, "2025-11-"],
        ],
        [
          [50, "för barnhushåll"],
          [250, "nämnden den 11 december."],
          [450, "20"],
        ],
      ] as Span[][],
      [["Uppföljning av planen för barnhushåll", "Muntlig lägesrapport till nämnden den 11 december.", "2025-11-20"]],
    ],
    [
      "the rule between two columns read as a '|' at a cell's edge",
      [
        [
          [50, "Budget- och skuldrådgivning |"],
          [250, "Skriftlig rapport."],
          [450, "2025-09-04"],
        ],
      ] as Span[][],
      [["Budget- och skuldrådgivning", "Skriftlig rapport.", "2025-09-04"]],
    ],
  ])("reads %s", (_scenario, body, rows) => {
    expect(tableRows(page([followUpHeader, ...body]))).toEqual(rows);
  });

  it("gives the wrapped date to the reporting item", () => {
    const input = page([
      [[50, "4.1.2 Ta fram en plan för barnhushåll (SN)"]],
      null,
      [[50, "UPPFÖLJNING"]],
      followUpHeader,
      [
        [50, "Uppföljning av planen"],
        [250, "Muntlig lägesrapport till"],
        [450, "2025-11-"],
      ],
      [
        [50, "för barnhushåll"],
        [250, "nämnden den 11 december."],
        [450, "20"],
      ],
    ]);
    const parsed = readAgreement(input, { treatAs: "agreement" });
    expect(parsed.reportingItems.map((i) => i.date)).toContain("2025-11-20");
  });
});

describe("a scanned indicator table", () => {
  const header: Span[] = [
    [50, "Titel"],
    [300, "Utfall 2023"],
    [400, "Utfall 2024"],
  ];
  it("starts a row after OCR's blank line, even when the cell before ran to the column's edge", () => {
    const rows = tableRows(
      page([
        header,
        [
          [50, "Barn och unga med insatser, antal", 240],
          [300, "312"],
          [400, "347"],
        ],
        null,
        [
          [50, "Barn och unga placerade i HVB, antal/1000", 240],
          [300, "8,4"],
          [400, "8,1"],
        ],
        [[50, "inv"]],
      ]),
    );
    expect(rows.map((r) => r[0])).toEqual([
      "Barn och unga med insatser, antal",
      "Barn och unga placerade i HVB, antal/1000 inv",
    ]);
  });

  it("keeps a wrapped first cell with its row when no blank line comes between", () => {
    const rows = tableRows(
      page([
        header,
        [
          [50, "Barn och unga placerade i HVB eller", 240],
          [300, "8,4"],
          [400, "8,1"],
        ],
        [[50, "Familjehem, antal"]],
      ]),
    );
    expect(rows.map((r) => r[0])).toEqual(["Barn och unga placerade i HVB eller Familjehem, antal"]);
  });

  it("is read as indicators under its INDIKATOR marker, the percent sign repaired", () => {
    const text =
      "4.1.1 Fler invånare ska nå egen försörjning (SN)\n\nINDIKATOR\n\nTitel\tUtfall 2023\tUtfall 2024\nVuxna med långvarigt ekonomiskt bistånd, andel (96)\t47,1\t45,8\n";
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(parsed.indicators.map((i) => i.name)).toEqual(["Vuxna med långvarigt ekonomiskt bistånd, andel (%)"]);
  });
});

describe("a marker that OCR split at a wide gap", () => {
  const line = (cells: string[]) => ({
    index: 0,
    text: cells.filter(Boolean).join(" | "),
    source: cells.join("\t"),
    cells,
    positioned: null,
    blank: false,
    headingMark: 0,
  });
  it.each([
    [["MÅL", "NÄMND"], "kind"],
    [["SÄRSKILT", "UPPDRAG KF"], "kind"],
    [["MÅL", "INDIKATOR"], null],
    [["MÅL", ""], null],
    [["Mål", "Nämnd"], null],
  ])("%j is the marker %s", (cells, marker) => {
    expect(markerOf(line(cells))).toBe(marker);
  });
});

describe("a percent sign that OCR read as digits", () => {
  it.each([
    ["Invånare med bistånd, andel (96)", "Invånare med bistånd, andel (%)"],
    ["Vuxna biståndsmottagare, Andel (960)", "Vuxna biståndsmottagare, Andel (%)"],
    ["Behöriga elever, procent (9%)", "Behöriga elever, procent (%)"],
    ["Placerade barn, antal (96)", "Placerade barn, antal (96)"],
    ["Andelen 96 procent", "Andelen 96 procent"],
    ["andel (96 av 120)", "andel (96 av 120)"],
  ])("%s → %s", (text, repaired) => {
    expect(repairPercentSigns(text)).toBe(repaired);
  });
});
