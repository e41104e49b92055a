// Indicators / key figures (with their source and whether figures must be split by sex) and
// the economy table (activity, amount in tkr).
import { fold, repairOcrWords, squash } from "../../shared/text/fold.ts";
import type { EconomyLineModel, IndicatorModel } from "../agreement-model.ts";
import type { AssignmentReading } from "./assignments.ts";
import { blockMarker, numberedAncestor, type Layout } from "./document-layout.ts";

/** "Verksamheterna ska redovisa könsuppdelad statistik", "redovisas per juridiskt kön". */
export function demandsSexSplit(text: string): boolean {
  const folded = fold(text);
  return /konsuppdelad|juridiskt kon|per kon\b|uppdelat pa kon|kvinnor och man|flickor och pojkar/.test(folded) && /statistik|nyckeltal|indikator|redovis/.test(folded);
}

function sourceOf(text: string): string | null {
  const folded = fold(text);
  if (/kolada/.test(folded)) return "Kolada";
  if (/egen statistik|egna verksamhetssystem|egna matningar|egen matning/.test(folded)) return "Egen statistik";
  if (/\bscb\b/.test(folded)) return "SCB";
  if (/socialstyrelsen/.test(folded)) return "Socialstyrelsen";
  return null;
}

function ownerFor(reading: AssignmentReading, sectionOrdinal: number, line: number, headerText: string): string | null {
  const inSection = reading.assignmentsBySection.get(sectionOrdinal) ?? [];
  if (inSection.length > 1) {
    // "Nyckeltal för Kommunfullmäktiges mål" → the council's goal in this section.
    const wantsCouncil = /kommunfullmaktige|\bkf\b/.test(fold(headerText));
    const wantsGoal = /\bmal\b/.test(fold(headerText));
    const candidates = reading.assignments.filter((a) => inSection.includes(a.key));
    const matching = candidates.filter((a) => (wantsGoal ? a.kind.startsWith("mal") : true) && (wantsCouncil ? a.kind.endsWith("_kf") : !a.kind.endsWith("_kf")));
    if (matching.length === 1) return matching[0]!.key;
  }
  if (inSection.length === 1) return inSection[0]!;
  return reading.ownerOfLine[line] ?? null;
}

export function readIndicators(layout: Layout, reading: AssignmentReading, fullText: string): Array<Omit<IndicatorModel, "unit">> {
  const documentSplit = demandsSexSplit(fullText);
  const indicators: Array<Omit<IndicatorModel, "unit">> = [];
  const section = (ordinal: number) => numberedAncestor(layout.sections, ordinal)?.number ?? null;
  // Tables: "Indikatorer för … | Källa".
  for (const table of layout.tables) {
    const first = fold(table.header[0] ?? "");
    if (!/indikator|nyckeltal/.test(first)) continue;
    const sourceColumn = table.header.findIndex((cell) => /kalla|datakalla/.test(fold(cell)));
    // The paragraph before the table may name the source for all rows ("samtliga är hämtade från egna verksamhetssystem").
    const intro = layout.lines.slice(Math.max(0, table.startLine - 3), table.startLine).map((l) => l.text).join(" ");
    const defaultSource = sourceOf(intro);
    for (const row of table.rows) {
      const name = squash(row.cells[0] ?? "");
      if (!name) continue;
      const sourceCell = sourceColumn >= 0 ? row.cells[sourceColumn] ?? "" : "";
      indicators.push({
        ordinal: indicators.length,
        assignmentKey: ownerFor(reading, table.sectionOrdinal, row.line, table.header.join(" ")),
        name,
        source: sourceOf(sourceCell) ?? (sourceCell ? squash(sourceCell) : defaultSource),
        splitBySex: documentSplit || demandsSexSplit(name) || /kvinnor|män|kön/i.test(name),
        section: section(table.sectionOrdinal),
      });
    }
  }
  // Labelled blocks of scanned agreements: "INDIKATOR" / "Titel Utfall 2023 …" / rows whose values end the first line.
  const { lines } = layout;
  const numberedStarts = new Set(layout.sections.filter((s) => s.number).map((s) => s.startLine));
  for (let start = 0; start < lines.length; start++) {
    if (blockMarker(lines[start]!) !== "indicators") continue;
    let current: string[] | null = null;
    const flush = () => {
      if (!current) return;
      const name = repairOcrWords(squash(current.join(" ").replace(/[|]/g, " ")));
      if (name.length > 3) {
        indicators.push({
          ordinal: indicators.length,
          assignmentKey: reading.ownerOfLine[start] ?? null,
          name,
          source: sourceOf(name),
          splitBySex: documentSplit || /kvinnor|män|kön/i.test(name),
          section: section(layout.sectionOfLine[start]!),
        });
      }
      current = null;
    };
    for (let l = start + 1; l < lines.length; l++) {
      const line = lines[l]!;
      if (numberedStarts.has(l) || blockMarker(line)) break;
      if (line.blank) continue;
      if (/^titel\b/.test(fold(line.text))) continue;
      const values = /^(.*?\p{L}.*?)[\s|]+((?:-?\d+(?:[,.]\d+)?\s*%?\s*)+)\s*\w?$/u.exec(line.text);
      if (values && /\d/.test(values[2]!) && !/\d-\d/.test(values[2]!)) {
        flush();
        current = [values[1]!];
      } else if (current) current.push(line.text);
      else current = [line.text];
    }
    flush();
  }
  return indicators;
}

