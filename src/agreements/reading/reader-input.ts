// What the reader starts from: the extracted text and, for PDFs with a text layer, where each
// piece of text sat on its page. Positions let the reader find table columns that PDF text loses
// when the gap between two cells is narrow.

export interface PositionedSpan {
  x: number;
  width: number;
  text: string;
}

export interface PositionedLine {
  page: number;
  /** Baseline from the top of the page, in PDF units. */
  y: number;
  spans: PositionedSpan[];
}

export interface ReaderInput {
  text: string;
  /** One entry per line of `text`, in the same order, when the extractor kept positions. */
  positionedLines?: PositionedLine[] | null;
}
