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

/**
 * Reads a chat message (mentions already removed): a known command phrase at the start wins,
 * anything else is free text. `fallbackLanguage` is used when the words do not tell.
 */
export function interpretMessage(text: string | undefined, fallbackLanguage: Language = "sv"): Interpretation {
  const normalised = normalise(text ?? "");
  const language = detectLanguage(normalised, fallbackLanguage);
  if (normalised === "") return { kind: "empty", language };

  let best: { command: CommandId; phrase: string; language: Language } | undefined;
  for (const command of commandCatalog) {
    for (const phraseLanguage of ["sv", "en"] as const) {
      for (const phrase of command.phrases[phraseLanguage]) {
        const matches =
          normalised === phrase || normalised.startsWith(`${phrase} `) || normalised === `${phrase}?`;
        if (matches && (!best || phrase.length > best.phrase.length)) {
          best = { command: command.id, phrase, language: phraseLanguage };
        }
      }
    }
  }
  if (best) {
    const argument = normalised.slice(best.phrase.length).replace(/^\?/, "").trim();
    // A bare command word ("status") says nothing about language; a phrase in one language does.
    const ambiguous = commandCatalog.some((c) => c.phrases.sv.includes(best!.phrase) && c.phrases.en.includes(best!.phrase));
    return { kind: "command", command: best.command, argument, language: ambiguous ? language : best.language };
  }
  return { kind: "text", text: (text ?? "").trim(), language };
}
