// Scanned pages: which pages of a PDF need OCR, what reads them, and how OCR's words are made to
// look like a page with a text layer (lines, tabs between table columns, where each piece sat).
import type { PositionedLine, PositionedSpan } from "../../agreements/reading/reader-input.ts";

/** Reads pages of a PDF that have no text layer. The PDF reader decides which pages those are. */
export interface ScannedPageReader {
  /**
   * The text of each of `pages` (1-based), by OCR. `onPage` is called as each page is done, in the
   * order they finish. Aborting `signal` stops the work and everything it started.
   */
  read(
    pdf: Uint8Array,
    pages: number[],
    onPage: (page: number) => void,
    signal?: AbortSignal,
  ): Promise<Map<number, OcrPage>>;
}

/**
 * Fewer letters than this on a page means its text layer is missing or only a stamp, a page number
 * or a scanner's header line; a page of an agreement has hundreds.
 */
export const scannedPageLetterThreshold = 25;

/** Whether a page whose text layer reads `pageText` is a scan (and needs OCR). */
export function pageNeedsOcr(pageText: string): boolean {
  return (pageText.match(/\p{L}/gu) ?? []).length < scannedPageLetterThreshold;
}

// A cell of only a rule or a speck: what OCR makes of a table's vertical lines and the dirt between columns.
const rulingCell = /^[|:;.,'"`´¨~_!¦\\/]{1,2}$/;

/** One page read by OCR: its lines as text (wide gaps as tabs) and where each piece sat, like a text-layer page. */
export interface OcrPage {
  text: string;
  lines: PositionedLine[];
}

interface Word {
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Tesseract's TSV (one row per word, with its box in pixels at `dpi`) as a page in the shape the
 * reader gets from a PDF's text layer. Words closer than 0.6 of the font size (the line's tallest
 * word) are one span (a word space is about 0.3); a wider gap is a column break, so a
 * table's cells become spans at their columns' x and tabs in the text, and the positional table
 * reader finds the columns as it does in a typeset PDF. Rules and specks alone in a gap are dropped.
 */
export function ocrWordsToPage(tsv: string, dpi: number, page: number): OcrPage {
  const points = 72 / dpi;
  const words: Word[] = [];
  for (const row of tsv.split("\n").slice(1)) {
    const cells = row.split("\t");
    if (cells[0] !== "5" || cells.length < 12) continue;
    const text = cells.slice(11).join("\t").trim();
    if (!text) continue;
    const [left, top, width, height] = cells.slice(6, 10).map(Number) as [number, number, number, number];
    words.push({
      line: cells.slice(2, 5).join("."),
      left: left * points,
      top: top * points,
      width: width * points,
      height: height * points,
      text,
    });
  }
  const grouped: Word[][] = [];
  for (const word of words) {
    const last = grouped.at(-1);
    if (last && last[0]!.line === word.line) last.push(word);
    else grouped.push([word]);
  }
  const out: string[] = [];
  const located: PositionedLine[] = [];
  let previous: { bottom: number; em: number } | null = null;
  for (const lineWords of grouped) {
    lineWords.sort((a, b) => a.left - b.left);
    const size = median(lineWords.map((w) => w.height)) || 8;
    // The tallest word spans ascender to descender, about the font size, whatever the words' case.
    const em = Math.max(...lineWords.map((w) => w.height));
    const spans: PositionedSpan[] = [];
    // A speck read as "-" or "'" is far smaller than the letters around it; left in, it would move a cell's start.
    for (const word of lineWords.filter((w) => /[\p{L}\p{N}]/u.test(w.text) || w.height >= size * 0.5)) {
      const span = spans.at(-1);
      if (span && word.left - (span.x + span.width) <= em * 0.6) {
        // A dash or bar that opens a later cell ("— 2025-08-27") is a rule or a speck; at the start of a line it is a bullet.
        if (span.text.length <= 1 && spans.length > 1 && !/[\p{L}\p{N}]/u.test(span.text)) {
          span.x = word.left;
          span.width = word.width;
          span.text = word.text;
          continue;
        }
        span.text += ` ${word.text}`;
        span.width = word.left + word.width - span.x;
      } else spans.push({ x: word.left, width: word.width, text: word.text });
    }
    const kept = spans.filter((span) => !rulingCell.test(span.text));
    if (kept.length === 0) continue;
    const bottom = Math.max(...lineWords.map((w) => w.top + w.height));
    // A step of more than about one and a half lines is a paragraph break, as in a text-layer page.
    if (previous && bottom - previous.bottom > previous.em * 1.6) {
      out.push("");
      located.push({ page, y: bottom, spans: [] });
    }
    out.push(kept.map((span) => span.text).join("\t"));
    located.push({ page, y: bottom, spans: kept });
    previous = { bottom, em };
  }
  return { text: out.join("\n"), lines: located };
}
