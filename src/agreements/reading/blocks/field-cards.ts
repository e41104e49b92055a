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
  /** "Åtagande 1": the card's label and number, kept as its section number; null for a card titled only. */
  label: string | null;
  /** The title field's value (or the header's own text). */
  title: string;
  /** The line the title is on. */
  titleLine: number;
  /** The value of a "Typ:" field: what kind of assignment the card is. */
  kind: string | null;
  /** The other fields, in order. */
  fields: CardField[];
}

// "ÅTAGANDE 4", "Uppdrag 12", "MÅL 3", "SARSKILT UPPDRAG 5" — then, after a wide gap, perhaps a
// field ("Typ: KF-mål") or the title.
const cardHeader = /^(\p{Lu}[\p{L}-]{2,24}(?:\s\p{L}{2,12})?)\s+(\d{1,2}[a-z]?)(?:\s*$|\s{2,}(\S.*)$)/u;
// "Rubrik:   …", "Förväntat resultat:", "Start/slut:  2026-01-01 / 2027-06-30".
const fieldLine = /^(\p{Lu}[\p{L}/() -]{1,32}?):(?:\s+(\S.*))?$/u;
const titleLabels = /^(rubrik|titel|namn|benamning|rubrik\/namn|uppdragets namn|malets namn)$/;
const kindLabels = /^(typ|kategori|slag|sort|typ av atagande|typ av uppdrag)$/;
const separator = /^\s*[.\-=_–—*·•~]{8,}\s*$/u;

const indentOf = (source: string) => source.length - source.trimStart().length;

/** A "Label: value" line at the card's own indent (the document may indent everything a little). */
function fieldOf(line: Line, base: number): { label: string; value: string } | null {
  if (line.blank || line.cells || Math.abs(indentOf(line.source) - base) > 1) return null;
  const match = fieldLine.exec(line.text.trim());
  if (!match) return null;
  const label = squash(match[1]!);
  if (label.split(" ").length > 4) return null;
  return { label, value: squash(match[2] ?? "") };
}

/** The words of the clean text after the first `count` words of the source ("MAL 1   Fler …" → "Fler …"). */
function textAfterWords(line: Line, count: number): string {
  return squash(line.text.split(/\s+/).slice(count).join(" "));
}

/**
 * Whether a line starts a card: a label and number (its title after a wide gap, perhaps wrapped
 * onto indented lines) and then fields. Returns the header, its title and the first field's line.
 */
function headerOf(
  lines: Line[],
  i: number,
): { label: string; number: string; rest: string | null; base: number; fieldsFrom: number } | null {
  const line = lines[i]!;
  if (line.blank || line.cells) return null;
  const base = indentOf(line.source);
  const match = cardHeader.exec(line.source.trim());
  if (!match) return null;
  let rest = match[3] ? textAfterWords(line, match[1]!.split(/\s+/).length + 1) : null;
  let j = i + 1;
  // "SARSKILT UPPDRAG 5   Behovsinventering av bostader med sarskild" / "      service enligt LSS".
  while (
    rest &&
    j < lines.length &&
    j <= i + 2 &&
    !lines[j]!.blank &&
    indentOf(lines[j]!.source) > base + 1 &&
    !fieldOf(lines[j]!, base)
  ) {
    rest = squash(`${rest} ${lines[j]!.text}`);
    j++;
  }
  while (j < lines.length && j <= i + 2 && lines[j]!.blank) j++;
  if (j >= lines.length || !fieldOf(lines[j]!, base)) return null;
  return { label: squash(match[1]!), number: match[2]!, rest, base, fieldsFrom: j };
}

// Fields that schedule a report: where and when, the material's last day, the form.
const scheduleLabel =
  /^(redovisas till|redovisas|aterrapport\w*|rapporteras\w*|rapportering|redovisning|senast|sista dag\w*|form|redovisningsform)$/;

/**
 * A card of fields under a title line of its own ("Verksamhetsberättelse 2025" over "Ansvarig:",
 * "Redovisas till:", "Senast:"): the title, when two fields follow it at once and one schedules a
 * report.
 */
