import type { TurnContext } from "botbuilder";
import type { Language } from "../../shared/language.ts";

// The language a person last wrote in, looked up once per turn by the beforeTurn hook and used
// when a message does not show its own language.
const KNOWN_LANGUAGE = Symbol("knownLanguage");

export function setKnownLanguage(context: TurnContext, language: Language | undefined): void {
  if (language) context.turnState.set(KNOWN_LANGUAGE, language);
}

export function knownLanguage(context: TurnContext): Language {
  return (context.turnState.get(KNOWN_LANGUAGE) as Language | undefined) ?? "sv";
}
