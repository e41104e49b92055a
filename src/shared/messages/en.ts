import type { MessageKey } from "./sv.ts";

// English, for people who write to the bot in English. Must have every key the Swedish table has.
export const en: Record<MessageKey, string> = {
  "welcome.title": "Hi! I'm Uppföljningsboten",
  "welcome.intro":
    "I keep track of the committee's agreements: what must be reported, when and how, and what the division has reported.",
  "welcome.commandsHeading": "What you can write to me",
  "welcome.footer": "Write **help** at any time to see the commands again. In channels, mention me first, e.g. @Uppföljningsboten help.",

  "help.title": "Help",
  "help.intro": "Write one of the commands below. I answer in Swedish, or in English when you write English.",
  "help.channelHint": "In a channel or group chat, mention me first, e.g. @Uppföljningsboten help.",

  "command.help.title": "help",
  "command.help.description": "Shows what I can do and how to ask.",

  "fallback.notUnderstood": "Sorry, I don't understand that yet. Write **help** and I'll show you what you can ask me.",

  "error.database_unavailable": "The database is not answering right now. Please try again in a moment – nothing you sent has been lost.",
  "error.database_outdated": "The database must be upgraded by an administrator before I can answer.",
  "error.not_found": "I could not find what you asked for.",
  "error.invalid_input": "I could not read that: {detail}",
  "error.forbidden": "You do not have permission to do that.",
  "error.internal": "Something went wrong on my side. Please try again in a moment; the error has been logged.",
};
