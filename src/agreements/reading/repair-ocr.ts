// TEMPORARY stub until the spelling branch lands (same API).
import type { SpellingDictionary } from "./spelling-dictionary.ts";
export interface OcrRepair { from: string; to: string; count: number }
export interface RepairedText { text: string; repairs: OcrRepair[]; damage: number }
export function repairOcrText(text: string, _dictionary: SpellingDictionary): RepairedText {
  return { text, repairs: [], damage: 0 };
}