function titledCardOf(lines: Line[], i: number): { title: string; base: number } | null {
  const line = lines[i]!;
  if (line.blank || line.cells) return null;
  const base = indentOf(line.source);
  const text = line.text.trim();
  if (fieldOf(line, base) || /[.:;,]$/.test(text) || text.split(/\s+/).length > 12 || !/^\p{Lu}/u.test(text))
    return null;
  let title = text;
  let j = i + 1;
  // "Delårsbokslut per den 31 augusti 2026" / "(inklusive redovisning av mål 1 och mål 2)".
  if (j < lines.length && !lines[j]!.blank && !fieldOf(lines[j]!, base) && /^\(/.test(lines[j]!.text.trim())) {
    title = squash(`${title} ${lines[j]!.text}`);
    j++;
  }
  const first = lines[j] ? fieldOf(lines[j]!, base) : null;
  const second = lines[j + 1] ? fieldOf(lines[j + 1]!, base) : null;
  if (!first || !second) return null;
  const labels = [first, second].map((f) => fold(f.label));
  return labels.some((l) => scheduleLabel.test(l)) || (lines[j + 2] && fieldOf(lines[j + 2]!, base))
    ? { title, base }
    : null;
}

const sentenceCase = (text: string) =>
  text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;

/** The fields from `from` on, each value going on over lines indented deeper than the card. */
function fieldsFrom(lines: Line[], from: number, base: number): { fields: CardField[]; last: number } {
  const fields: CardField[] = [];
  let current: CardField | null = null;
  let last = from - 1;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.blank || separator.test(line.source) || headerOf(lines, j)) break;
    const field = fieldOf(line, base);
    if (field) {
      current = {
        label: field.label,
        value: field.value,
        lines: field.value ? [field.value] : [],
        firstLine: j,
        lastLine: j,
      };
      fields.push(current);
    } else if (current && indentOf(line.source) >= base + 2) {
      current.lines.push(line.text.trim());
      current.value = squash(`${current.value} ${line.text.trim()}`);
      current.lastLine = j;
    } else break;
    last = j;
  }
  return { fields, last };
}

// "Mål:", "Uppdrag:", "Grunduppdrag:", "Särskilt uppdrag:": a field whose value is the title of the
// item the card describes.
const itemLabels =
  /^(mal|malet|namndmal|kf-mal|delmal|inriktningsmal|uppdrag|uppdraget|grunduppdrag|sarskilt uppdrag|tillaggsuppdrag|utvecklingsuppdrag|atagande|leverans)$/;
// "D2 (nämndmål) Den enskilde ska …", "E1 Utreda behovet …": the item's code and its kind in brackets.
const codedTitle = /^([A-ZÅÄÖ]{1,3}\d{1,2}(?:\.\d{1,2})?)[:.]?\s+(?:\(([^()]{2,40})\)\s+)?(\p{Lu}.*)$/u;

/**
 * A card that opens with the item it describes as a field ("Mål:  D2 (nämndmål) Den enskilde …"
 * over "Beskrivning:", "Indikatorer:", "Återrapportering:"). The code is the card's label, the
 * bracketed kind (or a label that names one, "Nämndmål:") its kind; a bare "Uppdrag:" over a code
 * leaves the kind to the part the card stands in, as a code heading does.
 */
function itemFieldCardAt(lines: Line[], i: number): FieldCard | null {
  const line = lines[i]!;
  if (line.blank || line.cells) return null;
  const base = indentOf(line.source);
  const first = fieldOf(line, base);
  if (!first || !first.value || !itemLabels.test(fold(first.label))) return null;
  const { fields, last } = fieldsFrom(lines, i, base);
  if (fields.length < 3) return null;
  const [titleField, ...rest] = fields;
  const coded = codedTitle.exec(titleField!.value);
  const title = coded ? coded[3]! : titleField!.value;
  const generic = /^(uppdrag|uppdraget|atagande|leverans)$/.test(fold(titleField!.label));
  return {
    firstLine: i,
    lastLine: last,
    label: coded ? coded[1]! : null,
    title: squash(title),
    titleLine: i,
    kind: coded?.[2] ?? (generic && coded ? null : titleField!.label),
    fields: rest,
  };
}

