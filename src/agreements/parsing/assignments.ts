// Assignments and goals: from kind markers above numbered headings (MÅL KF / SÄRSKILT UPPDRAG
// NÄMND / GRUNDVERKSAMHET + "5.5.4 …"), from headings that name the kind ("3.1 Grunduppdrag …"),
// and from tables whose rows are goals or special assignments.
import { fold, repairOcrWords, squash } from "../../shared/text/fold.ts";
import { findDates, type IsoDate } from "../../shared/text/swedish-dates.ts";
import type { AssignmentKind, AssignmentModel } from "../agreement-model.ts";
import { blockMarker, numberedAncestor, type Layout, type Table } from "./document-layout.ts";

export interface AssignmentReading {
  assignments: AssignmentModel[];
  /** The assignment a line belongs to (its section, its table row), or null. */
  ownerOfLine: Array<string | null>;
  /** Assignments defined in each section (by ordinal), for statements like "Uppdragen ska …". */
  assignmentsBySection: Map<number, string[]>;
  /** Tables whose rows are assignments: table start line → row line → assignment key. */
  rowAssignments: Map<number, Map<number, string>>;
  /** Lines holding assignment start/end dates, which are not reporting deadlines. */
  periodLines: Set<number>;
}

/** A key that survives re-imports and OCR noise: kind plus the consonants of the title. */
export function assignmentKey(kind: AssignmentKind, title: string): string {
  const skeleton = fold(title)
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9]/g, "")
    .replace(/[aeiouy]/g, "")
    .slice(0, 40);
  return `${kind}:${skeleton}`;
}

export function kindFromMarker(markerText: string): AssignmentKind | null {
  const text = fold(markerText).replace(/[^a-z ]/g, " ").replace(/\s+/g, " ").trim();
  const fromCouncil = /\b(kf|kommunfullmaktige\w*|ks|kommunstyrelse\w*)\b/.test(text);
  if (/^(grundverksamhet|grunduppdrag)/.test(text)) return "grunduppdrag";
  if (/^sarskil\w* uppdrag|^uppdrag\b/.test(text)) return fromCouncil ? "sarskilt_uppdrag_kf" : "sarskilt_uppdrag_namnd";
  if (/^mal(et)?\b/.test(text)) return fromCouncil ? "mal_kf" : "mal_namnd";
  return null;
}

function kindFromHeading(heading: string): AssignmentKind | null {
  const text = fold(heading);
  if (/^(uppfoljning|aterrapportering|redovisning)/.test(text)) return null;
  if (/^(grunduppdrag|grundverksamhet)\b/.test(text)) return "grunduppdrag";
  if (/^sarskilt uppdrag\b/.test(text)) return /\b(kf|kommunfullmaktige)\b/.test(text) ? "sarskilt_uppdrag_kf" : "sarskilt_uppdrag_namnd";
  if (/^(mal|malet)\s*[:\d]/.test(text)) return "mal_namnd";
  return null;
}

/** Committees tagged at the end of a title: "… arbete (KAN, SN)". */
function committeesOf(title: string): string[] {
  const match = /\(([A-ZÅÄÖ]{2,5}(?:\s*,\s*[A-ZÅÄÖ]{2,5})*)\)\s*$/.exec(title);
  return match ? match[1]!.split(/\s*,\s*/) : [];
}

function kindOfAssignmentTable(table: Table): AssignmentKind | null {
  if (table.header.length < 2) return null;
  const first = fold(table.header[0]!);
  if (/indikator|nyckeltal|kalla/.test(first)) return null;
  const fromCouncil = /kommunfullmaktige|\bkf\b/.test(first);
  if (/\bmal\b|\bmalen\b/.test(first)) return fromCouncil ? "mal_kf" : "mal_namnd";
  if (/uppdrag/.test(first) && !/syfte|beskrivning/.test(first)) return fromCouncil ? "sarskilt_uppdrag_kf" : "sarskilt_uppdrag_namnd";
  return null;
}

function columnIndex(header: string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(fold(cell)));
}

