// Restores å, ä and ö in a word that is Swedish either way ("vald"/"våld", "gallande"/"gällande")
// where it stands in a term of the reviewed municipal lexicon ("Vald i nära relationer" → "Våld i
// nära relationer"). Word-by-word repair cannot tell these apart; the term around the word can.
// Only letters change, never spaces or line breaks, so later stages see the same lines.
import { fold } from "../../shared/text/fold.ts";
import type { OcrRepair } from "./repair-ocr.ts";

interface Term {
  words: string[];
  folded: string[];
}

interface TextWord {
  start: number;
  word: string;
  folded: string;
}

const wordPattern = /\p{L}+(?:-\p{L}+)*/gu;

function termsByFirstWord(phrases: readonly string[]): Map<string, Term[]> {
  const index = new Map<string, Term[]>();
  for (const phrase of phrases) {
    const words = phrase.match(wordPattern) ?? [];
    if (words.length < 2) continue;
    const term = { words, folded: words.map(fold) };
    const list = index.get(term.folded[0]!);
    if (list) list.push(term);
    else index.set(term.folded[0]!, [term]);
  }
  return index;
}

/** The word in the term's spelling, cased as the text has it ("Vald" → "Våld", "VALD" → "VÅLD"). */
function spelledAs(termWord: string, textWord: string): string {
  if (textWord === textWord.toUpperCase() && textWord.length > 1) return termWord.toUpperCase();
  if (/^\p{Lu}/u.test(textWord)) return termWord[0]!.toUpperCase() + termWord.slice(1);
  return termWord;
}

export function repairDomainPhrases(text: string, phrases: readonly string[]): { text: string; repairs: OcrRepair[] } {
  const index = termsByFirstWord(phrases);
  const words: TextWord[] = [...text.matchAll(wordPattern)].map((m) => ({
    start: m.index,
    word: m[0],
    folded: fold(m[0]),
  }));
  const edits: Array<{ start: number; from: string; to: string }> = [];
  for (let i = 0; i < words.length; i++) {
    for (const term of index.get(words[i]!.folded) ?? []) {
      const span = words.slice(i, i + term.words.length);
      if (span.length < term.words.length || span.some((w, j) => w.folded !== term.folded[j])) continue;
      // The term's words follow each other, on one line or wrapped onto the next.
      const gaps = span.slice(1).map((w, j) => text.slice(span[j]!.start + span[j]!.word.length, w.start));
      if (gaps.some((gap) => !/^[ \t]*\n?[ \t]*$/.test(gap) || gap.length === 0)) continue;
      span.forEach((w, j) => {
        const to = spelledAs(term.words[j]!, w.word);
        if (to !== w.word && to.toLowerCase() !== w.word.toLowerCase())
          edits.push({ start: w.start, from: w.word, to });
      });
      break;
    }
  }
  if (edits.length === 0) return { text, repairs: [] };
  let repaired = text;
  const counts = new Map<string, OcrRepair>();
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    repaired = repaired.slice(0, edit.start) + edit.to + repaired.slice(edit.start + edit.from.length);
    const key = `${edit.from}→${edit.to}`;
    const counted = counts.get(key);
    if (counted) counted.count++;
    else counts.set(key, { from: edit.from, to: edit.to, count: 1 });
  }
  return { text: repaired, repairs: [...counts.values()] };
}
