// Swedish is the bot's default language. Placeholders in {braces} are filled by translate().
export const sv = {
  "welcome.title": "Hej! Jag är Uppföljningsboten",
  "welcome.intro":
    "Jag håller reda på nämndens överenskommelser: vad som ska redovisas, när och hur, och vad divisionen har rapporterat.",
  "welcome.commandsHeading": "Det här kan du skriva till mig",
  "welcome.footer": "Skriv **hjälp** när som helst för att se kommandona igen. I kanaler: nämn mig först, t.ex. @Uppföljningsboten hjälp.",

  "help.title": "Hjälp",
  "help.intro": "Ställ en fråga om överenskommelserna med egna ord, t.ex. ”vad ska redovisas i april?”, ”när ska ⟨uppdragets namn⟩ redovisas?” eller ”hur mycket får ⟨verksamheten⟩?”. Jag svarar med källa, på svenska, eller på engelska om du skriver engelska. Kommandon:",
  "help.channelHint": "I en kanal eller gruppchatt: nämn mig först, t.ex. @Uppföljningsboten hjälp.",

  "command.help.title": "hjälp",
  "command.help.description": "Visar vad jag kan och hur du frågar.",



  "answer.deadlines.heading": "Redovisningar {scope} ({count} st):",
  "answer.deadlines.headingTopic": "Redovisningar om ”{topic}” {scope} ({count} st):",
  "answer.deadlines.none": "Jag hittade inga redovisningar {scope} i överenskommelserna.",
  "answer.deadlines.noneTopic": "Jag hittade inga redovisningar om ”{topic}” i överenskommelserna.",
  "answer.deadlines.next": "Nästa redovisning efter det är {date}.",
  "answer.deadlines.suggest": "Prova t.ex. ”vad ska redovisas i maj?” eller ”när ska <uppdragets namn> redovisas?”.",
  "answer.deadlines.more": "… och {count} till. Fråga smalare, t.ex. med en månad eller ett uppdrag.",
  "answer.deadlines.undated": "Utan datum (vid vår-, delårs- eller helårsuppföljningen)",
  "answer.deadlines.past": "passerat",
  "answer.item.meeting": "sammanträde {date}",
  "answer.item.submission": "skriftligt underlag senast {date}",
  "answer.item.form.oral": "muntligt",
  "answer.item.form.written": "skriftligt",
  "answer.item.form.both": "muntligt och skriftligt",
  "answer.item.channel": "i {channel}",
  "answer.content.from": "Ur {document}, {section}:",
  "answer.content.section": "avsnitt {number} {heading}",
  "answer.content.amount": "{activity}: {amount} tkr enligt överenskommelsen för {year}.",
  "answer.content.otherYear": "Svaret gäller överenskommelsen för {year}.",
  "answer.content.seeAlso": "Se även:",
  "answer.content.none":
    "Jag hittade inget i överenskommelserna som svarar på det, så jag gissar inte. Prova med ord som står i avtalet, t.ex. uppdragets eller verksamhetens namn, eller fråga efter datum: ”vad ska redovisas i april?”.",
  "answer.content.missingYear": "Jag har ingen överenskommelse för {year}.",
  "answer.generated": "(Formulerat av en språkmodell utifrån källorna nedan.)",

  "error.database_unavailable": "Databasen svarar inte just nu. Försök igen om en liten stund – inget av det du skickat har gått förlorat.",
  "error.database_outdated": "Databasen behöver uppdateras av en administratör innan jag kan svara.",
  "error.not_found": "Jag hittade inte det du frågade efter.",
  "error.invalid_input": "Det där kunde jag inte tolka: {detail}",
  "error.forbidden": "Du har inte behörighet att göra det här.",
  "error.internal": "Något gick fel hos mig. Försök igen om en stund; felet är loggat.",
} as const;

export type MessageKey = keyof typeof sv;
