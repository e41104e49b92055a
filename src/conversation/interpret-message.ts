import { detectLanguage, type Language } from "../shared/language.ts";
import { commandCatalog, type CommandId } from "./command-catalog.ts";

export type Interpretation =
  | { kind: "command"; command: CommandId; argument: string; language: Language }
  | { kind: "text"; text: string; language: Language }
  | { kind: "empty"; language: Language };

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, " ")
    .replace(/^[\s/!.,:;-]+|[\s.!,:;]+$/g, "")
    .trim();
}

/** Greetings a message may open with ("Hej! Vad kan du?", "Hi, what can you do?"); alone, they ask what the bot does. */
const greetings: Record<Language, string[]> = {
  sv: [
    "hej hej",
    "hejsan",
    "hej",
    "hallå",
    "halla",
    "tjena",
    "tjenare",
    "tja",
    "god morgon",
    "godmorgon",
    "god dag",
    "goddag",
    "god eftermiddag",
  ],
  en: [
    "hi there",
    "hello there",
    "hey there",
    "hi",
    "hello",
    "hey",
    "good morning",
    "good afternoon",
    "good evening",
    "greetings",
  ],
};

/** Removes a leading greeting (and a name for the bot after it): the greeting's language, and what follows. */
function withoutGreeting(normalised: string): { greeting?: Language; rest: string } {
  for (const language of ["sv", "en"] as const) {
    for (const greeting of greetings[language]) {
      const match = new RegExp(
        `^${greeting}(?:\\s+(?:bot|boten|uppföljningsboten|uppfoljningsboten|there))?(?:[\\s,.!:;-]+|$)`,
      ).exec(normalised);
      if (match) return { greeting: language, rest: normalised.slice(match[0].length).trim() };
    }
  }
  return { rest: normalised };
}

/**
 * Reads a chat message (mentions already removed): a greeting alone is a request for help; after a
 * greeting, a known command phrase at the start wins; anything else is free text. `fallbackLanguage`
 * is used when the words do not tell.
 */
export function interpretMessage(text: string | undefined, fallbackLanguage: Language = "sv"): Interpretation {
  const full = normalise(text ?? "");
  const language = detectLanguage(full, fallbackLanguage);
  if (full === "") return { kind: "empty", language };
  const { greeting, rest } = withoutGreeting(full);
  if (greeting && rest.replace(/[?]/g, "").trim() === "")
    return { kind: "command", command: "help", argument: "", language: greeting };
  const normalised = rest;

  let best: { command: CommandId; phrase: string; language: Language } | undefined;
  for (const command of commandCatalog) {
    for (const phraseLanguage of ["sv", "en"] as const) {
      for (const phrase of command.phrases[phraseLanguage]) {
        const matches =
          normalised === phrase ||
          normalised === `${phrase}?` ||
          (!command.wholeMessage && normalised.startsWith(`${phrase} `));
        if (matches && (!best || phrase.length > best.phrase.length)) {
          best = { command: command.id, phrase, language: phraseLanguage };
        }
      }
    }
  }
  if (best) {
    const argument = normalised.slice(best.phrase.length).replace(/^\?/, "").trim();
    // A bare command word ("status") says nothing about language; a phrase in one language does.
    const ambiguous = commandCatalog.some(
      (c) => c.phrases.sv.includes(best!.phrase) && c.phrases.en.includes(best!.phrase),
    );
    return { kind: "command", command: best.command, argument, language: ambiguous ? language : best.language };
  }
  // "Hej, när ska … redovisas?": the question without the greeting.
  const question = greeting
    ? (text ?? "").trim().replace(/^[^,.!:;]*[,.!:;]+\s*/u, "") || (text ?? "").trim()
    : (text ?? "").trim();
  return { kind: "text", text: question, language };
}
