import type { Language } from "../shared/language.ts";
import type { MessageKey } from "../shared/messages/translate.ts";

// Every command the bot understands, in one list: the message interpreter, the help card, the
// welcome card and the Teams manifest's command list are all checked against it.
export type CommandId = "help" | "status" | "roles" | "summary" | "digest" | "review";

export interface CommandDefinition {
  id: CommandId;
  /** Phrases that start the command, per language; the phrase's language decides the reply's. */
  phrases: Record<Language, string[]>;
  /** The phrase must be the whole message ("vad kan du?"), so "vad kan du säga om Jobbtorg?" stays a question. */
  wholeMessage?: boolean;
  title: MessageKey;
  description: MessageKey;
}

export const commandCatalog: readonly CommandDefinition[] = [
  {
    id: "help",
    phrases: {
      sv: [
        "hjälp",
        "hjalp",
        "hjälp mig",
        "vad kan du",
        "vad kan du göra",
        "vad kan du göra för mig",
        "vad kan du hjälpa till med",
        "vad kan du hjälpa mig med",
        "vad gör du",
        "vad är du",
        "vem är du",
        "hur fungerar du",
        "hur funkar du",
        "hur funkar det",
        "hur fungerar det",
        "kommandon",
        "meny",
      ],
      en: [
        "help",
        "help me",
        "what can you do",
        "what can you do for me",
        "what can you help with",
        "what can you help me with",
        "what do you do",
        "what are you",
        "who are you",
        "how do you work",
        "how does this work",
        "how does it work",
        "commands",
        "menu",
        "?",
      ],
    },
    wholeMessage: true,
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
  {
    // What the reader found in an imported agreement, for an administrator to check and correct.
    id: "review",
    phrases: {
      sv: ["granska", "granskning", "granska import", "granska överenskommelse", "granska överenskommelsen"],
      en: ["review", "review import", "review agreement", "review the agreement"],
    },
    title: "command.review.title",
    description: "command.review.description",
  },
];
