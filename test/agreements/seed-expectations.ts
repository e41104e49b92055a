// Every dated reporting item in the two seed agreements, written down by reading the documents
// (not by running the parser): section, the date the text names, the meeting, when written
// material is due, and the form. A parser change that loses or invents one fails the tests.

export interface ExpectedItem {
  section: string;
  date: string;
  meetingDate: string | null;
  submissionDate: string | null;
  form: "oral" | "written" | "both" | null;
  period?: string;
}

/** 001: 2025 KAN ↔ DSO. Meeting dates; written material three weeks before (rule stated per table/cell). */
export const seed001Items: ExpectedItem[] = [
  // 3.2 Uppföljning av grunduppdrag Arbetsmarknadsverksamhet (Vad/När/Hur/Till vem)
  {
    section: "3.2",
    date: "2025-02-05",
    meetingDate: "2025-02-05",
    submissionDate: null,
    form: "oral",
    period: "helår 2024",
  },
  {
    section: "3.2",
    date: "2025-05-28",
    meetingDate: "2025-05-28",
    submissionDate: "2025-05-07",
    form: "written",
    period: "tertial 1 2025",
  },
  {
    section: "3.2",
    date: "2025-11-05",
    meetingDate: "2025-11-05",
    submissionDate: "2025-10-15",
    form: "written",
    period: "tertial 2 2025",
  },
  // 3.4 Uppföljning av grunduppdrag Integrationsvägledning och -samordning
  { section: "3.4", date: "2025-02-05", meetingDate: "2025-02-05", submissionDate: null, form: "oral" },
  { section: "3.4", date: "2025-05-28", meetingDate: "2025-05-28", submissionDate: "2025-05-07", form: "written" },
  { section: "3.4", date: "2025-09-17", meetingDate: "2025-09-17", submissionDate: null, form: "oral" },
  { section: "3.4", date: "2025-12-10", meetingDate: "2025-12-10", submissionDate: "2025-11-19", form: "written" },
  // 3.6 Särskilda uppdrag: heltidsmodellen (skriftlig + skriftlig)
  { section: "3.6", date: "2025-03-26", meetingDate: "2025-03-26", submissionDate: "2025-03-05", form: "written" },
  { section: "3.6", date: "2025-09-17", meetingDate: "2025-09-17", submissionDate: "2025-08-27", form: "written" },
  // samverkansforum för unga arbetslösa
  { section: "3.6", date: "2025-05-28", meetingDate: "2025-05-28", submissionDate: null, form: "oral" },
  { section: "3.6", date: "2025-11-05", meetingDate: "2025-11-05", submissionDate: "2025-10-15", form: "written" },
  // arbetsinriktad rehabilitering
  { section: "3.6", date: "2025-03-26", meetingDate: "2025-03-26", submissionDate: null, form: "oral" },
  { section: "3.6", date: "2025-11-05", meetingDate: "2025-11-05", submissionDate: "2025-10-15", form: "written" },
  // Sikta mot arbetslivet
  { section: "3.6", date: "2025-03-26", meetingDate: "2025-03-26", submissionDate: null, form: "oral" },
  { section: "3.6", date: "2025-11-05", meetingDate: "2025-11-05", submissionDate: "2025-10-15", form: "written" },
  // 4.1 Ekonomisk uppföljning: muntlig rapport vid sammanträdena
  {
    section: "4.1",
    date: "2025-05-28",
    meetingDate: "2025-05-28",
    submissionDate: null,
    form: "oral",
    period: "tertial 1 2025",
  },
  {
    section: "4.1",
    date: "2025-09-17",
    meetingDate: "2025-09-17",
    submissionDate: null,
    form: "oral",
    period: "tertial 2 2025",
  },
];

