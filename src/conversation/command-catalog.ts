import type { Language } from "../shared/language.ts";
import type { MessageKey } from "../shared/messages/translate.ts";

// Every command the bot understands, in one list: the message interpreter, the help card, the
// welcome card and the Teams manifest's command list are all checked against it.
export type CommandId = "help" | "status" | "roles" | "summary" | "digest";

export interface CommandDefinition {
  id: CommandId;
  /** Phrases that start the command, per language; the phrase's language decides the reply's. */
  phrases: Record<Language, string[]>;
  title: MessageKey;
  description: MessageKey;
}

export const commandCatalog: readonly CommandDefinition[] = [
  {
    id: "help",
    phrases: {
      sv: ["hjälp", "hjalp", "hjälp mig", "vad kan du", "vad kan du göra", "kommandon", "meny"],
      en: ["help", "help me", "what can you do", "commands", "menu", "?"],
    },
    title: "command.help.title",
    description: "command.help.description",
  },
  {
    id: "status",
    phrases: {
      sv: ["status", "rapportera", "rapportera status", "lämna status", "lägesrapport", "statusrapport"],
      en: ["status", "report", "report status", "submit status", "status report"],
    },
    title: "command.status.title",
    description: "command.status.description",
  },
  {
    id: "roles",
    phrases: {
      sv: ["roller", "roll", "behörighet", "behörigheter"],
      en: ["roles", "role", "permissions"],
    },
    title: "command.roles.title",
    description: "command.roles.description",
  },
  {
    id: "summary",
    phrases: {
      sv: ["sammanfattning", "sammanfatta", "sammanställning"],
      en: ["summary", "summarise", "summarize", "follow-up summary"],
    },
    title: "command.summary.title",
    description: "command.summary.description",
  },
  {
    id: "digest",
    phrases: {
      sv: ["sammandrag", "veckosammandrag", "veckans sammandrag"],
      en: ["digest", "weekly digest"],
    },
    title: "command.digest.title",
    description: "command.digest.description",
  },
];
