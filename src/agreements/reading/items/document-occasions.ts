// The document's own follow-up occasions, defined once ("T1 – tertialrapport 1, avser januari–april
// och behandlas av nämnden den 21 maj 2026", "T3 – verksamhetsberättelse … i februari 2027") and
// then used by code or name ("Målet följs upp i T1 och T3", "en lägesrapport lämnas i
// tertialrapport 1"). What is reported at an occasion is due when the occasion is.
import { findPeriods } from "../../../shared/lexicon/periods.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import type { Block } from "../blocks/block-model.ts";
import { findTimeMentions, type TimeMention } from "../time-mentions.ts";

export interface DocumentOccasion {
  /** The document's code for it: "T1", "D". */
  code: string;
  /** "Tertialrapport 1", "Delårsrapport". */
  name: string;
  /** The period codes the occasion stands for: its own code when it is one ("T1"), and what its name says ("D"). */
  periods: string[];
  /** When it is: the meeting day, or the month. */
  mention: TimeMention;
  blockId: number;
}

// "T1 – tertialrapport 1, …", "D: Delårsrapport …", "H = helår …".
const entry = /^([A-ZÅÄÖ]{1,2}\d{0,2})\s*[–—:=-]\s*(\p{L}.+)$/u;

/** One entry of a list of occasions, or null. */
export function occasionEntry(text: string, year: number | null, blockId: number): DocumentOccasion | null {
  const match = entry.exec(squash(text).replace(/^[•▪◦*–-]\s+/u, ""));
  if (!match) return null;
  const [, code, rest] = match as unknown as [string, string, string];
  // When it is comes last ("avser januari–april och behandlas … den 21 maj 2026"): what it covers comes first.
  const mention = findTimeMentions(rest, year).at(-1);
  if (!mention) return null;
  const name = squash(rest.split(/,|\s[–—-]\s|\s(?:avser|och behandlas|behandlas|lämnas|som)\s/u)[0]!).replace(
    /[.;:]$/,
    "",
  );
  if (!name || name.split(" ").length > 6) return null;
  const periods = [...new Set(findPeriods(fold(`${code} ${name}`)).map((p) => p.code as string))];
  return { code, name: name.charAt(0).toUpperCase() + name.slice(1), periods, mention, blockId };
}

/** The occasions a document defines: two or more entries with distinct codes (list items or lines of a paragraph). */
export function documentOccasionsOf(blocks: Block[], year: number | null): DocumentOccasion[] {
  const found: DocumentOccasion[] = [];
  for (const block of blocks) {
    const texts = block.kind === "listItem" ? [block.text] : block.kind === "paragraph" ? block.lines : [];
    for (const text of texts) {
      const occasion = occasionEntry(text, year, block.id);
      if (occasion && occasion.periods.length > 0) found.push(occasion);
    }
  }
  const codes = new Set(found.map((o) => o.code));
  return found.length >= 2 && codes.size === found.length ? found : [];
}

/** The occasion a period code means in this document ("T1", or "D" for the occasion named delårsrapport). */
export function occasionFor(occasions: DocumentOccasion[], code: string): DocumentOccasion | null {
  return occasions.find((o) => o.code === code) ?? occasions.find((o) => o.periods.includes(code)) ?? null;
}