/** 002: 2026 SN ↔ DSO (OCR). Slutdatum is the due date; the description names the meeting. */
export const seed002Items: ExpectedItem[] = [
  { section: "4.1.4", date: "2026-05-14", meetingDate: "2026-06-04", submissionDate: "2026-05-14", form: "both" },
  { section: "4.1.4", date: "2026-11-26", meetingDate: "2026-12-17", submissionDate: "2026-11-26", form: "oral" },
  { section: "4.5.2", date: "2026-02-05", meetingDate: "2026-02-26", submissionDate: "2026-02-05", form: "both" },
  { section: "4.5.2", date: "2026-04-02", meetingDate: "2026-04-23", submissionDate: "2026-04-02", form: "both" },
  { section: "5.5.4", date: "2026-05-14", meetingDate: "2026-06-04", submissionDate: "2026-05-14", form: null },
  { section: "5.5.5", date: "2026-04-23", meetingDate: "2026-04-23", submissionDate: "2026-04-23", form: "oral" },
  // "till nämndens sammanträde den oktober": the day is lost in the scan, so no meeting date.
  { section: "5.5.5", date: "2026-10-01", meetingDate: null, submissionDate: "2026-10-01", form: "both" },
  { section: "5.5.6", date: "2026-05-14", meetingDate: "2026-06-04", submissionDate: "2026-05-14", form: "both" },
  { section: "5.5.7", date: "2026-04-23", meetingDate: "2026-04-23", submissionDate: "2026-04-23", form: "oral" },
  { section: "5.5.7", date: "2026-12-17", meetingDate: "2026-12-17", submissionDate: "2026-12-17", form: "oral" },
  { section: "5.5.8", date: "2026-08-27", meetingDate: "2026-09-17", submissionDate: "2026-08-27", form: "both" },
  { section: "5.5.9", date: "2026-04-02", meetingDate: "2026-04-23", submissionDate: "2026-04-02", form: "oral" },
  { section: "5.5.9", date: "2026-08-27", meetingDate: "2026-09-17", submissionDate: "2026-08-27", form: "both" },
  { section: "5.5.10", date: "2026-08-27", meetingDate: "2026-09-17", submissionDate: "2026-08-27", form: "both" },
  // 5.5.11 grunduppdrag: vår, delår, helår (first meeting 2027), ej verkställda beslut, Lex Sarah, statsbidrag
  {
    section: "5.5.11",
    date: "2026-05-14",
    meetingDate: null,
    submissionDate: "2026-05-14",
    form: null,
    period: "1/1–30/4 2026",
  },
  {
    section: "5.5.11",
    date: "2026-10-01",
    meetingDate: null,
    submissionDate: "2026-10-01",
    form: null,
    period: "1/1–31/8 2026",
  },
  {
    section: "5.5.11",
    date: "2027-01-01",
    meetingDate: null,
    submissionDate: "2027-01-01",
    form: null,
    period: "1/1–31/12 2026",
  },
  { section: "5.5.11", date: "2026-12-31", meetingDate: null, submissionDate: "2026-12-31", form: null },
  { section: "5.5.11", date: "2026-08-27", meetingDate: null, submissionDate: "2026-08-27", form: "written" },
  { section: "5.5.11", date: "2026-10-01", meetingDate: null, submissionDate: "2026-10-01", form: "both" },
  // 5.5.12: Alla barn i skolan, Toleransprojektet, nämndens satsning på tidigt förebyggande insatser
  { section: "5.5.12", date: "2026-10-01", meetingDate: null, submissionDate: "2026-10-01", form: "both" },
  { section: "5.5.12", date: "2026-08-27", meetingDate: null, submissionDate: "2026-08-27", form: null },
  { section: "5.5.12", date: "2026-10-01", meetingDate: null, submissionDate: "2026-10-01", form: "written" },
  // 5.5.13: IOP (nämndsammanträdet i april), samsjukliga (23 april)
  { section: "5.5.13", date: "2026-04-02", meetingDate: null, submissionDate: "2026-04-02", form: "both" },
  { section: "5.5.13", date: "2026-04-02", meetingDate: "2026-04-23", submissionDate: "2026-04-02", form: "both" },
  // 5.5.14: hedersrelaterat våld, "i april"
  { section: "5.5.14", date: "2026-04-02", meetingDate: null, submissionDate: "2026-04-02", form: "both" },
];
