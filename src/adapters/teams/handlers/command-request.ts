import type { TurnContext } from "botbuilder";
import type { Language } from "../../../shared/language.ts";

/** A recognised command with what followed its phrase, e.g. "sammanfattning delår 2025" → "delår 2025". */
export interface CommandRequest {
  argument: string;
  language: Language;
}

export type CommandHandler = (context: TurnContext, request: CommandRequest) => Promise<void>;
