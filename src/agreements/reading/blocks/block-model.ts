// Stage 2 of the reader produces blocks: the document as a person sees it — headings, labelled
// markers, paragraphs, list items and tables with the role of each column. Later stages (dates,
// items, passages) read blocks, never raw lines.
import type { ColumnRole } from "../../../shared/lexicon/agreement-vocabulary.ts";

interface BlockBase {
  id: number;
  firstLine: number;
  lastLine: number;
  /** Ordinal of the section the block belongs to (set once sections are known). */
  section: number;
}

export interface HeadingBlock extends BlockBase {
  kind: "heading";
  /** "3.2", "5.5.11"; "Mål 2" style labels keep their own number. */
  number: string | null;
  text: string;
  level: number;
}

export type MarkerKind = "follow-up" | "indicators" | "kind" | "period";

/** An all-capital label opening a block in laid-out agreements: "UPPFÖLJNING", "MÅL KF". */
export interface MarkerBlock extends BlockBase {
  kind: "marker";
  marker: MarkerKind;
  text: string;
}

export interface ParagraphBlock extends BlockBase {
  kind: "paragraph";
  /** The paragraph's sentences re-flowed over the lines they were wrapped on. */
  text: string;
  /** The lines as laid out, for line-oriented content (amount lists, indicator values). */
  lines: string[];
}

export interface ListItemBlock extends BlockBase {
  kind: "listItem";
  text: string;
  lines: string[];
  /** The sentence that introduces the list ("… vid följande sammanträden:"). */
  leadIn: string | null;
}

export interface CellEntry {
  column: number;
  text: string;
  line: number;
}

export interface TableRow {
  /** One text per column. */
  cells: string[];
  /** The cells' pieces in reading order: a row may hold several dates and forms in one column. */
  entries: CellEntry[];
  firstLine: number;
  lastLine: number;
}

export type TableOrigin = "tabs" | "ruled" | "positions" | "cells-per-line" | "labelled" | "records";

export interface TableBlock extends BlockBase {
  kind: "table";
  header: string[] | null;
  roles: ColumnRole[];
  rows: TableRow[];
  origin: TableOrigin;
}

export interface TocBlock extends BlockBase {
  kind: "toc";
  text: string;
}

export type Block = HeadingBlock | MarkerBlock | ParagraphBlock | ListItemBlock | TableBlock | TocBlock;

/** A span of lines a detector claims for a table. */
export interface DetectedTable {
  firstLine: number;
  lastLine: number;
  header: string[] | null;
  roles: ColumnRole[];
  rows: TableRow[];
  origin: TableOrigin;
}

/** A number of the document's outline ("3", "3.2", a lettered part "B", a Roman "VI" or "VI.2"), not a label ("Mål 2", "U1"). */
export function isOutlineNumber(number: string | null): boolean {
  return number !== null && /^(\d|\p{Lu}$|[IVX]{1,6}(\.\d{1,2})*$)/u.test(number);
}

export function rowFromCells(cells: string[], line: number): TableRow {
  return {
    cells,
    entries: cells.flatMap((text, column) => (text ? [{ column, text, line }] : [])),
    firstLine: line,
    lastLine: line,
  };
}
