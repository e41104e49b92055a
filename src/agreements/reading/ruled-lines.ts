// Lines of a table drawn with characters: Markdown pipe rows ("| G1 | Bibliotek |"), grid
// tables exported from Word or pandoc ("+-----+-----+", "+=====+"), separator rows ("|---|:--|")
// and the box-drawing characters some converters use ("│ G1 │", "├────┼────┤"). Recognised
// before the columns of space-aligned text are looked for, because the spaces that pad a drawn
// cell are layout of the drawing, not column gaps.

/** The characters that draw a cell's left and right edges. */
export const cellEdge = /[|│┃║]/gu;

const rowShape = /^\s*[|│┃║].*[|│┃║]\s*$/u;
// Only rule characters, with a run of dashes or equals signs (or a box-drawing rule) in it.
const borderShape = /^\s*[-=:+|│┃║─━═┼┬┴├┤┌┐└┘╔╗╚╝╠╣╦╩╬╞╡╪╟╢╤╧\s]+$/u;
const ruleRun = /-{3,}|={3,}|[─━═]{2,}/u;

/** "+-----+-----+", "|-----|------|", "| --- | :-: |", "├────┼────┤": a border or separator of a drawn table. */
export function isRuledBorder(source: string): boolean {
  return borderShape.test(source) && ruleRun.test(source) && /[+|│┃║┼├┤┌┐└┘╔╗╚╝╠╣╬]/u.test(source);
}

// "Vad | När | Form | Underlag senast": cells parted by pipes with no outer edges (a text export
// of a table, or one typed that way): two spaced pipes or more between words.
const openRowShape = /^\s*[^\s|│┃║][^|│┃║]*(?:\s[|│┃║]\s+[^|│┃║]*){2,}$/u;

/** "| G1 | Bibliotek | … |" or "Vad | När | Form": a row of a drawn table (not its border). */
export function isRuledRow(source: string): boolean {
  if (isRuledBorder(source)) return false;
  if (rowShape.test(source)) return (source.match(cellEdge)?.length ?? 0) >= 2;
  return openRowShape.test(source.trimEnd());
}

export function isRuledLine(source: string): boolean {
  return isRuledRow(source) || isRuledBorder(source);
}

/** The cells of a drawn row, trimmed: "| a |  | b |" → ["a", "", "b"]. */
export function ruledCells(source: string): string[] {
  const inner = source
    .trim()
    .replace(/^[|│┃║]/u, "")
    .replace(/[|│┃║]$/u, "");
  return inner.split(cellEdge).map((cell) => cell.replace(/\s+/g, " ").trim());
}
