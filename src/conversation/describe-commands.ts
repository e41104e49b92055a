import type { Language } from "../shared/language.ts";
import { translate } from "../shared/messages/translate.ts";
import { commandCatalog } from "./command-catalog.ts";

export interface CommandDescription {
  title: string;
  description: string;
}

/** The command list as a person reads it, in their language (help and welcome cards). */
export function describeCommands(language: Language): CommandDescription[] {
  return commandCatalog.map((command) => ({
    title: translate(language, command.title),
    description: translate(language, command.description),
  }));
}