/**
 * The field cards of a document: two or more cards of the same label word, each a header line
 * and at least two fields, a field's value going on over indented lines; and two or more cards
 * titled by a line of their own whose fields schedule a report.
 */
export function findFieldCards(lines: Line[]): FieldCard[] {
  const labelled: FieldCard[] = [];
  const titled: FieldCard[] = [];
  const itemCards: FieldCard[] = [];
  for (let i = 0; i < lines.length; i++) {
    const itemCard = itemFieldCardAt(lines, i);
    if (itemCard) {
      itemCards.push(itemCard);
      i = itemCard.lastLine;
      continue;
    }
    const header = headerOf(lines, i);
    if (header) {
      const { fields, last } = fieldsFrom(lines, header.fieldsFrom, header.base);
      if (fields.length < 2) continue;
      let kind: string | null = null;
      const inline = header.rest ? fieldLine.exec(header.rest) : null;
      if (inline && kindLabels.test(fold(squash(inline[1]!)))) kind = squash(inline[2] ?? "");
      const kindField = fields.find((f) => kindLabels.test(fold(f.label)));
      if (kindField) kind ??= kindField.value;
      const titleField = fields.find((f) => titleLabels.test(fold(f.label)));
      const title = titleField ? titleField.value : header.rest && !inline ? header.rest : null;
      if (!title) continue;
      labelled.push({
        firstLine: i,
        lastLine: last,
        label: `${sentenceCase(header.label)} ${header.number}`,
        title,
        titleLine: titleField ? titleField.firstLine : i,
        kind,
        fields: fields.filter((f) => f !== titleField && f !== kindField),
      });
      i = last;
      continue;
    }
    const titledCard = titledCardOf(lines, i);
    if (titledCard) {
      let from = i + 1;
      while (from < lines.length && !fieldOf(lines[from]!, titledCard.base)) from++;
      const { fields, last } = fieldsFrom(lines, from, titledCard.base);
      if (fields.length < 2) continue;
      titled.push({
        firstLine: i,
        lastLine: last,
        label: null,
        title: titledCard.title,
        titleLine: i,
        kind: null,
        fields,
      });
      i = last;
    }
  }
  // One card alone is a form, not a layout of cards.
  const labelWord = (card: FieldCard) => fold(card.label!.split(" ")[0]!);
  const counts = new Map<string, number>();
  for (const card of labelled) counts.set(labelWord(card), (counts.get(labelWord(card)) ?? 0) + 1);
  return [
    ...labelled.filter((card) => counts.get(labelWord(card))! >= 2),
    ...(titled.length >= 2 ? titled : []),
    ...(itemCards.length >= 2 ? itemCards : []),
  ].sort((a, b) => a.firstLine - b.firstLine);
}

export type FieldRole = "indicators" | "period" | "when" | "due" | "how" | "text";

/** What a field holds, by its label: indicators, the assignment's period, when and how it is reported, or text. */
export function fieldRole(label: string): FieldRole {
  const folded = fold(label);
  if (/^(redovisas till|redovisas|rapporteras\w*|aterrapport\w*|rapportering|redovisning|nar)$/.test(folded))
    return "when";
  if (/^(senast|sista dag\w*|underlag senast|handlingar senast|inlamning)$/.test(folded)) return "due";
  if (/^(form|redovisningsform|rapportform)$/.test(folded)) return "how";
  if (/^(indikator|nyckeltal|matt\b|matetal|resultatmatt)/.test(folded)) return "indicators";
  if (/^(start\s*\/\s*slut|period|tidsperiod|tidsram|genomforandetid|start och slut)/.test(folded)) return "period";
  return "text";
}

/** A list field's items: "– Andel …" lines with their wrapped continuations. */
export function listItemsOf(field: CardField): string[] {
  const items: string[] = [];
  for (const line of field.lines) {
    const item = /^(?:[–—•*-]|[a-zå-ö][.)]|\d{1,2}[.)])\s+(.*)$/u.exec(line);
    if (item) items.push(item[1]!);
    else if (items.length) items[items.length - 1] = squash(`${items.at(-1)} ${line}`);
    else items.push(line);
  }
  return items;
}
