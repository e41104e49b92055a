// What the question engine reads: the text of every imported document by section, the
// agreements' reporting items and economy lines. Loaded through a port so the engine stays
// free of storage; the Prisma adapter implements it.
import type { DeadlineRecord } from "../agreements/agreement-store.ts";

export interface CorpusDocument {
  documentId: string;
  /** Set when the document is an agreement. */
  agreementId: string | null;
  title: string;
  source: string;
  year: number | null;
  committee: string | null;
  committeeCode: string | null;
  division: string | null;
  divisionCode: string | null;
  municipality: string | null;
}

export interface CorpusSection {
  documentId: string;
  ordinal: number;
  number: string | null;
  heading: string;
  level: number;
  text: string;
}

/** A passage as the reader stored it at import, with its analysed search terms. */
export interface CorpusPassage {
  documentId: string;
  ordinal: number;
  /** Ordinal of its section in the document. */
  section: number;
  block: number;
  position: number;
  kind: "sentence" | "listItem" | "tableRow" | "heading";
  text: string;
  label: string | null;
  context: string | null;
  /** Space-separated analysed terms. */
  terms: string;
  /** Its semantic vector (unit length), when embeddings are on and it has one of the configured model. */
  vector?: Float32Array | null;
}

export interface CorpusEconomyLine {
  agreementId: string;
  activity: string;
  amountTkr: number | null;
  isTotal: boolean;
  section: string | null;
}

/** An assignment or goal as the reader read it: what "vilka mål har nämnden?" lists. */
export interface CorpusAssignment {
  agreementId: string;
  /** grunduppdrag | sarskilt_uppdrag_kf | sarskilt_uppdrag_namnd | mal_kf | mal_namnd */
  kind: string;
  number: string | null;
  title: string;
  /** The section it is read from ("3.1"), when numbered. */
  section: string | null;
}

export interface QuestionCorpus {
  documents: CorpusDocument[];
  /** The agreements' assignments and goals, in their order (absent from corpora made without them). */
  assignments?: CorpusAssignment[];
  sections: CorpusSection[];
  passages: CorpusPassage[];
  deadlines: DeadlineRecord[];
  economyLines: CorpusEconomyLine[];
  /**
   * Set when the corpus was loaded with semantic vectors (embeddings are on): the model they are of,
   * and the documents whose passages still lack them. Absent by default, and then nothing semantic runs.
   */
  vectors?: { model: string; documentsWithout: number };
}

export interface QuestionCorpusSource {
  /** Changes whenever the corpus does (an import); lets the engine keep its index until then. */
  corpusStamp(): Promise<string>;
  loadCorpus(): Promise<QuestionCorpus>;
}
