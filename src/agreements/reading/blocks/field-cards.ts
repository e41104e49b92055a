// Field cards: agreements that give each assignment a sheet of its own, "ÅTAGANDE 4   Typ: KF-mål"
// over "Rubrik:  Fler unga vuxna …", "Indikatorer:  – …", "Återrapport:  …", the cards set apart by
// dotted rules. A card is read into the blocks the item readers already know: the kind as a
// marker, the title as a labelled heading, indicators as a list, every other field as a paragraph
// that keeps its label ("Återrapport: Muntligt den 15/4.").
import { fold, squash } from "../../../shared/text/fold.ts";
import type { Line } from "../normalise-lines.ts";

export interface CardField {
  /** The label as written, without its colon: "Återrapport", "Förväntat resultat". */
  label: string;
  /** The value re-flowed over its indented continuation lines. */
  value: string;
  /** The value's lines as laid out (list items keep their dashes). */
  lines: string[];
  firstLine: number;
  lastLine: number;
}

export interface FieldCard {
  firstLine: number;
  lastLine: number;
  /** "Åtagande 1": the card's label and number, kept as its section number. */
  label: string;
  /** The title field's value (or the header's own text). */
  title: string;
  /** The line the title is on. */
  titleLine: number;
  /** The value of a "Typ:" field: what kind of assignment the card is. */
  kind: string | null;
  /** The other fields, in order. */
  fields: CardField[];
}

// "ÅTAGANDE 4", "Uppdrag 12", "MÅL 3" — then, after a wide gap, perhaps a field ("Typ: KF-mål").
const cardHeader = /^(\p{Lu}[\p{L}-]{2,24}(?:\s\p{L}{2,12})?)\s+(\d{1,2}[a-z]?)(?:\s*$|\s{2,}(\S.*)$)/u;
// "Rubrik:   …", "Förväntat resultat:", "Start/slut:  2026-01-01 / 2027-06-30".
const fieldLine = /^(\p{Lu}[\p{L}/() -]{1,32}?):(?:\s+(\S.*))?$/u;
const titleLabels = /^(rubrik|titel|namn|benamning|rubrik\/namn|uppdragets namn|malets namn)$/;
const kindLabels = /^(typ|kategori|slag|sort|typ av atagande|typ av uppdrag)$/;
const separator = /^\s*[.\-=_–—*·•~]{8,}\s*$/u;

const indentOf = (source: string) => source.length - source.trimStart().length;

function fieldOf(line: Line): { label: string; value: string } | null {
  if (indentOf(line.source) > 0) return null;
  const match = fieldLine.exec(line.text.trim());
  if (!match) return null;
  const label = squash(match[1]!);
  if (label.split(" ").length > 4) return null;
  return { label, value: squash(match[2] ?? "") };
}

/** Whether a line starts a card: a label and number, and a field on this line or the next. */
function headerOf(lines: Line[], i: number): { label: string; number: string; rest: string | null } | null {
  const line = lines[i]!;
  if (line.blank || line.cells || indentOf(line.source) > 0) return null;
  const match = cardHeader.exec(line.source.trim());
  if (!match) return null;
  const next = lines[i + 1];
  const rest = match[3] ? squash(match[3]) : null;
  if (!next || next.blank || !fieldOf(next)) return null;
  return { label: squash(match[1]!), number: match[2]!, rest };
}

const sentenceCase = (text: string) =>
  text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;

/**
 * The field cards of a document: two or more cards of the same label word, each a header line
 * and at least two fields, a field's value going on over indented lines.
 */
export function findFieldCards(lines: Line[]): FieldCard[] {
  const cards: FieldCard[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = headerOf(lines, i);
    if (!header) continue;
    const fields: CardField[] = [];
    let kind: string | null = null;
    let title: string | null = null;
    let titleLine = i;
    const inline = header.rest ? fieldLine.exec(header.rest) : null;
    if (inline && kindLabels.test(fold(squash(inline[1]!)))) kind = squash(inline[2] ?? "");
    let current: CardField | null = null;
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.blank || separator.test(line.source) || headerOf(lines, j)) break;
      const field = fieldOf(line);
      if (field) {
        current = {
          label: field.label,
          value: field.value,
          lines: field.value ? [field.value] : [],
          firstLine: j,
          lastLine: j,
        };
        fields.push(current);
      } else if (current && indentOf(line.source) >= 2) {
        current.lines.push(line.text.trim());
        current.value = squash(`${current.value} ${line.text.trim()}`);
        current.lastLine = j;
      } else break;
      last = j;
    }
    if (fields.length < 2) continue;
    const kindField = fields.find((f) => kindLabels.test(fold(f.label)));
    if (kindField) kind ??= kindField.value;
    const titleField = fields.find((f) => titleLabels.test(fold(f.label)));
    if (titleField) {
      title = titleField.value;
      titleLine = titleField.firstLine;
    } else if (header.rest && !inline) title = header.rest;
    if (!title) continue;
    cards.push({
      firstLine: i,
      lastLine: last,
      label: `${sentenceCase(header.label)} ${header.number}`,
      title,
      titleLine,
      kind,
      fields: fields.filter((f) => f !== titleField && f !== kindField),
    });
    i = last;
  }
  // One card alone is a form, not a layout of cards.
  const labelWord = (card: FieldCard) => fold(card.label.split(" ")[0]!);
  const counts = new Map<string, number>();
  for (const card of cards) counts.set(labelWord(card), (counts.get(labelWord(card)) ?? 0) + 1);
  return cards.filter((card) => counts.get(labelWord(card))! >= 2);
}

export type FieldRole = "indicators" | "period" | "text";

/** What a field holds, by its label: indicators, the assignment's period, or text. */
export function fieldRole(label: string): FieldRole {
  const folded = fold(label);
  if (/^(indikator|nyckeltal|matt\b|matetal|resultatmatt)/.test(folded)) return "indicators";
  if (/^(start\s*\/\s*slut|period|tidsperiod|tidsram|genomforandetid|start och slut)/.test(folded)) return "period";
  return "text";
}

/** A list field's items: "– Andel …" lines with their wrapped continuations. */
export function listItemsOf(field: CardField): string[] {
  const items: string[] = [];
  for (const line of field.lines) {
    const item = /^[–—•*-]\s+(.*)$/u.exec(line);
    if (item) items.push(item[1]!);
    else if (items.length) items[items.length - 1] = squash(`${items.at(-1)} ${line}`);
    else items.push(line);
  }
  return items;
}
