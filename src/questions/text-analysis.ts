// Swedish-aware matching for questions: folding (diacritics and OCR damage), Snowball stemming,
// compound splitting against the corpus vocabulary, OCR-variant and prefix neighbours, synonyms
// and an English→Swedish glossary so that English questions reach Swedish documents.
import snowball from "snowball-stemmers";
import { fold } from "../shared/text/fold.ts";

const swedishStemmer = snowball.newStemmer("swedish");
const keyCache = new Map<string, string>();

/** A word occurrence in a text, with its matching key. */
export interface Token {
  word: string;
  key: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\d][\p{L}\d]*/gu;

/** The matching key of one word: folded, OCR-repaired and stemmed. Cached: the corpus repeats words. */
export function termKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    const folded = fold(word);
    key = /^\d+$/.test(folded) ? folded : swedishStemmer.stem(folded);
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    tokens.push({ word, key: termKey(word), start: match.index, end: match.index + word.length });
  }
  return tokens;
}

const stopWordList =
  // Swedish function words and question words
  "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan man när år " +
  "säga under också efter eller nu sin där vid mycket hur vad vilka vilken vilket vem vems varför ska skall skulle " +
  "får fick finns gäller kommer blir vara bli göra gör gjorde alla allt andra annat någon något några mer mest " +
  "denna detta dessa deras dess din ditt dina min mitt mina vår vårt våra er ert era oss dem honom henne hon " +
  "man mig dig sig än dock samt både även bara enligt inom utan mot per ju nog väl ha hade haft " +
  "länge lång långt många hurdan står stod säger sa ingå ingår innehålla innehåller " +
  // verbs that carry no topic in a question ("hur ska X beaktas", "vad behöver vi ta fram")
  "behöver behövs ta tar fram framför beakta beaktas hantera hanteras göras gäller ske sker " +
  // the agreement itself: every passage is in one ("vad säger överenskommelsen om …")
  "överenskommelse överenskommelsen överenskommelserna avtal avtalet avtalen dokument dokumentet agreement agreements document " +
  // English function words and question words
  "the a an is are was were be been being what which who whom whose when where why how do does did can could " +
  "would should will shall must may might please me my i you your we our us it its this that these those there " +
  "of to in on for with from by about as at into than then so and or but if not no any all each some much many " +
  "tell show give find say says said get gets got has have had according need needs want know someone anyone " +
  "people must there's what's it's";
const stopKeys = new Set(stopWordList.split(/\s+/).map(termKey));

export function isStopKey(key: string): boolean {
  return stopKeys.has(key) || key.length < 2;
}

// Words that mean the same in agreements; each group is matched as one concept.
const synonymGroups: string[][] = [
  ["ersättning", "ersättningar", "budget", "budgeten", "budgetram", "pengar", "medel", "belopp", "tkr", "kronor", "finansiering", "kostnad", "anslag"],
  ["längd", "pågå", "pågår", "varaktighet", "månader", "månad", "tid", "tidsperiod"],
  ["redovisa", "redovisas", "redovisning", "rapportera", "rapporteras", "rapport", "återrapportera", "återrapportering", "uppföljning"],
  ["sammanträde", "sammanträdet", "sammanträden", "möte", "nämndsammanträde"],
  ["samverkan", "samverka", "samarbete", "samarbeta"],
  ["mål", "målsättning", "målet"],
  ["indikator", "indikatorer", "nyckeltal", "mått", "mätetal"],
  ["arbetslös", "arbetslösa", "arbetslöshet"],
  ["ekonomiskt", "försörjningsstöd", "bistånd"],
  ["unga", "ungdomar", "ungdom", "ungdomsarbetslöshet"],
  ["ansvar", "ansvarig", "ansvarsfördelning", "ansvarar"],
  ["giltighetstid", "giltig", "gäller"],
  ["syfte", "syftet", "ändamål"],
  ["antal", "volym"],
  ["personer", "individer", "deltagare"],
];

