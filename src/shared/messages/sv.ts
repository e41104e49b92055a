// Swedish is the bot's default language. Placeholders in {braces} are filled by translate().
export const sv = {
  "welcome.title": "Hej! Jag är Uppföljningsboten",
  "welcome.intro":
    "Jag håller reda på nämndens överenskommelser: vad som ska redovisas, när och hur, och vad divisionen har rapporterat.",
  "welcome.commandsHeading": "Det här kan du skriva till mig",
  "welcome.footer":
    "Skriv **hjälp** när som helst för att se kommandona igen. I kanaler: nämn mig först, t.ex. @Uppföljningsboten hjälp.",

  "help.title": "Hjälp",
  "help.intro":
    "Ställ en fråga om överenskommelserna med egna ord, t.ex. ”vad ska redovisas i april?”, ”när ska ⟨uppdragets namn⟩ redovisas?” eller ”hur mycket får ⟨verksamheten⟩?”. Jag svarar med källa, på svenska, eller på engelska om du skriver engelska. Kommandon:",
  "help.channelHint": "I en kanal eller gruppchatt: nämn mig först, t.ex. @Uppföljningsboten hjälp.",

  "command.help.title": "hjälp",
  "command.help.description": "Visar vad jag kan och hur du frågar.",

  "command.status.title": "status",
  "command.status.description": "Rapportera läget för dina uppdrag (divisionschefer och ombud). T.ex. ”status 3.1”.",
  "command.roles.title": "roller",
  "command.roles.description": "Visar dina roller. Administratörer: ”roller ge chef DSO @Namn”, ”roller ta bort …”.",

  "status.level.on_track": "Enligt plan",
  "status.level.at_risk": "Risk",
  "status.level.delayed": "Försenad",
  "status.level.done": "Klar",
  "status.error.statusRequired": "Välj en status.",
  "status.error.textRequired": "Skriv kort vad som har gjorts, eventuella avvikelser och nästa steg.",
  "status.error.textTooLong":
    "Texten är {length} tecken; högst {max} får plats. Inget är sparat – korta texten nedan (den finns kvar som du skrev den) och skicka igen.",
  "status.error.periodRequired": "Välj vilken redovisning statusen gäller.",
  "status.error.figure": "”{value}” är inte ett tal. Skriv t.ex. 12 eller 12,5.",
  "status.error.shareRange": "”{value}” är mer än 100 %. En andel skrivs i procent, t.ex. 3,5.",
  "status.error.bothSexes": "Ange både kvinnor och män, eller lämna båda tomma.",
  "status.error.totalTooSmall": "Totalt kan inte vara mindre än kvinnor + män ({sum}).",
  "status.error.summary":
    "Något behöver rättas innan jag kan spara – se markeringarna nedan. Det du skrivit finns kvar.",
  "status.refused":
    "Jag kan tyvärr inte ta emot status från dig: du har ingen roll som divisionschef eller ombud. Be en administratör skriva ”{example}” (divisionskoder: {codes}).",
  "status.refusedDivision":
    "Jag kan tyvärr inte ta emot den statusen från dig: du rapporterar inte för {division}. Dina roller: {roles}.",
  "status.notFound":
    "Uppdraget finns inte längre i överenskommelsen (den kan ha importerats på nytt). Skriv ”status” för att se dina uppdrag.",
  "status.unknownUser":
    "Jag kan inte se vem du är i Teams, så jag kan inte ta emot status. Öppna mig i Teams och försök igen.",
  "status.overview.title": "Dina uppdrag att rapportera på ({count})",
  "status.overview.none":
    "Jag hittade inga uppdrag att rapportera på för {divisions}. Har överenskommelsen importerats?",
  "status.overview.noMatch": "Inget av dina uppdrag matchar ”{text}”. Skriv ”status” för att se alla.",
  "status.overview.next": "Nästa: {period}, status senast {due}",
  "status.overview.nextUndated": "Nästa: {period}",
  "status.overview.nothingAhead": "Inga kommande redovisningar. Senaste: {period}, passerad (status senast {due})",
  "status.overview.reported": "Rapporterat: {status} (version {version})",
  "status.overview.notReported": "Inte rapporterat ännu",
  "status.overview.overdue": "{count} redovisning(ar) passerade utan status, senast {due}",
  "status.overview.more":
    "… och {count} till. Skriv t.ex. ”status 3.1” eller ”status” följt av ett ord ur uppdragets namn.",
  "status.overview.report": "Rapportera",
  "status.overview.view": "Visa status",
  "status.form.title": "Status: {assignment}",
  "status.form.period": "Redovisning",
  "status.form.status": "Status",
  "status.form.text": "Vad har gjorts, avvikelser och nästa steg (högst {max} tecken)",
  "status.form.textPlaceholder": "Kort och konkret, högst {max} tecken.",
  "status.form.indicators": "Indikatorer",
  "status.form.indicatorsHint": "Värden för perioden, i den enhet som står vid varje indikator.",
  "status.form.unit.count": "antal",
  "status.form.unit.share": "%",
  "status.form.unit.amount": "belopp",
  "status.form.unit.rate": "nyckeltal",
  "status.form.unitNote.count": "Antal. Totalt räknas ut om du lämnar det tomt.",
  "status.form.unitNote.share": "Andel i procent. Ange totalen själv – andelar läggs inte ihop.",
  "status.form.unitNote.amount": "Belopp. Totalt räknas ut om du lämnar det tomt.",
  "status.form.unitNote.rate":
    "Nyckeltal per invånare, som i indikatorns namn. Ange totalen själv – nyckeltal läggs inte ihop.",
  "status.form.unitNote.unknown":
    "Värden i indikatorns enhet. Ange totalen själv – jag lägger inte ihop värden vars enhet jag inte vet.",
  "status.form.women": "Kvinnor",
  "status.form.men": "Män",
  "status.form.total": "Totalt",
  "status.form.submit": "Skicka status",
  "status.form.back": "Tillbaka",
  "status.form.editing": "Du ändrar version {version} från {when} ({name}).",
  "status.form.due": "Sista dag för status: {due}",
  "status.receipt.title": "Status sparad",
  "status.receipt.duplicate": "Formuläret kom fram två gånger; statusen är sparad en gång.",
  "status.receipt.late": "Sparad efter sista dagen ({due}) och markerad som sen.",
  "status.receipt.indicator": "Indikator",
  "status.receipt.assignment": "Uppdrag",
  "status.receipt.agreement": "Avtal",
  "status.receipt.period": "Redovisning",
  "status.receipt.status": "Status",
  "status.receipt.by": "Rapporterad av",
  "status.receipt.changedBy": "Senast ändrad av",
  "status.receipt.version": "Version",
  "status.receipt.edit": "Ändra",
  "status.receipt.history": "Visa historik",
  "status.receipt.historyLine": "Version {version} · {when} · {name} · {status}",
  "status.receipt.locked":
    "Sista dagen ({due}) har passerat, så statusen kan inte längre ändras. {who} kan öppna den för en ändring.",
  "status.receipt.overview": "Mina uppdrag",
  "status.reopen.whoExperts": "{names} (sakkunnig för {committee}) eller en administratör",
  "status.reopen.whoAdmin": "En administratör",
  "status.receipt.reopened": "Öppnad för ändring av {by} till och med {until}.",
  "status.receipt.reopen": "Öppna för ändring ({days} dagar)",
  "status.receipt.requestReopen": "Be om att få ändra",
  "status.reopen.refused":
    "Bara administratörer och nämndens sakkunniga ({committee}) kan öppna en redovisning efter sista dagen.",
  "status.reopen.requested":
    "Jag har bett {names} att öppna statusen för ändring. Du får ett meddelande här när den är öppen.",
  "status.reopen.unreachable":
    "Jag når ingen som kan öppna den: {names} har inte öppnat Uppföljningsboten i Teams än. Be dem öppna appen, och klicka sedan här igen.",
  "status.reopen.done": "Öppnad: {author} kan ändra statusen för {assignment} till och med {until}. {told}",
  "status.reopen.told": "Jag har sagt till {author}.",
  "status.reopen.notTold": "Säg till {author}; jag når hen inte i Teams.",
  "status.reopen.already": "Statusen går redan att ändra.",
  "status.reopen.requestTitle": "Begäran om att få rätta en status",
  "status.reopen.requestText":
    "{name} vill rätta sin status för {assignment} ({period}) i {agreement}. Sista dagen var {due}.",
  "status.reopen.toAuthor": "{by} har öppnat statusen för ändring till och med {until}.",
  "status.reopen.admins": "en administratör",
  "status.stale":
    "{name} sparade en nyare version (version {version}, {when}) medan du fyllde i formuläret. Ingenting skrevs över – här är den senaste versionen.",
  "status.closed": "Redovisningen stängde {due}; den sparade statusen står kvar som den lämnades.",
  "status.formBroken":
    "Formuläret saknar sin nyckel (det kan vara från en äldre version av mig). Skriv ”status” och öppna ett nytt.",
  "status.formUsed":
    "Det här formuläret har redan skickats, av dig för en annan redovisning eller av någon annan. Skriv ”status” och öppna ett nytt – inget har sparats från det här.",
  "status.error.thousands":
    "”{value}” kan läsas på två sätt. Skriv tusental utan punkt eller komma, t.ex. 1200 eller 1 200.",
  "status.receipt.lateLabel": "Lämnad",
  "status.receipt.lateValue": "efter sista dagen ({due})",
  "reminder.introTomorrow":
    "{count} uppdrag i {agreement} saknar status inför {due}, alltså i morgon. Det tar en minut:",
  "roles.unknownRole": "”{role}” är ingen roll jag känner till. Roller: admin, sakkunnig, chef, ombud.",
  "roles.scopeRequired":
    "Rollen {role} behöver en kod: nämndens för sakkunnig, divisionens för chef och ombud. Koder jag känner till: {codes}. Skriv t.ex. ”{example}”.",
  "roles.unknownScope": "Jag känner inte till koden ”{scope}” i någon överenskommelse. Koder jag känner till: {codes}.",
  "reminder.title": "Påminnelse: status senast {due}",
  "reminder.intro": "{count} uppdrag i {agreement} saknar status inför {due} (om {days} dagar). Det tar en minut:",
  "reminder.introToday": "{count} uppdrag i {agreement} saknar status, och sista dagen är i dag ({due}):",

  "roles.personDidYouMean":
    "Jag hittar ingen som heter exakt ”{who}”. Menar du {name}? Skriv hela namnet, eller nämn personen med @.",
  "roles.someone": "Namn",
  "roles.title": "Roller",
  "roles.mine": "Dina roller: {roles}.",
  "roles.none": "Du har inga roller ännu. En administratör kan ge dig en, t.ex. divisionschef för din division.",
  "roles.usage":
    "Skriv ”roller” för att se roller. Administratörer: ”roller ge chef DSO @Namn”, ”roller ge sakkunnig KAN @Namn”, ”roller ta bort chef DSO @Namn”. Roller: admin, sakkunnig (nämndkod), chef och ombud (divisionskod).",
  "roles.granted": "{name} är nu {role}{scope}.",
  "roles.alreadyGranted": "{name} var redan {role}{scope}; inget ändrades.",
  "roles.revoked": "{name} är inte längre {role}{scope}.",
  "roles.notGranted": "{name} var inte {role}{scope}; inget ändrades.",
  "roles.personUnknown":
    "Jag vet inte vem ”{who}” är. Nämn personen med @, be hen skriva till mig först, eller ange Entra-objekt-id.",
  "roles.personAmbiguous": "Flera personer matchar ”{who}”: {names}. Nämn personen med @.",
  "roles.personMissing": "Vem ska rollen gälla? Nämn personen med @ sist i meddelandet.",
  "roles.onlyAdmins": "Bara administratörer kan ändra roller. Dina roller: {roles}.",
  "roles.name.admin": "administratör",
  "roles.name.expert": "sakkunnig",
  "roles.name.chief": "divisionschef",
  "roles.name.delegate": "ombud",

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
  "answer.content.dates": "Datum: {dates}.",
  "answer.content.seeAlso": "Se även:",
  "answer.content.none":
    "Jag hittade inget i överenskommelserna som svarar på det, så jag gissar inte. Prova med ord som står i avtalet, t.ex. uppdragets eller verksamhetens namn, eller fråga efter datum: ”vad ska redovisas i april?”.",
  "answer.content.missingYear": "Jag har ingen överenskommelse för {year}.",
  "answer.generated": "(Formulerat av en språkmodell utifrån källorna nedan.)",
  "answer.indexing":
    "Jag läser just nu in överenskommelserna och kan svara om en liten stund. Fråga gärna igen om en halv minut.",
  "answer.indexStale": "(Svaret bygger på dokumenten före den senaste importen, som fortfarande läses in.)",

  "summary.title": "{period} {year}: {agreement}",
  "summary.scope": "{parties} · perioden {from} – {to} · läget {asOf}",
  "summary.overview": "Översikt",
  "summary.statusCounts":
    "{on_track} enligt plan, {at_risk} risk, {delayed} försenade, {done} klara, {none} utan uppdatering (av {total} uppdrag och mål)",
  "summary.itemCounts": "Redovisningar i perioden: {met} lämnade, {missed} missade, {upcoming} kommande",
  "summary.noUpdate": "⚠ Ingen uppdatering för perioden",
  "summary.status": "Status",
  "summary.trail": "under perioden: {trail}",
  "summary.reportedBy": "Rapporterat av {name} {when} (version {version}), för {period}.",
  "summary.required": "Ska redovisas vid {occasion}",
  "summary.items": "Redovisningar i perioden",
  "summary.item.met": "lämnad",
  "summary.item.missed": "missad",
  "summary.item.upcoming": "kommande",
  "summary.item.afterPeriod": "inte lämnad (sista dag efter perioden)",
  "summary.itemCountsAfterPeriod": "{count} inte lämnade med sista dag efter perioden",
  "summary.general": "Övrigt som ska redovisas vid {occasion}",
  "summary.narratives": "Kort sammanfattning per område",
  "summary.generated":
    "Genererad av en språkmodell enbart ur lagrade statusuppdateringar – kontrollera innan den används.",
  "summary.page": "Sida {page} av {pages}",
  "summary.next": "Nästa sida",
  "summary.previous": "Föregående sida",
  "summary.downloadWord": "Ladda ner Word",
  "summary.downloadMarkdown": "Ladda ner Markdown",
  "summary.usage":
    "Skriv t.ex. ”sammanfattning delår 2025” eller ”sammanfattning helår 2025 kan”. Perioder: vår (tertial 1), delår, helår.",
  "summary.noAgreement": "Jag hittade ingen överenskommelse {which} som du kan följa. Dina roller: {roles}.",
  "summary.whichAgreement":
    "Flera överenskommelser passar: {ids}. Lägg till en del av id:t, t.ex. ”sammanfattning {period} {year} {example}”.",
  "summary.refused":
    "Sammanfattningar är för nämndens sakkunniga, divisionens chef och ombud samt administratörer. Be en administratör om en roll.",
  "shared.personalOnly.summary":
    "Sammanfattningar visar jag bara i vår personliga chatt, eftersom alla här inte får se allt de innehåller. Skriv till mig där.",
  "shared.personalOnly.digest":
    "Ditt sammandrag visar jag bara i vår personliga chatt. I en kanal kan du koppla nämndens sammandrag: ”sammandrag kanal KAN”.",
  "shared.personalOnly.status":
    "Status och rapportering visar jag bara i vår personliga chatt, eftersom alla här inte får se divisionens rapporter. Skriv ”status” till mig där.",
  "shared.personalOnly.roles":
    "Roller visar jag bara i vår personliga chatt. Skriv ”roller” till mig där; att ge och ta bort roller går bra här.",
  "summary.linkExpired": "Länken har gått ut eller är fel. Be om sammanfattningen igen i Teams.",
  "command.summary.title": "sammanfattning",
  "command.summary.description":
    "Delårs- eller helårssammanfattning av en överenskommelse, t.ex. ”sammanfattning delår 2025”.",

  "digest.title": "Veckans uppföljning, vecka {week}",
  "digest.subtitle": "{committees} · {agreements} · läget {today}",
  "digest.quiet":
    "Allt lugnt: inget att lämna in de närmaste {days} dagarna, inget försenat och inga nya statusrapporter.",
  "digest.upcoming": "Kommande {days} dagar ({count})",
  "digest.overdue": "Försenat – ingen status ({count})",
  "digest.updates": "Nytt sedan förra veckan ({count})",
  "digest.meeting": "Sammanträde",
  "digest.submission": "Underlag senast",
  "digest.more": "… och {count} till.",
  "digest.updateDetail": "{author}, {when} · version {version}",
  "digest.footer":
    "Du får det här för att du är sakkunnig för {committees}. Skriv ”sammandrag paus” för att pausa, ”sammandrag tyst” för att slippa veckor utan nyheter.",
  "digest.footerChannel":
    "Kanalen får veckosammandraget för {committees}. För att sluta: @Uppföljningsboten sammandrag kanal av ⟨nämndkod⟩.",
  "digest.deadlines": "Hela listan",
  "digest.deadlinesQuestion": "vad ska redovisas de kommande 4 veckorna?",
  "digest.summary": "Sammanfattning {period}",
  "digest.summaryOf": "Sammanfattning {agreement}",
  "digest.fallback":
    "Veckans uppföljning v. {week}: {upcoming} kommande, {overdue} försenade, {updates} nya statusrapporter.",
  "digest.paused": "Veckosammandraget är pausat. Skriv ”sammandrag på” när du vill ha det igen.",
  "digest.resumed": "Veckosammandraget är på igen: du får det nästa gång sammandragen går ut (normalt måndag morgon).",
  "digest.skipQuietOn": "Klart: veckor utan något nytt får du inget sammandrag.",
  "digest.skipQuietOff": "Klart: veckor utan något nytt får du ett kort ”allt lugnt”.",
  "digest.notExpert":
    "Veckosammandraget går till nämndens sakkunniga. Du har ingen sådan roll; be en administratör om den.",
  "digest.channelAdded": "Kanalen får nu veckosammandraget för {committee}.",
  "digest.channelRemoved": "Kanalen får inte längre veckosammandraget för {committee}.",
  "digest.channelNotConnected": "Kanalen var inte kopplad till sammandraget för {committee}; inget ändrades.",
  "digest.channelOnlyInChannel": "Skriv det i den kanal som ska få sammandraget (och nämn mig).",
  "digest.channelNotAllowed":
    "Bara administratörer och sakkunniga för {committee} kan koppla en kanal till nämndens sammandrag.",
  "digest.usage":
    "”sammandrag” visar veckans sammandrag nu; ”sammandrag paus” / ”sammandrag på”; ”sammandrag tyst” / ”sammandrag alltid”; i en kanal: ”sammandrag kanal KAN” / ”sammandrag kanal av KAN”.",
  "command.digest.title": "sammandrag",
  "command.digest.description": "Veckans sammandrag för sakkunniga nu; ”sammandrag paus” pausar det.",

  "command.review.title": "granska",
  "command.review.description":
    "Administratörer: granska och rätta det som lästes ur en överenskommelse, t.ex. ”granska KAN 2025”. Skicka en PDF- eller Word-fil till mig för att importera en ny.",

  "upload.wrongType":
    "Skicka överenskommelsen som en PDF- eller Word-fil (.pdf eller .docx) – bilder och andra bilagor kan jag inte läsa in.",
  "upload.notAdmin":
    "Bara administratörer kan importera överenskommelser. Jag har inte hämtat eller sparat filen. Be en administratör importera den, eller om att få rollen.",
  "upload.unknownUser": "Teams berättade inte vem du är, så jag kan inte ta emot filen.",
  "upload.personalOnly": "Filer tar jag emot i vår personliga chatt. Skicka överenskommelsen till mig där.",
  "upload.oneAtATime": "Skicka en fil i taget – jag läser in {name} nu och hoppade över de andra.",
  "upload.reading": "Jag läser {name} …",
  "upload.progress": "Läser {name}: sida {page} av {pages} …",
  "upload.done": "Klart: {name} är inläst.",
  "upload.vectorsPending":
    "Semantisk sökning kunde inte förberedas för {name} (embeddings-servern svarade inte). Frågor besvaras från orden i texten så länge; det tas igen av sig självt när servern svarar igen.",
  "upload.failed": "{name} importerades inte. {reason} Inget har ändrats.",
  "upload.download.tooLarge": "Filen är större än {max} MB, som är gränsen för import (IMPORT_MAX_FILE_MB).",
  "upload.download.timeout":
    "Det tog för lång tid att hämta filen från Teams (mer än {seconds} s). Försök igen om en stund.",
  "upload.download.refused": "Filens adress är inte en säker Teams-adress (https), så jag hämtade den inte.",
  "upload.download.failed": "Jag kunde inte hämta filen från Teams. Försök skicka den igen.",
  "import.rejected.empty": "Filen är tom.",
  "import.rejected.too_large": "Filen är för stor för import.",
  "import.rejected.unsupported_type":
    "Det är inte en PDF- eller Word-fil. Skicka överenskommelsen som .pdf eller .docx.",
  "import.rejected.legacy_word": "Det är en äldre Word-fil (.doc). Spara den som .docx eller PDF och skicka den igen.",
  "import.rejected.not_a_pdf": "Filen heter .pdf men är ingen PDF. Exportera den på nytt från originalet.",
  "import.rejected.pdf_encrypted":
    "PDF-filen är lösenordsskyddad. Ta bort skyddet (eller skriv ut den till en ny PDF) och skicka den igen.",
  "import.rejected.pdf_damaged": "PDF-filen är skadad och går inte att läsa. Exportera den på nytt från originalet.",
  "import.rejected.pdf_needs_ocr": "PDF-filen är inskannad och har ingen text som jag kan läsa.",
  "import.rejected.docx_damaged": "Word-filen är skadad och går inte att läsa. Spara den på nytt och skicka den igen.",
  "import.rejected.binary": "Filen innehåller ingen läsbar text.",
  "import.rejected.no_text": "Jag hittade ingen text i filen.",
  "import.rejected.archive_too_large": "Word-filen packas upp till mer än importen tillåter.",
  "import.rejected.archive_suspicious": "Word-filen ser manipulerad ut, så jag läste den inte.",
  "import.rejected.pdf_too_many_pages": "Filen har fler sidor än importen tillåter (IMPORT_MAX_PAGES).",
  "import.rejected.extraction_too_slow": "Det tog för lång tid att läsa filen (IMPORT_TIME_LIMIT_SECONDS).",
  "import.rejected.extraction_out_of_memory":
    "Filen krävde mer minne än importen tillåter (IMPORT_MEMORY_LIMIT_MB). Exportera den på nytt från originalet.",
  "import.rejected.ocr_unavailable":
    "PDF-filen är inskannad, och programmen för textigenkänning (OCR) saknas på servern. Be systemförvaltaren installera Debian-paketen tesseract-ocr, tesseract-ocr-swe och poppler-utils.",
  "import.rejected.ocr_too_many_pages": "Filen har fler inskannade sidor än textigenkänningen läser (OCR_MAX_PAGES).",
  "import.notAgreement":
    "{name} ser inte ut som en överenskommelse. Jag har sparat den som ett dokument som går att ställa frågor om, men utan deadlines.",
  "import.unchanged": "Filen var redan inläst – inget har ändrats.",
  "import.created": "Ny överenskommelse inläst.",
  "import.replaced": "Ersätter den tidigare versionen (nu version {version}).",

  "review.title": "Granska: {title}",
  "review.facts": "{committee} · {division} · {year}",
  "review.counts": "{items} redovisningar · {assignments} uppdrag och mål · {indicators} indikatorer",
  "review.intro":
    "Kontrollera det jag läste ut. Rätta, ta bort eller lägg till redovisningar och bekräfta när allt stämmer.",
  "review.page": "Sida {page} av {pages}",
  "review.none": "Jag hittade inga redovisningar i överenskommelsen. Lägg till dem som saknas.",
  "review.unknown": "okänt",
  "review.meeting": "Sammanträde {date}",
  "review.submission": "Underlag senast {date}",
  "review.dateOnly": "Datum {date}",
  "review.noDate": "Inget datum ({period})",
  "review.form.oral": "Muntlig",
  "review.form.written": "Skriftlig",
  "review.form.both": "Muntlig och skriftlig",
  "review.form.none": "Form ej angiven",
  "review.mark.confirmed": "✔ bekräftad",
  "review.mark.corrected": "✎ rättad",
  "review.mark.added": "+ tillagd",
  "review.edit": "Redigera",
  "review.remove": "Ta bort",
  "review.add": "Lägg till redovisning",
  "review.confirmAll": "Bekräfta alla",
  "review.next": "Nästa",
  "review.previous": "Föregående",
  "review.done.edit": "Rättat: {title}.",
  "review.done.remove": "Borttagen: {title}.",
  "review.done.add": "Tillagd: {title}.",
  "review.done.confirm": "{count} redovisningar bekräftade.",
  "review.done.already": "Det här var redan gjort – jag gjorde det inte en gång till.",
  "review.gone": "Redovisningen finns inte längre (den kan ha tagits bort eller importerats på nytt).",
  "review.refused": "Bara administratörer kan granska och rätta överenskommelser.",
  "review.personalOnly":
    "Granskningen visar jag bara i vår personliga chatt, så att ingen annans knapptryck ändrar den här. Skriv ”granska” till mig där.",
  "review.which": "Vilken överenskommelse vill du granska? Skriv t.ex. ”granska {example}”. Inlästa: {agreements}.",
  "review.noAgreements":
    "Inga överenskommelser är inlästa ännu. Skicka en PDF- eller Word-fil till mig för att importera en.",
  "review.ambiguous": "Flera överenskommelser passar ”{text}”: {agreements}. Skriv mer av namnet eller året.",
  "review.noMatch": "Ingen överenskommelse passar ”{text}”. Inlästa: {agreements}.",
  "review.editTitle": "Redigera redovisning",
  "review.addTitle": "Lägg till redovisning",
  "review.field.title": "Vad redovisas",
  "review.field.date": "Datum i överenskommelsen (ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM för en månad)",
  "review.field.meetingDate": "Sammanträde (när det redovisas)",
  "review.field.submissionDate": "Underlag senast (skriftligt material)",
  "review.field.form": "Form",
  "review.field.titleRequired": "Skriv vad som redovisas.",
  "review.save": "Spara",
  "review.cancel": "Tillbaka",
  "review.problem.bad_date":
    "Datumet ska skrivas ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM, t.ex. 2025-05-28 eller 2025-05. En ny redovisning behöver minst ett datum.",
  "review.problem.bad_meeting_date": "Sammanträdets datum ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2025-05-28.",
  "review.problem.bad_submission_date": "Datumet för underlaget ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2025-05-07.",
  "review.problem.bad_form": "Välj muntlig, skriftlig eller båda.",
  "review.problem.empty_title": "Skriv vad som redovisas – rubriken får inte vara tom.",
  "review.problem.nothing_to_change": "Du ändrade ingenting. Ändra ett fält, eller gå tillbaka.",
  "review.problem.due_after_meeting": "Underlaget kan inte vara senare än sammanträdet.",
  "review.problem.summary": "Något behöver rättas innan jag kan spara – se nedan. Det du skrev finns kvar.",

  "message.tooLong":
    "Meddelandet är för långt för mig (högst {max} tecken). Ställ frågan kort, eller importera dokumentet i stället.",
  "error.database_unavailable":
    "Databasen svarar inte just nu. Försök igen om en liten stund – inget av det du skickat har gått förlorat.",
  "error.database_outdated": "Databasen behöver uppdateras av en administratör innan jag kan svara.",
  "error.not_found": "Jag hittade inte det du frågade efter.",
  "error.invalid_input": "Det där kunde jag inte tolka: {detail}",
  "error.forbidden": "Du har inte behörighet att göra det här.",
  "error.internal": "Något gick fel hos mig. Försök igen om en stund; felet är loggat.",

  "extraction.ocrUnavailable":
    "PDF-filen är inskannad och behöver textigenkänning (OCR), men verktygen för det saknas på servern ({detail}). Be systemförvaltaren installera Debian-paketen: sudo apt-get install {packages}. Inget har importerats.",
  "extraction.ocrOff":
    "PDF-filen är inskannad och har inget textlager ({pages} sidor med bilder, {letters} bokstäver). Textigenkänning (OCR) är avstängd (OCR=off); slå på den, eller kör OCR på filen i ditt PDF-program och importera resultatet.",
  "extraction.ocrTooManyPages":
    "PDF-filen har {scanned} inskannade sidor; textigenkänningen läser högst {max} (OCR_MAX_PAGES). Kontrollera att det är rätt fil, eller höj gränsen.",
  "extraction.ocrPages":
    "{count} av {pages} sidor var inskannade och lästes med textigenkänning (OCR): kontrollera datum och rubriker.",
} as const;

export type MessageKey = keyof typeof sv;
