// Scanned pages: which pages of a PDF need OCR, what reads them, and how OCR's text is made to
// look like the text of a PDF with a text layer (lines, tabs between table columns).

/** Reads pages of a PDF that have no text layer. The PDF reader decides which pages those are. */
export interface ScannedPageReader {
  /**
   * The text of each of `pages` (1-based), by OCR. `onPage` is called as each page is done, in the
   * order they finish. Aborting `signal` stops the work and everything it started.
   */
  read(pdf: Uint8Array, pages: number[], onPage: (page: number) => void, signal?: AbortSignal): Promise<Map<number, string>>;
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

/**
 * Tesseract's text of one page (read with preserve_interword_spaces, so the gap between columns
 * survives as a run of spaces) in the shape the reader gets from a PDF's text layer: a run of three or
 * more spaces is a column break (a tab), rules and specks between columns are dropped, and the form
 * feed that ends the page goes.
 */
export function ocrPageToText(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "")
    .split("\n")
    .map((line) => {
      const cells = line
        .split(/ {3,}|\t/)
        .map((cell) => cell.trim())
        .filter((cell) => cell.length > 0 && !rulingCell.test(cell));
      return cells.join("\t");
    });
  // More than one empty line in a row says nothing more than one does.
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
