// Follow-up periods and occasions as Swedish agreements name them, with one set of codes used by
// the reader, the question reader and the summaries:
//   V / D / H   vår, delår, helår: the occasions of the planning system (VP, Hypergene, Stratsys)
//   T1–T3       tertials (Jan–Apr, May–Aug, Sep–Dec)
//   Q1–Q4       quarters
// Matching works on folded text (see shared/text/fold.ts): lower case, no diacritics.

export type OccasionCode = "V" | "D" | "H";
export type PeriodCode = OccasionCode | "T1" | "T2" | "T3" | "Q1" | "Q2" | "Q3" | "Q4";

/** The occasions in the order of the year. */
export const occasionCodes: readonly OccasionCode[] = ["V", "D", "H"];

export const occasionNames: Record<OccasionCode, { sv: string; en: string; model: "var" | "delar" | "helar" }> = {
  V: { sv: "vår", en: "spring", model: "var" },
  D: { sv: "delår", en: "interim", model: "delar" },
  H: { sv: "helår", en: "full year", model: "helar" },
};

export function occasionCodeOf(model: "var" | "delar" | "helar"): OccasionCode {
  return model === "var" ? "V" : model === "delar" ? "D" : "H";
}

export interface PeriodMention {
  code: PeriodCode;
  /** The period as written, normalised: "tertial 1 2025", "helår 2024", "kvartal 2". */
  label: string;
  year: number | null;
  index: number;
  length: number;
}

// Words that name a period (folded). Compounds such as "delårsrapport", "helårsuppföljning",
// "tertialrapport" count: the first part decides.
const periodPatterns: Array<{
  pattern: RegExp;
  code: (m: RegExpExecArray) => PeriodCode | null;
  label: (m: RegExpExecArray) => string;
}> = [
  {
    // "tertial 2", "T2", and the report's name: "tertialrapport 1", "tertialuppföljning 2".
    pattern:
      /\btertial(?:rapport\w*|uppfoljning\w*|bokslut\w*)?\s*([1-3])\b(?:\s+(\d{4}))?|\bt([1-3])\b(?:\s+(\d{4}))?/g,
    code: (m) => `T${m[1] ?? m[3]}` as PeriodCode,
    label: (m) => `tertial ${m[1] ?? m[3]}`,
  },
  {
    pattern:
      /\b(?:kvartal(?:srapport\w*|suppfoljning\w*)?|kv\.?)\s*([1-4])\b(?:\s+(\d{4}))?|\bq([1-4])\b(?:\s+(\d{4}))?|\b([1-4]):?(?:a|e)\s+kvartalet\b(?:\s+(\d{4}))?/g,
    code: (m) => `Q${m[1] ?? m[3] ?? m[5]}` as PeriodCode,
    label: (m) => `kvartal ${m[1] ?? m[3] ?? m[5]}`,
  },
  {
    pattern:
      /\b(helar|helars\w*|arsbokslut\w*|bokslut|arsredovisning\w*|arsrapport\w*|verksamhetsberattelse\w*)\b(?:\s+(\d{4}))?/g,
    code: () => "H",
    label: () => "helår",
  },
  {
    pattern: /\b(delar|delars\w*|halvar|halvars\w*|delarsbokslut\w*)\b(?:\s+(\d{4}))?/g,
    code: () => "D",
    label: (m) => (m[1]!.startsWith("halvar") ? "halvår" : "delår"),
  },
  {
    // "vår" folds to "var", which is also the verb "was": only the compounds and "vår (1/3)" count here.
    pattern: /\b(varuppfoljning\w*|varrapport\w*|varbokslut\w*)\b(?:\s+(\d{4}))?|\bvar\s*\(1\/3\)/g,
    code: () => "V",
    label: () => "vår",
  },
];

/** Every period named in folded `text`, in order of appearance. */
export function findPeriods(folded: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const { pattern, code, label } of periodPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      const c = code(m);
      if (!c) continue;
      const yearText = m.slice(1).find((g) => g !== undefined && /^\d{4}$/.test(g));
      const year = yearText ? Number(yearText) : null;
      found.push({
        code: c,
        label: year ? `${label(m)} ${year}` : label(m),
        year,
        index: m.index,
        length: m[0].length,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Occasion codes and lists: "V+D+H", "D + H", "V/D/H", "vår, delår och helår", "delår samt helår".
 * "vår" alone folds to "var" (also "was"), so it only counts in a list with delår/helår or as a code.
 */
export function findOccasions(folded: string): OccasionCode[] {
  const found = new Set<OccasionCode>();
  for (const m of folded.matchAll(
    /(?<![\p{L}\d])([vdh])(?:\s*[+/,&]\s*([vdh]))(?:\s*[+/,&]\s*([vdh]))?(?![\p{L}\d])/gu,
  )) {
    for (const letter of [m[1], m[2], m[3]]) if (letter) found.add(letter.toUpperCase() as OccasionCode);
  }
  if (/\bdelar(s|et|en)?\b|\bdelars\w+/.test(folded)) found.add("D");
  if (/\bhelar(s|et|en)?\b|\bhelars\w+/.test(folded)) found.add("H");
  if (found.size > 0 && /\bvar(en)?\s*(,|och|samt|\+|\/)\s*(delar|helar)/.test(folded)) found.add("V");
  if (/\bvaruppfoljning|\bvarrapport/.test(folded)) found.add("V");
  return occasionCodes.filter((code) => found.has(code));
}

export type Recurrence = "monthly" | "quarterly" | "tertially" | "half-yearly" | "yearly" | "weekly" | "ongoing";

/** "kvartalsvis", "varje månad", "månadsvis", "en gång per år", "löpande". */
export function findRecurrence(folded: string): Recurrence | null {
  if (/\bmanadsvis|\bvarje manad|\bvar(?:je)? manad\b|\bmanatlig|\ben gang (i|per) manad|\bmanadsrapport/.test(folded))
    return "monthly";
  if (/\bkvartalsvis|\bvarje kvartal|\bvart kvartal|\ben gang (i|per) kvartal|\bkvartalsrapport/.test(folded))
    return "quarterly";
  if (/\btertialvis|\bvarje tertial|\bvart tertial/.test(folded)) return "tertially";
  if (/\bhalvarsvis|\bvarje halvar|\bvart halvar|\btva ganger (per|om|i) aret/.test(folded)) return "half-yearly";
  if (/\bveckovis|\bvarje vecka/.test(folded)) return "weekly";
  if (/\barligen|\bvarje ar\b|\ben gang (per|om|i) aret|\barlig (rapport|redovisning|uppfoljning)/.test(folded))
    return "yearly";
  if (/\blopande\b/.test(folded)) return "ongoing";
  return null;
}

/** The months a period covers, for "vad ska redovisas i april?" and summaries. */
export function monthsOfPeriod(code: PeriodCode): [number, number] {
  switch (code) {
    case "T1":
      return [1, 4];
    case "T2":
      return [5, 8];
    case "T3":
      return [9, 12];
    case "Q1":
      return [1, 3];
    case "Q2":
      return [4, 6];
    case "Q3":
      return [7, 9];
    case "Q4":
      return [10, 12];
    case "V":
      return [1, 4];
    case "D":
      return [1, 8];
    case "H":
      return [1, 12];
  }
}
