// The words agreements use for reporting, meetings, forms, channels, recipients, genres and kinds
// of commitments — one reviewed vocabulary for the reader, the question reader and the summaries.
// Patterns work on folded text (lower case, no diacritics; see shared/text/fold.ts), so "redovisa",
// "Redovisning" and an OCR'd "redovisnlng" are not all caught — repair runs before this.
import { fold } from "../text/fold.ts";

/** Verbs and nouns of reporting back: "rapport", "redovisas", "återrapportering", "följs upp". */
export const reportingCue =
  /\b(rapport\w*|\w*redovis\w*|aterrapport\w*|avrapport\w*|uppfoljning\w*|folj(s|a|er) upp|presenter\w*|inkomm\w*|inlamn\w*|lamnas|lamna|lamnar|lamnats|delges?|informer\w*|information till|dragning\w*|avstamning\w*|aterkoppl\w*|statusrapport\w*|\w+rapport(en|er)?)\b/;

/** Committee meetings: "sammanträde", "nämndmöte", "presidiemöte", "mötet". */
export const meetingCue =
  /\b(\w*sammantrade\w*|\w*sammantrad\w*|namndmote\w*|presidiemote\w*|namndens mote\w*|motet|mote den|arbetsutskott\w*)\b/;

/** Words before a date that make it a due date for material, not a meeting. */
export const dueCue =
  /\b(senast|slutdatum|deadline|sista (dag|datum)\w*|tillhanda|inlamning\w*|inlamnad\w*|lamnas in|inkomma med|ska vara inne|ska ha inkommit|ska inkomma|due)\b/;

/**
 * Words before a date that make it something other than a reporting occasion: decisions,
 * validity, start dates, when a law takes effect, outcome years of figures.
 */
export const notADeadlineCue =
  /\b(beslutsdatum|beslutade?s?|beslut fattades|fattade beslut|faststalld\w*|antogs|antagen|antaget|startdatum|startar|start\b|borjar|borjade|trader i kraft|tradde i kraft|i kraft|galler fran|gallande fran|fr\.?o\.?m\.?|fran och med|t\.?o\.?m\.?|till och med|tecknad\w*|pagar|pagick|giltig\w*|sedan|fodd\w*|infordes|inleddes|startade|diarienummer|dnr|protokoll\w*|daterad\w*|reviderad\w*)\W+(?:\S+\s+){0,5}\S*$|\b(utfall|prognos|budget)\W*$|\b(utom|forutom|undantaget)\W+(?:\S+\s+){0,3}\S*$/;

/** Oral and written reports; OCR drops letters from "skriftlig" often enough to list its forms. */
export const oralCue = /\bmuntlig\w*|\bmuntl\b|\bdragning\w*|\bpresentation\w*/;
export const writtenCue = /\bskri(f|t)?t?lig\w*|\bskriftig\w*|\bskriftl\b|\bskriftligt\b/;

/** The statement of the written-material rule, which names "skriftliga underlag" without being a written report. */
export const submissionRuleStatement =
  /skri\S*\s+underlag[^.]*?(?:sammantr\S*|m\S{1,2}tet|motet)\.?|underlag[^.]*?(?:veckor|dagar|arbetsdagar)[^.]*?(?:sammantr\S*|m\S{1,2}tet|motet)\.?/g;

/** Planning and follow-up systems where goals are reported at V/D/H. */
export function channelOf(text: string): string | null {
  const hasVp = /\bVP\b|VP-modul|verksamhetsplan/i.test(text);
  const hasHypergene = /hypergene/i.test(text);
  const hasStratsys = /stratsys/i.test(text);
  if (hasVp && hasHypergene) return "VP/Hypergene";
  if (hasHypergene) return "Hypergene";
  if (hasStratsys) return "Stratsys";
  if (hasVp) return "VP";
  if (/planeringssystem|uppfoljningssystem/i.test(text)) return "planeringssystemet";
  return null;
}

/** Who receives a report, from folded text. */
export function recipientOf(folded: string, committeeName: string | null): string | null {
  if (/\b(till|for) (namndens |nam\w*s )?sakkunnig/.test(folded) || /\bsakkunnig\w* (tillhanda|senast)/.test(folded))
    return "sakkunnig";
  if (/\b(till|for|vid) (namndens )?presidi/.test(folded)) return "presidiet";
  if (/\btill styrgrupp/.test(folded)) return "styrgruppen";
  if (/\btill (kommunstyrelsen|ks)\b/.test(folded)) return "Kommunstyrelsen";
  if (/\btill (kommunfullmaktige|kf)\b/.test(folded)) return "Kommunfullmäktige";
  if (/\bnamnd|sammantr|\bnamnden\b/.test(folded)) return committeeName;
  return null;
}

/** Number words in submission rules ("tre veckor", "tio arbetsdagar"). */
export const numberWords: Record<string, number> = {
  en: 1,
  ett: 1,
  tva: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  atta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  tjugo: 20,
};

/** English number words, for questions ("within the next ten days"). */
export const englishNumberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
};

/**
 * The names under which the same kind of document appears: an agreement between a committee and
 * the division (or office) that does the work. Other documents (reports, minutes) are searchable
 * but have no deadlines.
 */
