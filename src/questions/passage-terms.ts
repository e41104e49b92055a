// The search terms stored with each passage at import, so that loading the index never has to
// analyse text again: the same analysis questions get.
import { tokenize } from "./text-analysis.ts";

export function passageTerms(text: string): string[] {
  return tokenize(text).map((token) => token.key);
}