// English words and phrases → Swedish words as they appear in agreements. Longer phrases first.
const glossary: Array<[string, string]> = [
  ["target group", "målgrupp"],
  ["target groups", "målgrupp"],
  ["work training", "arbetsträning"],
  ["work practice", "arbetspraktik"],
  ["job training", "arbetsträning"],
  ["labour market", "arbetsmarknad"],
  ["labor market", "arbetsmarknad"],
  ["financial assistance", "ekonomiskt bistånd"],
  ["economic assistance", "ekonomiskt bistånd"],
  ["social assistance", "ekonomiskt bistånd"],
  ["welfare", "ekonomiskt bistånd"],
  ["data protection officer", "dataskyddsombud"],
  ["data protection", "dataskydd"],
  ["gender equality", "jämställdhet"],
  ["child rights", "barnrätt"],
  ["children's rights", "barnrätt"],
  ["customer satisfaction", "nöjd kund"],
  ["state grants", "statsbidrag"],
  ["state grant", "statsbidrag"],
  ["government grants", "statsbidrag"],
  ["domestic violence", "våld i nära relationer"],
  ["close relationships", "nära relationer"],
  ["social services", "socialtjänst"],
  ["contact persons", "kontaktpersoner"],
  ["contact person", "kontaktperson"],
  ["changed conditions", "förändrade förutsättningar"],
  ["how long", "längd"],
  ["how much", "ersättning"],
  ["how many", "antal"],
  ["follow up", "uppföljning"],
  ["follow-up", "uppföljning"],
  ["full-time model", "heltidsmodell"],
  ["full time model", "heltidsmodell"],
  ["integration guidance", "integrationsvägledning"],
  ["stay", "pågå"],
  ["places", "platser"],
  ["place", "plats"],
  ["provide", "tillhandahålla"],
  ["offer", "erbjuda"],
  ["offered", "erbjuda"],
  ["receive", "ersättning"],
  ["receives", "ersättning"],
  ["funding", "ersättning"],
  ["funded", "ersättning"],
  ["compensation", "ersättning"],
  ["payment", "ersättning"],
  ["money", "ersättning"],
  ["budget", "budget"],
  ["cost", "kostnad"],
  ["costs", "kostnad"],
  ["duration", "längd"],
  ["last", "pågå"],
  ["goal", "mål"],
  ["goals", "mål"],
  ["objective", "mål"],
  ["objectives", "mål"],
  ["assignment", "uppdrag"],
  ["assignments", "uppdrag"],
  ["task", "uppdrag"],
  ["tasks", "uppdrag"],
  ["mission", "uppdrag"],
  ["indicator", "indikator"],
  ["indicators", "indikator"],
  ["kpi", "nyckeltal"],
  ["report", "redovisa"],
  ["reported", "redovisa"],
  ["reporting", "redovisa"],
  ["meeting", "sammanträde"],
  ["meetings", "sammanträde"],
  ["committee", "nämnd"],
  ["board", "nämnd"],
  ["purpose", "syfte"],
  ["aim", "syfte"],
  ["responsibility", "ansvar"],
  ["responsible", "ansvar"],
  ["unemployed", "arbetslösa"],
  ["unemployment", "arbetslöshet"],
  ["young", "unga"],
  ["youth", "unga"],
  ["cooperation", "samverkan"],
  ["collaboration", "samverkan"],
  ["cooperate", "samverka"],
  ["collaborate", "samverka"],
  ["employment", "anställning"],
  ["employments", "anställning"],
  ["internship", "arbetspraktik"],
  ["children", "barn"],
  ["child", "barn"],
  ["families", "familjer"],
  ["family", "familj"],
  ["homelessness", "hemlöshet"],
  ["homeless", "hemlöshet"],
  ["violence", "våld"],
  ["refugees", "flyktingar"],
  ["refugee", "flykting"],
  ["validity", "giltighetstid"],
  ["valid", "giltighetstid"],
  ["scope", "omfattning"],
  ["participants", "deltagare"],
  ["participant", "deltagare"],
  ["placements", "placeringar"],
  ["economy", "ekonomi"],
  ["economic", "ekonomisk"],
  ["financial", "ekonomisk"],
  ["investments", "investeringar"],
  ["investment", "investering"],
  ["supervision", "tillsyn"],
  ["inspection", "tillsyn"],
  ["parties", "parter"],
  ["project", "projekt"],
  ["projects", "projekt"],
  ["rehabilitation", "rehabilitering"],
  ["newly arrived", "nyanlända"],
  ["newcomers", "nyanlända"],
  ["language", "språk"],
  ["quality", "kvalitet"],
  ["prevention", "förebyggande"],
  ["preventive", "förebyggande"],
  ["addiction", "beroende"],
  ["adults", "vuxna"],
  ["adult", "vuxen"],
  ["relatives", "anhöriga"],
  ["carers", "anhörigstöd"],
  ["schools", "skola"],
  ["school", "skola"],
  ["housing", "boende"],
  ["income", "inkomst"],
  ["poverty", "fattigdom"],
  ["contents", "innehåll"],
  ["content", "innehåll"],
  ["extension", "förlängning"],
  ["hours", "timmar"],
  ["age", "ålder"],
  ["priority", "prioriterad"],
  ["prioritised", "prioriterad"],
  ["prioritized", "prioriterad"],
];

const synonymsByKey = new Map<string, string[]>();
for (const group of synonymGroups) {
  const keys = [...new Set(group.flatMap((phrase) => tokenize(phrase).map((t) => t.key)))];
  for (const key of keys) synonymsByKey.set(key, [...new Set([...(synonymsByKey.get(key) ?? []), ...keys])]);
}