export function readAssignments(layout: Layout): AssignmentReading {
  const { lines, sections } = layout;
  const assignments: AssignmentModel[] = [];
  const ownerOfLine = new Array<string | null>(lines.length).fill(null);
  const assignmentsBySection = new Map<number, string[]>();
  const rowAssignments = new Map<number, Map<number, string>>();
  const periodLines = new Set<number>();
  const usedKeys = new Set<string>();

  const add = (draft: Omit<AssignmentModel, "key" | "ordinal">, sectionOrdinal: number): string => {
    const base = assignmentKey(draft.kind, draft.title);
    let key = base;
    for (let n = 2; usedKeys.has(key); n++) key = `${base}-${n}`;
    usedKeys.add(key);
    assignments.push({ ...draft, key, ordinal: assignments.length });
    assignmentsBySection.set(sectionOrdinal, [...(assignmentsBySection.get(sectionOrdinal) ?? []), key]);
    return key;
  };

  // 1. Numbered sections that are assignments: a kind marker just above, or a kind in the heading.
  for (const section of sections) {
    if (!section.number) continue;
    let kind: AssignmentKind | null = null;
    for (let l = section.startLine - 1; l >= Math.max(0, section.startLine - 4); l--) {
      const line = lines[l]!;
      if (line.blank) continue;
      if (blockMarker(line) === "kind") kind = kindFromMarker(line.text);
      break;
    }
    kind ??= kindFromHeading(section.heading);
    if (!kind) continue;
    // The section runs until the next numbered section (unnumbered subheadings belong to it).
    let end = section.endLine;
    for (const later of sections.slice(section.ordinal + 1)) {
      if (later.number) break;
      end = later.endLine;
    }
    let startDate: IsoDate | null = null;
    let endDate: IsoDate | null = null;
    const description: string[] = [];
    let inBlock = false;
    for (let l = section.startLine + 1; l <= end; l++) {
      const line = lines[l]!;
      const marker = blockMarker(line);
      if (marker === "period") {
        const dates: string[] = [];
        for (let k = l; k <= Math.min(end, l + 8) && dates.length < 2; k++) {
          const found = findDates(lines[k]!.text, null).filter((d) => d.style === "iso");
          if (found.length > 0 || k === l) periodLines.add(k);
          for (const d of found) if (dates.length < 2) dates.push(d.date);
          if (k > l && !lines[k]!.blank && found.length === 0 && !/slutdatum/i.test(fold(lines[k]!.text))) break;
        }
        [startDate = null, endDate = null] = dates;
        inBlock = true;
        continue;
      }
      if (marker === "follow-up" || marker === "indicators" || marker === "kind") inBlock = true;
      if (!inBlock && !line.blank && l > layout.headingEndLine[section.ordinal]!) description.push(line.text);
    }
    const title = repairOcrWords(section.heading);
    const key = add(
      {
        kind,
        number: section.number,
        title,
        description: squash(description.join(" ")).slice(0, 4000),
        section: section.number,
        startDate,
        endDate,
        committees: committeesOf(section.heading),
      },
      section.ordinal,
    );
    for (let l = section.startLine; l <= end; l++) ownerOfLine[l] = key;
  }

  // 2. Tables whose rows are goals or special assignments ("Uppdrag från nämnden | Beskrivning | Rapportering").
  for (const table of layout.tables) {
    const kind = kindOfAssignmentTable(table);
    if (!kind) continue;
    const reportingColumn = columnIndex(table.header, /rapport|redovis|uppfoljning|nar\b|tidpunkt/);
    const rows = new Map<number, string>();
    let current: { key: string; description: string[] } | null = null;
    const section = numberedAncestor(sections, table.sectionOrdinal);
    const flush = () => {
      if (!current) return;
      const assignment = assignments.find((a) => a.key === current!.key)!;
      assignment.description = squash(current.description.join(" ")).slice(0, 4000);
    };
    for (const row of table.rows) {
      const title = row.cells[0]?.trim() ?? "";
      const others = row.cells.slice(1).filter((_, index) => index + 1 !== reportingColumn && row.cells[index + 1]);
      if (title) {
        flush();
        const range = findDates(row.cells.join(" "), null).filter((d) => d.inRange);
        const key = add(
          {
            kind,
            number: null,
            title: title.replace(/\s*\.$/, ""),
            description: "",
            section: section?.number ?? null,
            startDate: range[0]?.date ?? null,
            endDate: range[1]?.date ?? null,
            committees: committeesOf(title.replace(/\s*\.$/, "")),
          },
          table.sectionOrdinal,
        );
        current = { key, description: [...others] };
      } else if (current) {
        current.description.push(...others);
      }
      if (current) {
        rows.set(row.line, current.key);
        ownerOfLine[row.line] = current.key;
      }
    }
    flush();
    rowAssignments.set(table.startLine, rows);
  }

  // 3. Follow-up sections that name their assignment ("3.2 Uppföljning av grunduppdrag X").
  for (const section of sections) {
    const heading = fold(section.heading);
    const match = /^(uppfoljning|aterrapportering|redovisning)( av| for)? (.+)$/.exec(heading);
    if (!match) continue;
    const subject = match[3]!.replace(/[^a-z ]/g, "").trim();
    const target = assignments.find((a) => {
      const title = fold(a.title).replace(/[^a-z ]/g, "").trim();
      return title.length > 0 && (subject === title || subject.endsWith(title) || title.endsWith(subject));
    });
    if (!target) continue;
    assignmentsBySection.set(section.ordinal, [...(assignmentsBySection.get(section.ordinal) ?? []), target.key]);
    for (let l = section.startLine; l <= section.endLine; l++) ownerOfLine[l] ??= target.key;
  }

  return { assignments, ownerOfLine, assignmentsBySection, rowAssignments, periodLines };
}
