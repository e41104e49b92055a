// Sentences of a paragraph. Swedish abbreviations ("t.ex.", "bl.a.", "m.fl.", "fr.o.m.", "s.k.")
// and numbers ("3.2", "kl. 9") do not end a sentence.
const abbreviations =
  /\b(t\.ex|bl\.a|m\.fl|m\.m|fr\.o\.m|t\.o\.m|s\.k|d\.v\.s|dvs|osv|ca|resp|jfr|kl|nr|st|tel|inkl|exkl|enl|ang|p\.g\.a|pga|mfl|etc|f\.d|o\.s\.v|e\.d)\.$/i;

/** Splits on ". ", "! ", "? " before a capital letter or digit, except after abbreviations. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const pattern = /[.!?](?=\s+["”(]?[\p{Lu}\d•])/gu;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const end = m.index + 1;
    const candidate = text.slice(start, end);
    if (abbreviations.test(candidate.trimEnd())) continue;
    // "3.2 Uppföljning": a section number, not a sentence end.
    if (/\d$/.test(text.slice(Math.max(0, m.index - 1), m.index)) && /^\s*\d/.test(text.slice(end))) continue;
    sentences.push(candidate.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter(Boolean);
}