// Matched against folded text; the letter where OCR puts its å/ä/ö look-alikes ("Internéverenskommelse",
// "0verenskommelse", "Bestdllning", "Ndmndplan") may be any one or two characters.
// Any kind of "-avtal" or "-kontrakt" names one too ("resultatavtal", "verksamhetsavtal",
// "internkontrakt"): municipalities name the genre their own way, and the other signals must agree.
export const agreementGenre =
  /(?<![\p{L}\d])((?:intern|service)?[\p{L}\d]?verenskommel\w*|[a-z]{0,16}avtal\w*|[a-z]{0,16}kontrakt\w*|uppdragsplan\w*|best[\p{L}\d]{1,2}llning\w*|verksamhetsuppdrag\w*|uppdragsbeskrivning\w*|n[\p{L}\d]{1,2}mndplan\w*)(?![\p{L}\d])/u;

/** Kinds of commitment named in headings and markers. */
export const coreAssignmentCue =
  /^(grunduppdrag\w*|grundverksamhet\w*|grunduppdraget|basuppdrag\w*|ordinarie uppdrag)\b/;
export const specialAssignmentCue = /^(sarskil\w* uppdrag\w*|uppdrag\b|tillaggsuppdrag\w*|utvecklingsuppdrag\w*)/;
export const goalCue =
  /^(mal|malet|malen|namndmal\w*|inriktningsmal\w*|effektmal\w*|delmal\w*|verksamhetsmal\w*|kf-mal|kf mal|strategiska mal)\b/;
export const councilCue = /\b(kf|kommunfullmaktige\w*|ks|kommunstyrelse\w*|fullmaktige)\b/;

/**
 * The header of a column of the papers' last day, naming whose hands they go to: "Handlingar till
 * nämndsekreteraren senast", "Underlag till sakkunnig senast", "Sista dag för skriftligt underlag".
 */
export const papersDueHeader =
  /^(handl\w*|underlag\w*|material\w*|dokument\w*)\b[a-z ]{0,50}\bsenast$|^sista dag(en)? for [a-z ]{0,40}(underlag|handlingar|material)\w*$/;

/** Header words of follow-up tables, by the role of their column. */
export const columnRolePatterns: Array<{ role: ColumnRole; pattern: RegExp }> = [
  {
    role: "due",
    pattern:
      /^(slutdatum|sista dag\w*|senast|deadline|inlamning\w*|datum for inlamning|(handl|handlingar|underlag|underlaget|material|dokument)( inlamnade)? senast|sista dag for handlingar|underlag|underlaget|skriftligt underlag|(underlag|underlaget|handlingar|handlingarna|skriftligt underlag) till [a-z -]+)$/,
  },
  { role: "due", pattern: papersDueHeader },
  // "Rapport och form | Sammanträde", "Ärende | Sammanträde": what is reported (before "rapport…" as reporting).
  { role: "what", pattern: /^(rapport och form|rapport|rapporter|arende|arenden|arende och form|handling)$/ },
  {
    role: "when",
    pattern:
      /^(nar|datum|tidpunkt|tid|tidplan|manad|period|sammantrade\w*|namndsammantrade\w*|namndmote\w*|mote\w*|rapporteringstillfalle\w*|tillfalle)$/,
  },
  {
    role: "reporting",
    pattern: /^(rapportering|avrapportering|aterrapportering|aterrapport|redovisning|uppfoljning|rapport)\b/,
  },
  // "Vecka | Datum | Vad": the week a row falls in; its date when the table has no day column.
  { role: "week", pattern: /^(vecka|veckor|v|v nr|veckonummer|vecka nr|veckonr)$/ },
  { role: "how", pattern: /^(hur|form|satt|redovisningsform|rapportform|typ av rapport)$/ },
  { role: "recipient", pattern: /^(till vem|mottagare|till|vem)$/ },
  {
    role: "what",
    pattern: /^(vad|vad redovisas|vad rapporteras|vad ska redovisas|titel|rubrik|innehall|aktivitet|uppgift|amne)$/,
  },
  {
    role: "description",
    pattern: /^(beskrivning|kommentar|innebord|forklaring|syfte|anm|anmarkning\w*|notering\w*|ovrigt)$/,
  },
  { role: "start", pattern: /^(startdatum|start|fran)$/ },
  { role: "source", pattern: /^(kalla|datakalla|kallor)$/ },
  { role: "responsible", pattern: /^(ansvarig\w*|ansvar)$/ },
  { role: "occasion", pattern: /^(v\/d\/h|vdh|uppfoljningstillfalle\w*|tillfallen)$/ },
];

export type ColumnRole =
  | "due"
  | "when"
  | "reporting"
  | "how"
  | "recipient"
  | "what"
  | "description"
  | "start"
  | "source"
  | "responsible"
  | "occasion"
  | "week"
  | "label"
  | "value"
  | "amount"
  | "unknown";

/** A field label as the roles compare it: "Underlag senast:" → "underlag senast". */
export function labelKeyOf(label: string): string {
  return fold(label)
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The role of a table column from its (folded) header text. */
export function columnRoleOf(foldedHeader: string): ColumnRole {
  const text = foldedHeader
    .replace(/[^a-z0-9/ -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const { role, pattern } of columnRolePatterns) if (pattern.test(text)) return role;
  if (/tkr|kronor|belopp|ersattning|budget|kostnad|pris/.test(text)) return "amount";
  return "unknown";
}

/** Markers of labelled blocks in laid-out agreements ("UPPFÖLJNING", "INDIKATOR", "MÅL KF"), folded. */
export const followUpMarker =
  /^(uppfoljning|uppfoljningar|aterrapportering|avrapportering|rapportering|redovisning|tidplan for uppfoljning|uppfoljningsplan)$/;
export const indicatorMarker = /^(indikator|indikatorer|nyckeltal|matetal|matt|resultatmatt)$/;
