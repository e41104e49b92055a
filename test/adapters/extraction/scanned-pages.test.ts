// Which PDF pages count as scans, and how Tesseract's words become lines, columns and positions.
import { describe, expect, it } from "vitest";
import { ocrWordsToPage, pageNeedsOcr } from "../../../src/adapters/extraction/scanned-pages.ts";
import { recall } from "../../fixtures/scanned/recall.ts";

/** A TSV row for one word: block.paragraph.line, then its box in pixels. */
function word(
  line: [number, number, number],
  left: number,
  top: number,
  width: number,
  height: number,
  text: string,
): string {
  return [5, 1, ...line, 1, left, top, width, height, 95, text].join("\t");
}
const header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

describe("deciding which pages need OCR", () => {
  it("a page with no text layer, or only a page number or a scanner's stamp, is a scan", () => {
    expect(pageNeedsOcr("")).toBe(true);
    expect(pageNeedsOcr("  3  ")).toBe(true);
    expect(pageNeedsOcr("Skannad 2025-01-12 av KOPIATOR-3")).toBe(true);
  });

  it("a page with a paragraph of text is read from its text layer", () => {
    expect(pageNeedsOcr("Divisionen redovisar uppdragen vid nämndens sammanträden.")).toBe(false);
  });
});

describe("turning Tesseract's words into a page", () => {
  // 300 dpi: 300 px are 72 points.
  const tsv = [
    header,
    word([1, 1, 1], 200, 100, 150, 40, "Vad"),
    word([1, 1, 1], 900, 100, 150, 40, "När"),
    word([1, 1, 1], 1400, 100, 150, 40, "Hur"),
    word([1, 1, 2], 200, 160, 300, 40, "Simkunnighet"),
    word([1, 1, 2], 515, 160, 30, 40, "i"),
    word([1, 1, 2], 560, 160, 200, 40, "årskurs"),
    // A speck between the columns, far smaller than the letters.
    word([1, 1, 2], 820, 175, 5, 5, "-"),
    // A dash-like speck glued to the start of a cell.
    word([1, 1, 2], 880, 172, 12, 20, "—"),
    word([1, 1, 2], 900, 160, 260, 40, "2025-03-19"),
    word([1, 1, 2], 1400, 160, 180, 40, "Muntlig"),
    // A table's ruling read as a bar, alone in the gap.
    word([1, 1, 3], 1300, 220, 10, 40, "|"),
    word([1, 1, 3], 1400, 220, 180, 40, "rapport"),
    // After a gap of several lines: a new paragraph.
    word([2, 1, 1], 150, 500, 30, 40, "–"),
    word([2, 1, 1], 200, 500, 220, 40, "Nämndens"),
    word([2, 1, 1], 435, 500, 300, 40, "sammanträde"),
  ].join("\n");
  const page = ocrWordsToPage(tsv, 300, 2);

  it("puts words apart by a word space in one span and a column's gap between spans (a tab)", () => {
    expect(page.text.split("\n")).toEqual([
      "Vad\tNär\tHur",
      "Simkunnighet i årskurs\t2025-03-19\tMuntlig",
      "rapport",
      "",
      "– Nämndens sammanträde",
    ]);
  });

  it("keeps where each cell starts, in points, with the page", () => {
    const [first, second, third] = page.lines;
    expect(first!.spans.map((s) => s.x)).toEqual([48, 216, 336]);
    expect(second!.spans.map((s) => s.text)).toEqual(["Simkunnighet i årskurs", "2025-03-19", "Muntlig"]);
    expect(third!.spans).toEqual([{ x: 336, width: expect.closeTo(43.2, 5), text: "rapport" }]);
    expect(page.lines.every((line) => line.page === 2)).toBe(true);
    expect(second!.y).toBeGreaterThan(first!.y);
  });

  it("gives one positioned entry per line of text, as the reader expects", () => {
    expect(page.lines).toHaveLength(page.text.split("\n").length);
  });

  it("makes an empty page of a page where Tesseract found nothing", () => {
    expect(ocrWordsToPage(header, 300, 1)).toEqual({ text: "", lines: [] });
  });
});

describe("measuring recall against the text version", () => {
  it("matches items by date and a similar title, one to one", () => {
    const expected = [
      { date: "2025-03-19", title: "Simkunnighet i årskurs tre" },
      { date: "2025-03-19", title: "Simkunnighet i årskurs tre" },
      { date: "2025-05-31", title: "Öppna fritidsgårdar på helger" },
    ];
    const found = [
      { date: "2025-03-19", title: "Simkunnighet i årskurs tre" },
      { date: "2025-05-31", title: "Öppna fritidsgårdar på helger Föreningsbidrag i digital form" },
    ];
    expect(recall(expected, found)).toMatchObject({ matched: 1, total: 3 });
  });
});
