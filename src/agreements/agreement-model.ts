// The structured model of an agreement (överenskommelse), as read from its text. Plain data:
// the parser produces it, storage persists it, questions, status cards and summaries read it.
import type { Recurrence } from "../shared/lexicon/periods.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import type { IndicatorUnit } from "./indicator-unit.ts";

/** Where an assignment comes from and what it is. */
export type AssignmentKind =
  | "grunduppdrag" // standing core assignment (grunduppdrag / grundverksamhet)
  | "sarskilt_uppdrag_kf" // special assignment from the council (KF)
  | "sarskilt_uppdrag_namnd" // special assignment from the committee
  | "mal_kf" // goal set by the council
  | "mal_namnd"; // goal set by the committee

export const assignmentKindLabels: Record<AssignmentKind, { sv: string; en: string }> = {
  grunduppdrag: { sv: "Grunduppdrag", en: "Core assignment" },
  sarskilt_uppdrag_kf: { sv: "Särskilt uppdrag (KF)", en: "Special assignment (council)" },
  sarskilt_uppdrag_namnd: { sv: "Särskilt uppdrag (nämnd)", en: "Special assignment (committee)" },
  mal_kf: { sv: "Mål (KF)", en: "Goal (council)" },
  mal_namnd: { sv: "Mål (nämnd)", en: "Goal (committee)" },
};

export type ReportForm = "oral" | "written" | "both";

/** The follow-up occasions of the planning system (VP/Hypergene): vår, delår, helår. */
export type FollowUpOccasion = "var" | "delar" | "helar";

export interface SectionModel {
  ordinal: number;
  /** "3.2", "5.5.11"; null for unnumbered headings and the preamble. */
  number: string | null;
  heading: string;
  level: number;
  text: string;
  startLine: number;
  endLine: number;
}

export interface AssignmentModel {
  /**
   * Stable identity within the agreement's series, kept across new versions of the agreement so
   * that status updates attached to an assignment survive a re-import.
   */
  key: string;
  ordinal: number;
  kind: AssignmentKind;
  number: string | null;
  title: string;
  description: string;
  /** Number (or heading) of the section the assignment is defined in. */
  section: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /** Committees named in the title, e.g. "(KAN, SN)". */
  committees: string[];
}

export interface IndicatorModel {
  ordinal: number;
  assignmentKey: string | null;
  name: string;
  /** "Kolada", "Egen statistik", … or null when the agreement does not say. */
  source: string | null;
  /** True when the agreement demands figures for women and men. */
  splitBySex: boolean;
  /** What the figures are (count, share, amount, rate); null when the agreement does not say. */
  unit: IndicatorUnit | null;
  section: string | null;
}

export interface ReportingItemModel {
  key: string;
  ordinal: number;
  assignmentKey: string | null;
  title: string;
  /** What the document says about the item: its table row or sentence, as shown to people. */
  description: string;
  /** The text the item was read from, for citation and review. */
  evidence: string;
  /**
   * The date the text names: the meeting date or the stated due date (Slutdatum) as "YYYY-MM-DD",
   * or only a month ("YYYY-MM") when the text gives no day. Null for follow-up at an occasion or period.
   */
  date: IsoDate | null;
  /** How precise the date is: a day, a week (a day of it by rule), a month, or only a period/occasion (no date). */
  precision: DatePrecision;
  meetingDate: IsoDate | null;
  /** When written material is due; null when no rule or due date applies. */
  submissionDate: IsoDate | null;
  /** How submissionDate was found: "stated" (a due date in the text) or the rule, e.g. "3 veckor före sammanträdet". */
  submissionRule: string | null;
  form: ReportForm | null;
  recipient: string | null;
  /** The period the report covers, as written: "tertial 1 2025", "helår 2024", "1/1–31/8 2026". */
  period: string | null;
  /** Normalised period: T1/T2/T3, Q1–Q4, V/D/H, or null. */
  periodCode: string | null;
  /** Set for follow-up in the planning system at vår/delår/helår, where the text gives no date. */
  occasion: FollowUpOccasion | null;
  /** Set for follow-up that recurs without dates: "kvartalsvis", "varje månad". */
  recurrence: Recurrence | null;
  /** "VP/Hypergene" when the report is made in the planning system. */
  channel: string | null;
  section: string | null;
}

/** "week": the text names a week ("senast v. 10"); `date` is the day of it chosen by rule (see time-mentions.ts). */
export type DatePrecision = "day" | "week" | "month" | "period";

export interface EconomyLineModel {
  ordinal: number;
  activity: string;
  /** The amount for the agreement year in thousands of SEK (the last amount column when several). */
  amountTkr: number | null;
  amounts: number[];
  isTotal: boolean;
  section: string | null;
}

export interface NamedParty {
  name: string;
  code: string | null;
}

export interface AgreementFacts {
  title: string;
  /** The municipality the document belongs to ("Nyköping"), when it names itself. */
  municipality: string | null;
  committee: NamedParty | null;
  division: NamedParty | null;
  year: number | null;
  diarienummer: string | null;
  decisionDate: IsoDate | null;
}

export interface DocumentClassification {
  kind: "agreement" | "document";
  score: number;
  signals: string[];
}

/** A unit of text answers are chosen from: a sentence, a list item, a table row or a heading. */
export interface PassageModel {
  ordinal: number;
  /** Ordinal of the section it belongs to. */
  section: number;
  /** The reader's block it comes from and its position there: neighbours share the block. */
  block: number;
  position: number;
  kind: "sentence" | "listItem" | "tableRow" | "heading";
  /** The text as shown and quoted (OCR damage repaired). */
  text: string;
  /** The row's label (first cell) for table rows. */
  label: string | null;
  /** What introduces it: the list's lead-in sentence, or the table's column headers. */
  context: string | null;
}

export interface ParsedDocument {
  classification: DocumentClassification;
  facts: AgreementFacts;
  sections: SectionModel[];
  assignments: AssignmentModel[];
  indicators: IndicatorModel[];
  reportingItems: ReportingItemModel[];
  economyLines: EconomyLineModel[];
  passages: PassageModel[];
  /** How much OCR damage was repaired: share of words, and how many words. */
  repair: { damage: number; repairs: number };
  /** Things a person reviewing the import should know, e.g. a table that could not be read. */
  warnings: string[];
}