const glossaryPhrases = glossary
  .map(([english, swedish]) => ({ words: english.split(/[\s-]+/), swedish }))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * Replaces English words and phrases with their Swedish counterparts so the rest of the
 * pipeline only sees Swedish. Unknown words are kept: names ("Jobbtorg") are the same in both.
 */
export function translateEnglishTerms(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\d'-]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = glossaryPhrases.find((phrase) => phrase.words.every((w, j) => words[i + j] === w));
    if (hit) {
      out.push(hit.swedish);
      i += hit.words.length;
    } else {
      out.push(words[i]!.replace(/'s$/, ""));
      i += 1;
    }
  }
  return out.join(" ");
}

/** One alternative key a query term may match, with how much a match on it counts (0–1). */
export interface Alternative {
  key: string;
  weight: number;
}

const ocrConfusable = /[aeo]/g;

/**
 * The keys of a corpus, with what is needed to widen a query term: compound parts, OCR
 * variants (å/ä/ö read as a/e/o) and words sharing a long prefix ("ekonomi", "ekonomisk").
 */
export class Vocabulary {
  private readonly sorted: string[];
  private readonly bySkeleton = new Map<string, string[]>();
  private readonly partsCache = new Map<string, string[]>();

  constructor(readonly keys: ReadonlySet<string>) {
    this.sorted = [...keys].sort();
    for (const key of keys) {
      if (key.length < 6) continue;
      const skeleton = key.replace(ocrConfusable, "*");
      const list = this.bySkeleton.get(skeleton);
      if (list) list.push(key);
      else this.bySkeleton.set(skeleton, [key]);
    }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /**
   * Splits a compound into vocabulary words: "arbetsmarknadsanstallning" → ["arbetsmarknad",
   * "anstallning"]. The longest known tail wins (the last part carries a Swedish compound's
   * meaning); a linking "s" is allowed. Empty when the key is not a compound of known words.
   */
  compoundParts(key: string): string[] {
    const cached = this.partsCache.get(key);
    if (cached) return cached;
    const parts = this.split(key, 0);
    this.partsCache.set(key, parts);
    return parts;
  }

  private split(key: string, depth: number): string[] {
    if (key.length < 8 || depth > 3 || /\d/.test(key)) return [];
    for (let i = 3; i <= key.length - 4; i++) {
      const tail = key.slice(i);
      if (!this.keys.has(tail) || isStopKey(tail)) continue;
      const head = key.slice(0, i);
      const heads = head.endsWith("s") && head.length > 4 ? [head.slice(0, -1), head] : [head];
      // The head may itself be an inflected word ("jamstalldhet" is stored as "jamstalld").
      for (const candidate of [...heads, ...heads.map((h) => swedishStemmer.stem(h)).filter((h) => !heads.includes(h))]) {
        if (candidate.length >= 3 && this.keys.has(candidate) && !isStopKey(candidate)) return [candidate, tail];
        const headParts = this.split(candidate, depth + 1);
        if (headParts.length) return [...headParts, tail];
      }
    }
    return [];
  }

  /** Keys that are the same word with OCR-damaged vowels. */
  ocrVariants(key: string): string[] {
    if (key.length < 6) return [];
    return (this.bySkeleton.get(key.replace(ocrConfusable, "*")) ?? []).filter((k) => k !== key);
  }

  /** Keys that extend `key` by a short ending, or that `key` extends ("ekonomin" ↔ "ekonomisk"). */
  prefixNeighbours(key: string): string[] {
    if (key.length < 5) return [];
    const found: string[] = [];
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]! < key) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sorted.length && this.sorted[i]!.startsWith(key); i++) {
      const candidate = this.sorted[i]!;
      if (candidate !== key && candidate.length - key.length <= 3) found.push(candidate);
    }
    for (let length = Math.max(5, key.length - 3); length < key.length; length++) {
      const shorter = key.slice(0, length);
      if (this.keys.has(shorter)) found.push(shorter);
    }
    return found;
  }

  /** Every key a query term may match, best first. */
  alternatives(key: string): Alternative[] {
    const weights = new Map<string, number>();
    const add = (k: string, w: number) => {
      if (this.keys.has(k) && (weights.get(k) ?? 0) < w) weights.set(k, w);
    };
    add(key, 1);
    for (const synonym of synonymsByKey.get(key) ?? []) add(synonym, 0.85);
    for (const variant of this.ocrVariants(key)) add(variant, 0.9);
    for (const neighbour of this.prefixNeighbours(key)) add(neighbour, 0.75);
    return [...weights].map(([k, weight]) => ({ key: k, weight })).sort((a, b) => b.weight - a.weight);
  }
}

export function synonymsOf(key: string): string[] {
  return synonymsByKey.get(key) ?? [key];
}
