import type { MessageKey } from "./sv.ts";

// English, for people who write to the bot in English. Must have every key the Swedish table has.
export const en: Record<MessageKey, string> = {
  "welcome.title": "Hi! I'm Uppföljningsboten",
  "welcome.intro":
    "I keep track of the committee's agreements: what must be reported, when and how, and what the division has reported.",
  "welcome.commandsHeading": "What you can write to me",
  "welcome.footer": "Write **help** at any time to see the commands again. In channels, mention me first, e.g. @Uppföljningsboten help.",

  "help.title": "Help",
  "help.intro": "Ask about the agreements in your own words, e.g. “what is due before 28 May?”, “when is ⟨assignment⟩ reported?” or “what is the target group for ⟨service⟩?”. I answer with the source, in English when you write English. Commands:",
  "help.channelHint": "In a channel or group chat, mention me first, e.g. @Uppföljningsboten help.",

  "command.help.title": "help",
  "command.help.description": "Shows what I can do and how to ask.",



  "answer.deadlines.heading": "Reporting items {scope} ({count}):",
  "answer.deadlines.headingTopic": "Reporting items about “{topic}” {scope} ({count}):",
  "answer.deadlines.none": "I found no reporting items {scope} in the agreements.",
  "answer.deadlines.noneTopic": "I found no reporting items about “{topic}” in the agreements.",
  "answer.deadlines.next": "The next one after that is on {date}.",
  "answer.deadlines.suggest": "Try for example “what is due in May?” or “when must <assignment name> be reported?”.",
  "answer.deadlines.more": "… and {count} more. Ask more narrowly, e.g. with a month or an assignment.",
  "answer.deadlines.undated": "Without a date (at the spring, interim or full-year follow-up)",
  "answer.deadlines.past": "past",
  "answer.item.meeting": "meeting {date}",
  "answer.item.submission": "written material due {date}",
  "answer.item.form.oral": "oral",
  "answer.item.form.written": "written",
  "answer.item.form.both": "oral and written",
  "answer.item.channel": "in {channel}",
  "answer.content.from": "From {document}, {section} (quoted in Swedish):",
  "answer.content.section": "section {number} {heading}",
  "answer.content.amount": "{activity}: {amount} thousand SEK (tkr) according to the {year} agreement.",
  "answer.content.otherYear": "This answer is from the agreement for {year}.",
  "answer.content.seeAlso": "See also:",
  "answer.content.none":
    "I found nothing in the agreements that answers that, so I won't guess. Try words that appear in the agreement, such as the name of the assignment or service, or ask about dates: “what is due in April?”.",
  "answer.content.missingYear": "I have no agreement for {year}.",
  "answer.generated": "(Worded by a language model from the sources below.)",

  "error.database_unavailable": "The database is not answering right now. Please try again in a moment – nothing you sent has been lost.",
  "error.database_outdated": "The database must be upgraded by an administrator before I can answer.",
  "error.not_found": "I could not find what you asked for.",
  "error.invalid_input": "I could not read that: {detail}",
  "error.forbidden": "You do not have permission to do that.",
  "error.internal": "Something went wrong on my side. Please try again in a moment; the error has been logged.",
};
