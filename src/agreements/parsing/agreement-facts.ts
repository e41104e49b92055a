// Who signed, for which year, under which diarienummer: read from the document's header
// table, its title and its first pages. Also decides whether the text is an agreement at all.
import { fold, ocrRegex, repairOcrWords, squash } from "../../shared/text/fold.ts";
import { findDates, type IsoDate } from "../../shared/text/swedish-dates.ts";
import type { AgreementFacts, DocumentClassification, NamedParty } from "../agreement-model.ts";
import type { Layout } from "./document-layout.ts";

const agreementWord = ocrRegex("{överenskommelse}");

function headerCell(layout: Layout, labels: RegExp): string | null {
  for (const line of layout.lines.slice(0, 200)) {
    if (line.cells && line.cells.length >= 2 && labels.test(fold(line.cells[0]!))) {
      const value = squash(line.cells.slice(1).join(" "));
      if (value) return value;
    }
  }
  return null;
}

function findTitle(layout: Layout): string {
  const fromTable = headerCell(layout, /^(dokumenttitel|titel)$/);
  if (fromTable) return fromTable;
  const lines = layout.lines.slice(0, 120).filter((l) => !l.blank && !l.cells);
  for (let k = 0; k < lines.length; k++) {
    const text = lines[k]!.text;
    if (!agreementWord.test(text) || text.length > 140 || /^(detta|denna|det|nedan)\b/i.test(text)) continue;
    if (!/^[\p{Lu}\d"”]/u.test(text) || /[.;,]$/.test(text)) continue;
    let title = text;
    // A title that wraps ("… överenskommelse om" / "verksamhet 2026") continues on the next line.
    if (/\b(om|mellan|och|for|för|avseende)$/i.test(title) && lines[k + 1] && lines[k + 1]!.text.length < 80) {
      title = `${title} ${lines[k + 1]!.text}`;
    }
    return repairOcrWords(squash(title));
  }
  const first = lines[0]?.text ?? "Namnlöst dokument";
  // A lone word on top ("Socialnämnden") is usually the sender; the subject follows.
  if (!/\s/.test(first) && lines[1] && lines[1].text.length < 100) return repairOcrWords(`${first} – ${lines[1].text}`);
  return repairOcrWords(first);
}

/** "Kompetens- och arbetsmarknadsnämnden" → "KAN", "Socialnämnden" → "SN", "Division Social omsorg" → "DSO". */
export function initials(name: string): string {
  const words = name
    .replace(/^division\s+/i, "Division ")
    .split(/[\s]+/)
    .filter((w) => w && !/^(och|i|för|for|av)$/i.test(w));
  let code = "";
  for (const word of words) {
    const folded = fold(word.replace(/-$/, ""));
    const suffix = /^(.+?)(namnden|namnd|styrelsen|forvaltningen)$/.exec(folded);
    if (suffix && suffix[1]!.length > 1) code += suffix[1]![0]!.toUpperCase() + suffix[2]![0]!.toUpperCase();
    else code += folded[0]!.toUpperCase();
  }
  return code;
}

function canonicalCommitteeKey(name: string): string {
  return fold(name).replace(/n\w{1,2}mnd/g, "namnd").replace(/[^a-z]/g, "");
}

const committeePattern = /(\p{Lu}[\p{L}&@6]*-\s+och\s+[\p{L}&@6]+(?:n[\p{L}&@6]{1,2}mnden|styrelsen)|\p{Lu}[\p{L}&@6]+(?:n[\p{L}&@6]{1,2}mnden|styrelsen))(?!\p{L})/gu;

function findCommittee(layout: Layout, text: string): NamedParty | null {
  const fromTable = headerCell(layout, /^(faststalld av|beslutad av|antagen av|namnd)$/);
  const counts = new Map<string, { name: string; count: number }>();
  for (const match of text.matchAll(committeePattern)) {
    const name = match[1]!;
    if (/^(Kommunstyrelsen|Kommunfullm)/.test(name) && !fromTable) continue;
    const key = canonicalCommitteeKey(name);
    const entry = counts.get(key) ?? { name, count: 0 };
    entry.count += 1;
    // Prefer the spelling without OCR damage.
    if (/ä/.test(name) && !/ä/.test(entry.name)) entry.name = name;
    counts.set(key, entry);
  }
  let name = fromTable ? squash(fromTable) : null;
  if (!name) {
    const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
    if (!best) return null;
    name = best.name;
  }
  name = repairOcrWords(name.replace(/s$/, (s) => (/(nämnden|namnden|styrelsen)s$/i.test(name!) ? "" : s)));
  const escaped = fold(name).replace(/[^a-z]/g, "").slice(0, 8);
  let code: string | null = null;
  for (const match of text.matchAll(/([\p{L}&@6-]+)\s*\(([A-ZÅÄÖ]{2,5})\)/gu)) {
    if (fold(match[1]!).replace(/[^a-z]/g, "").startsWith(escaped.slice(0, 6))) {
      code = match[2]!;
      break;
    }
  }
  code ??= initials(name);
  return { name, code };
}

function findDivision(text: string): NamedParty | null {
  const counts = new Map<string, { name: string; count: number }>();
  for (const match of text.matchAll(/\b[Dd]ivision\s+(\p{Lu}[\p{L}]+(?:\s+(?:och\s+)?\p{Ll}[\p{L}]+)?)/gu)) {
    let name = match[1]!;
    const words = name.split(/\s+/);
    // "Division Social omsorgs verksamhet": drop the genitive.
    if (words.length > 1 && /^(ska|har|och|som|svarar|ansvarar|representerar|är|ar)$/i.test(words.at(-1)!)) name = words.slice(0, -1).join(" ");
    name = name.replace(/s$/, (s) => (counts.has(fold(name.slice(0, -1))) ? "" : s));
    const key = fold(name);
    const entry = counts.get(key) ?? { name, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  if (!best) return null;
  const name = `Division ${best.name}`;
  const explicit = new RegExp(`[Dd]ivision\\s+${best.name.replace(/\s+/g, "\\s+")}\\s*\\(([A-ZÅÄÖ]{2,5})\\)`, "u").exec(text);
  return { name, code: explicit?.[1] ?? initials(name) };
}

function findYear(layout: Layout, title: string, text: string): number | null {
  const votes = new Map<number, number>();
  const vote = (year: number, weight: number) => {
    if (year >= 1990 && year <= 2100) votes.set(year, (votes.get(year) ?? 0) + weight);
  };
  const validity = headerCell(layout, /^(giltighetstid|giltig|galler for|period)$/);
  for (const m of (validity ?? "").matchAll(/\b(\d{4})\b/g)) vote(Number(m[1]), 5);
  for (const m of title.matchAll(/\b(\d{4})\b/g)) vote(Number(m[1]), 4);
  const head = text.slice(0, 20_000);
  for (const m of head.matchAll(/kalender\p{L}{1,3}ret\s+(\d{4})/giu)) vote(Number(m[1]), 3);
  for (const m of head.matchAll(/(?:verksamhet|verksamhets\p{L}*r|budget\p{L}*r|avtals\p{L}*r)\s+(\d{4})/giu)) vote(Number(m[1]), 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}

function findDiarienummer(layout: Layout, text: string): string | null {
  const fromTable = headerCell(layout, /^(diarienummer|diarienr|dnr|arendenummer)$/);
  if (fromTable) return fromTable.split(/\s{2,}/)[0]!;
  const match = /(?:diarienummer|diarienr|dnr)\.?:?\s+([A-ZÅÄÖ]{1,6}[\s-]?\d{2,4}[/:-]\d{1,5}(?:[/:-]\d+)?)/i.exec(text.slice(0, 20_000));
  return match ? match[1]! : null;
}

function findDecisionDate(layout: Layout, text: string): IsoDate | null {
  const fromTable = headerCell(layout, /^(beslutsdatum|beslutad|faststalld|antagen|datum for beslut)$/);
  if (fromTable) {
    const date = findDates(fromTable, null)[0];
    if (date) return date.date;
  }
  const match = /(?:beslutsdatum|beslutad|fastst\p{L}llds?|antagen)\s*(?:av\s+[^\n]{0,60}?)?(?:den\s+)?:?\s*([^\n]{0,40})/iu.exec(text.slice(0, 20_000));
  if (match) {
    const date = findDates(match[1]!, null)[0];
    if (date) return date.date;
  }
  return null;
}

/**
 * Agreements name themselves ("Överenskommelse 2025 mellan …", "Detta är en överenskommelse
 * mellan …") and have parties, a validity period, assignments and follow-up. Reports and
 * minutes mention agreements too, so one signal is never enough.
 */
function classify(title: string, text: string): DocumentClassification {
  const head = fold(text.slice(0, 15_000));
  const all = fold(text);
  const signals: string[] = [];
  let score = 0;
  const add = (signal: string, weight: number) => {
    signals.push(signal);
    score += weight;
  };
  const titleNamesAgreement = /overenskommelse/.test(fold(title));
  if (titleNamesAgreement) add("title names an agreement", 3);
  const selfReference = /(denna|detta ar en|nedan foljer formalia for denna|foreliggande) \w{0,2}verenskommelse/.test(head);
  if (selfReference) add("refers to itself as an agreement", 2);
  if (/\bombud\b|\bparter\b/.test(head)) add("names parties", 1);
  if (/giltighetstid|avser kalenderaret|under kalenderaret|galler for ar/.test(head)) add("states validity", 1);
  if (/grunduppdrag|grundverksamhet/.test(all)) add("core assignments", 1);
  if (/sarskil\w* uppdrag/.test(all)) add("special assignments", 1);
  if (/uppf\w{1,3}ljning/.test(all) && /sammantrade/.test(all)) add("follow-up at committee meetings", 1);
  const kind = (titleNamesAgreement || selfReference) && score >= 5 ? "agreement" : "document";
  return { kind, score, signals };
}

export function readAgreementFacts(layout: Layout, text: string): { facts: AgreementFacts; classification: DocumentClassification } {
  const title = findTitle(layout);
  const classification = classify(title, text);
  const facts: AgreementFacts = {
    title,
    committee: classification.kind === "agreement" ? findCommittee(layout, text) : null,
    division: classification.kind === "agreement" ? findDivision(text) : null,
    year: findYear(layout, title, text),
    diarienummer: findDiarienummer(layout, text),
    decisionDate: findDecisionDate(layout, text),
  };
  return { facts, classification };
}
