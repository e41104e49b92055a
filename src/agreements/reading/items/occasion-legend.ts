// Follow-up by occasion codes: a legend defines each occasion once ("T1  Tertialrapport 1 –
// nämndens sammanträde 2026-05-19 (handlingar senast 2026-04-28)", "M1  Muntlig information –
// 2026-03-17"), and a table says which occasions each point is reported at ("D1 | Digital tillsyn |
// M1, T2 | Muntlig/skriftlig"). Neither says a deadline alone; together they give one dated item
// per point and occasion.
import { fold, squash } from "../../../shared/text/fold.ts";
import type { IsoDate } from "../../../shared/text/swedish-dates.ts";
import type { ReportForm } from "../../agreement-model.ts";
import { findTimeMentions } from "../time-mentions.ts";
import { formOf } from "./reporting-language.ts";

export interface LegendEntry {
  code: string;
  /** What the occasion is, without its meeting and due date: "Tertialrapport 1, januari–april". */
  name: string;
  text: string;
  meeting: IsoDate | null;
  /** The day its written material is due, when the legend states it. */
  due: IsoDate | null;
  form: ReportForm | null;
}

// A code of one or two capitals and an optional number ("B", "M1", "SR", "Å"), then the entry's text.
const entryStart = /^([A-ZÅÄÖ]{1,2}\d{0,2})\s+(\p{Lu}.*)$/u;

/**
 * The entries of a legend laid out one code a line (an entry may wrap onto lines that start with
 * something else); null unless three or more lines define distinct codes and two of them a date.
 */
export function legendEntriesOf(lines: string[], year: number | null): LegendEntry[] | null {
  const raw: Array<{ code: string; text: string }> = [];
  for (const line of lines) {
    const start = entryStart.exec(line.trim());
    if (start) raw.push({ code: start[1]!, text: start[2]! });
    else if (raw.length > 0) raw.at(-1)!.text += ` ${line.trim()}`;
    else return null;
  }
  if (raw.length < 3 || new Set(raw.map((r) => r.code)).size < raw.length) return null;
  const entries = raw.map(({ code, text }): LegendEntry => {
    const clean = squash(text);
    const days = findTimeMentions(clean, year).filter((m) => m.precision === "day");
    let meeting: IsoDate | null = null;
    let due: IsoDate | null = null;
    for (const day of days) {
      if (day.precision !== "day") continue;
      const before = fold(clean.slice(Math.max(0, day.index - 30), day.index));
      if (/senast\s*$|tillhanda\s*$/.test(before)) due ??= day.date;
      else meeting ??= day.date;
    }
    // "Tertialrapport 1, januari–april – nämndens sammanträde 2026-05-19 …": the name is what
    // comes before the meeting.
    const name = clean
      .replace(/\s*[–—-]\s*(?:vid\s+)?(?:nämndens|närmast|anmäls|vid)\b.*$/iu, "")
      .replace(/\s*\(.*$/, "")
      .replace(/[\s,.;:]+$/, "");
    const form = formOf(name) ?? (due ? "written" : null);
    return { code, name: name || clean, text: clean, meeting, due, form };
  });
  return entries.filter((e) => e.meeting).length >= 2 ? entries : null;
}

/** The codes a cell lists ("M1, T2", "B, T1 och Å"), when every one of them is a legend's; else null. */
export function occasionCodesIn(cell: string, codes: Set<string>): string[] | null {
  const tokens = cell
    .split(/\s*(?:,|;|\/|\+|\boch\b|&)\s*|\s+/u)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.length === 0 || !tokens.every((t) => codes.has(t))) return null;
  return [...new Set(tokens)];
}
