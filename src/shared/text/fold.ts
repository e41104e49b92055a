// Folding and OCR-tolerant matching of Swedish text.
//
// Agreements arrive as clean text, as Word files and as OCR output in which å/ä/ö come back as
// "é", "&", "d", "6" or plain vowels ("Socialndmnden", "férsérjningsstod", "6verenskommelse").
// Keyword detection therefore never compares raw strings: it folds the text, or it uses a
// pattern in which every Swedish vowel accepts the usual OCR substitutes.

// The reader's detectors each fold the whole document, and every detector folds the lines and
// sentences it looks at: what was folded is remembered, the oldest forgotten first. Few whole
// documents are kept; many lines.
const longText = 5000;
const lines = { folded: new Map<string, string>(), limit: 50_000 };
const documents = { folded: new Map<string, string>(), limit: 8 };

/** Lower-cases, removes diacritics and undoes the commonest OCR digit/symbol swaps inside words. */
export function fold(text: string): string {
  const memory = text.length < longText ? lines : documents;
  let folded = memory.folded.get(text);
  if (folded === undefined) {
    folded = foldText(text);
    if (memory.folded.size >= memory.limit) memory.folded.delete(memory.folded.keys().next().value!);
    memory.folded.set(text, folded);
  }
  return folded;
}

function foldText(text: string): string {
  let s = text.toLowerCase();
  // The OCR repairs and the diacritics pass are skipped when they cannot apply: fold runs on
  // every line and sentence of every document, so the common case must be cheap.
  if (s.includes("&") || s.includes("@"))
    s = s.replace(/(?<=\p{L})[&@](?=\p{L})|(?<![\p{L}\d])[&@](?=\p{L}{2})/gu, "a");
  if (s.includes("6")) s = s.replace(/(?<=\p{L})6(?=\p{L})|(?<![\p{L}\d])6(?=\p{L}{3})/gu, "o");
  if (/[^\u0000-\u007f]/.test(s))
    s = s
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/æ/g, "a")
      .replace(/ø/g, "o");
  return s;
}

const ocrVowel = "[\\p{L}&@6]{1,2}";

/**
 * A regular-expression source matching `word` in lower-cased text even when its å/ä/ö were
 * mangled by OCR. Other letters must match exactly, so long keywords stay precise.
 */
export function ocrTolerant(word: string): string {
  let source = "";
  for (const char of word.toLowerCase()) {
    if ("åäö".includes(char)) source += ocrVowel;
    else if (char === " ") source += "\\s+";
    else source += char.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  }
  return source;
}

/** Builds a case-insensitive, OCR-tolerant regular expression from a template with {word} slots. */
export function ocrRegex(template: string, flags = "iu"): RegExp {
  const source = template.replace(/\{([^}]+)\}/g, (_, word: string) => ocrTolerant(word));
  return new RegExp(source, flags.includes("u") ? flags : `${flags}u`);
}

// Whitespace other than a single space between words: most lines and sentences have none and
// are returned as they are, without a new string.
const looseWhitespace = /[^\S ]| {2}|^ | $/;

/** Collapses runs of whitespace and trims. */
export function squash(text: string): string {
  return looseWhitespace.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

/** A URL- and id-friendly slug of a (Swedish) name: "Kompetens- och arbetsmarknadsnämnden" → "kompetens-och-arbetsmarknadsnamnden". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Repairs the OCR damage that is common in the few words we show as names and titles. */
export function repairOcrWords(text: string): string {
  return text
    .replace(/(?<=\p{L})n[d&é@a]mnd/gu, "nämnd")
    .replace(/\bN[d&é@a]mnd/gu, "Nämnd")
    .replace(/\b[6O]verenskommelse/gu, "Överenskommelse")
    .replace(/\b[6o]verenskommelse/gu, "överenskommelse")
    .replace(/\bUppf[éeo6]ljning/gu, "Uppföljning")
    .replace(/\buppf[éeo6]ljning/gu, "uppföljning");
}