const amountPattern = /-\s?\d{1,3}(?:[ \u00A0]\d{3})+(?:,\d+)?(?!\d)|-?\d{1,3}(?:[ \u00A0]\d{3})+(?:,\d+)?(?!\d)|-?\d+(?:,\d+)?(?!\d)/g;

export function parseAmounts(text: string): number[] {
  return [...text.matchAll(amountPattern)].map((m) => Number(m[0].replace(/[\s\u00A0]/g, "").replace(",", ".")));
}

export function readEconomy(layout: Layout): EconomyLineModel[] {
  const lines: EconomyLineModel[] = [];
  const section = (ordinal: number) => numberedAncestor(layout.sections, ordinal)?.number ?? layout.sections[ordinal]?.heading ?? null;
  const usedSections = new Set<number>();
  for (const table of layout.tables) {
    const amountColumn = table.header.findIndex((cell) => /\btkr\b|ersattning|belopp|budget|kostnad|intakt|ram\b/.test(fold(cell)));
    if (amountColumn <= 0) continue;
    usedSections.add(table.sectionOrdinal);
    for (const row of table.rows) {
      const activity = squash(row.cells[0] ?? "");
      const amounts = parseAmounts(row.cells[amountColumn] ?? "");
      if (!activity || amounts.length === 0) continue;
      lines.push({ ordinal: lines.length, activity, amountTkr: amounts.at(-1)!, amounts, isTotal: /^(summa|totalt|total)\b/i.test(activity), section: section(table.sectionOrdinal) });
    }
  }
  // Scanned economy sections: "Barn och Unga -124 613 -146 900" lines under an "Ekonomi" heading.
  for (const candidate of layout.sections) {
    if (usedSections.has(candidate.ordinal) || !/^ekonomi\b/.test(fold(candidate.heading))) continue;
    const found: EconomyLineModel[] = [];
    for (let l = candidate.startLine + 1; l <= candidate.endLine; l++) {
      const text = layout.lines[l]!.text.replace(/^[|•e-]\s+/, "");
      const tkr = /^(.*?\p{L}.*?)\s+(-?\d[\d ]*)\s*tkr\.?$/u.exec(text);
      const match = tkr ?? /^(\p{L}.*?\p{L}\)?)\s+((?:-?\s?\d[\d ]*\s*)+)$/u.exec(text);
      if (!match || match[1]!.length > 80) continue;
      const amounts = parseAmounts(match[2]!);
      if (amounts.length === 0) continue;
      const activity = squash(match[1]!.replace(/^[-–]\s*/, ""));
      found.push({ ordinal: 0, activity, amountTkr: amounts.at(-1)!, amounts, isTotal: /^(summa|totalt|total)\b/i.test(activity), section: section(candidate.ordinal) });
    }
    if (found.length >= 3) for (const line of found) lines.push({ ...line, ordinal: lines.length });
  }
  return lines;
}
