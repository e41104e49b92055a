// The storage port for imported documents and agreements. The Prisma adapter implements it;
// use cases and tests depend only on this.
import type { AssignmentKind, FollowUpOccasion, ParsedDocument, ReportingItemModel } from "./agreement-model.ts";
import type { ExtractedText } from "./source-document.ts";

export interface ImportedDocument {
  sourceName: string;
  contentHash: string;
  byteSize: number;
  extracted: ExtractedText;
  parsed: ParsedDocument;
  /** Search terms of each passage, in the order of parsed.passages. */
  passageTerms: string[];
  /** The reader that read it: the same bytes are read again when the reader is newer. */
  readerVersion: number;
  /** Identity of the agreement across versions (committee, division, year); null for other documents. */
  seriesKey: string | null;
  /** Preferred readable id for a new agreement, e.g. "kan-dso-2025". */
  preferredAgreementId: string | null;
}

export interface SaveOutcome {
  status: "created" | "replaced" | "unchanged";
  documentId: string;
  agreementId: string | null;
  version: number | null;
  /** For "unchanged": the file name the same content was first imported from. */
  existingSourceName?: string;
  /** For "replaced" agreements: assignments carried over from the previous version and those no longer present. */
  keptAssignments?: number;
  retiredAssignments?: number;
}

export interface AgreementSummary {
  id: string;
  title: string;
  committee: string | null;
  committeeCode: string | null;
  division: string | null;
  divisionCode: string | null;
  year: number | null;
  diarienummer: string | null;
  decisionDate: string | null;
  version: number;
  source: string;
  importedAt: Date;
  counts: {
    sections: number;
    assignments: number;
    indicators: number;
    reportingItems: number;
    datedReportingItems: number;
    economyLines: number;
  };
}

export interface DocumentSummary {
  id: string;
  kind: "agreement" | "document";
  title: string;
  source: string;
  importedAt: Date;
  sections: number;
}

export interface DeadlineFilter {
  from?: string;
  to?: string;
  /** Agreement id (or a unique part of it). */
  agreementId?: string;
  /** Also list follow-up at vår/delår/helår that has no date. */
  includePeriodic?: boolean;
}

/** One reporting item as the CLI, the bot and the digest show it: the stored item with its assignment and agreement. */
export interface DeadlineRecord
  extends Pick<
    ReportingItemModel,
    | "key"
    | "date"
    | "precision"
    | "meetingDate"
    | "submissionDate"
    | "submissionRule"
    | "title"
    | "description"
    | "section"
    | "form"
    | "recipient"
    | "period"
    | "periodCode"
    | "occasion"
    | "recurrence"
    | "channel"
  > {
  /** read | corrected | added: whether a person changed what the reader found. */
  origin: "read" | "corrected" | "added";
  confirmed: boolean;
  assignment: string | null;
  assignmentNumber: string | null;
  assignmentKind: AssignmentKind | null;
  assignmentId: string | null;
  agreement: {
    id: string;
    title: string;
    year: number | null;
    source: string;
    committee: string | null;
    divisionCode: string | null;
  };
}

export interface AgreementStore {
  findDocumentByHash(
    contentHash: string,
  ): Promise<{ documentId: string; sourceName: string; agreementId: string | null; version: number | null } | null>;
  saveImport(document: ImportedDocument, now: Date): Promise<SaveOutcome>;
  listAgreements(): Promise<AgreementSummary[]>;
  listDocuments(): Promise<DocumentSummary[]>;
  listDeadlines(filter: DeadlineFilter): Promise<DeadlineRecord[]>;
  /** Last days (MM-DD) of vår, delår and helår set for the agreement; missing ones use the defaults. */
  followUpPeriodEnds(agreementId: string): Promise<Partial<Record<FollowUpOccasion, string>>>;
  setFollowUpPeriodEnds(agreementId: string, ends: Partial<Record<FollowUpOccasion, string | null>>): Promise<void>;
}
