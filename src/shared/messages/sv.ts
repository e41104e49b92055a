// Swedish is the bot's default language. Placeholders in {braces} are filled by translate().
export const sv = {
  "welcome.title": "Hej! Jag är Uppföljningsboten",
  "welcome.intro":
    "Jag håller reda på nämndens överenskommelser: vad som ska redovisas, när och hur, och vad divisionen har rapporterat.",
  "welcome.commandsHeading": "Det här kan du skriva till mig",
  "welcome.footer": "Skriv **hjälp** när som helst för att se kommandona igen. I kanaler: nämn mig först, t.ex. @Uppföljningsboten hjälp.",

  "help.title": "Hjälp",
  "help.intro": "Skriv ett av kommandona nedan. Jag svarar på svenska, eller på engelska om du skriver engelska.",
  "help.channelHint": "I en kanal eller gruppchatt: nämn mig först, t.ex. @Uppföljningsboten hjälp.",

  "command.help.title": "hjälp",
  "command.help.description": "Visar vad jag kan och hur du frågar.",

  "fallback.notUnderstood":
    "Det förstod jag tyvärr inte än. Skriv **hjälp** så visar jag vad du kan fråga mig om.",

  "error.database_unavailable": "Databasen svarar inte just nu. Försök igen om en liten stund – inget av det du skickat har gått förlorat.",
  "error.database_outdated": "Databasen behöver uppdateras av en administratör innan jag kan svara.",
  "error.not_found": "Jag hittade inte det du frågade efter.",
  "error.invalid_input": "Det där kunde jag inte tolka: {detail}",
  "error.forbidden": "Du har inte behörighet att göra det här.",
  "error.internal": "Något gick fel hos mig. Försök igen om en stund; felet är loggat.",
} as const;

export type MessageKey = keyof typeof sv;
