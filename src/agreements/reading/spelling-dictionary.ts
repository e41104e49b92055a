// TEMPORARY stub until the spelling branch lands (same API).
export interface SpellingDictionary {
  isWord(word: string): boolean;
  compoundParts(word: string): string[] | null;
}
