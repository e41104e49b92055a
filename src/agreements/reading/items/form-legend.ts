// Forms given as codes a legend explains: "S = skriftlig avrapportering, M = muntlig avrapportering"
// over a calendar whose entries end in "(S)" or "(M)", two reports of one meeting set apart by ";"
// ("Resultat matsvinnsmätning (M); Tilläggsuppdrag A – plan (S)"). Without a legend a letter in
// brackets says nothing: "(S)" could be a party's code.
import { fold } from "../../../shared/text/fold.ts";
import type { ReportForm } from "../../agreement-model.ts";

/** The form codes a text defines: "S = skriftlig …" → S: written, "M = muntligt" → M: oral. */
export function formLegendOf(text: string, pairs: Array<[string, string]> = []): Map<string, ReportForm> {
  const legend = new Map<string, ReportForm>();
  for (const match of text.matchAll(/(?<![\p{L}\d])([A-ZÅÄÖ]{1,2})\s*=\s*(skriftlig|muntlig)\p{L}*/gu)) {
    legend.set(match[1]!, fold(match[2]!) === "skriftlig" ? "written" : "oral");
  }
  // "Kod | Betydelse" rows, or a code on a line of its own over its meaning: "S+M" / "Skriftlig
  // rapport som även föredras muntligt" is both.
  for (const [cell, meaning] of pairs) {
    const code = cell.trim();
    const folded = fold(meaning);
    if (!/^\p{Lu}{1,3}(?:\+\p{Lu}{1,3})*$/u.test(code) || legend.has(code) || !/^(skriftlig|muntlig)/.test(folded))
      continue;
    const written = /\bskriftlig/.test(folded);
    const oral = /\bmuntlig/.test(folded);
    legend.set(code, written && oral ? "both" : written ? "written" : "oral");
  }
  return legend;
}

/** A form code alone in a cell of an entry's row ("Lägesrapport | 2026-06-17 | M | VON"): the form it stands for. */
export function formOfCodeCell(cells: string[], legend: Map<string, ReportForm>): ReportForm | null {
  for (const cell of cells) {
    const form = legend.get(cell.trim());
    if (form) return form;
  }
  return null;
}

export interface CodedEntry {
  title: string;
  form: ReportForm | null;
}

const codeAtEnd = /\s*\(([A-ZÅÄÖ]{1,2})\)\s*$/u;

/**
 * The reports an entry names, each with the form its code gives: "Årsrapport (S)" → one written
 * report "Årsrapport"; "A (M); B (S)" → an oral A and a written B. An entry with no code the
 * legend knows is returned as it is, with no form.
 */
export function codedEntries(title: string, legend: Map<string, ReportForm>): CodedEntry[] {
  if (legend.size === 0) return [{ title, form: null }];
  const parts = title.split(/\s*;\s*/).filter((part) => part.trim());
  const read = parts.map((part) => {
    const code = codeAtEnd.exec(part);
    const form = code ? (legend.get(code[1]!) ?? null) : null;
    return { title: form ? part.slice(0, code!.index).trim() : part.trim(), form };
  });
  // Parts are reports of their own only when each carries a code; otherwise the ";" is the text's.
  if (read.length > 1 && read.some((entry) => entry.form === null)) {
    const whole = codeAtEnd.exec(title);
    const form = whole ? (legend.get(whole[1]!) ?? null) : null;
    return [{ title: form ? title.slice(0, whole!.index).trim() : title, form }];
  }
  return read;
}
