// Reads the question engine's corpus from the database: every document's sections, the
// agreements' facts, reporting items and economy lines; with embeddings on, the passages' vectors too.
import type { AgreementStore } from "../../agreements/agreement-store.ts";
import type { QuestionCorpus, QuestionCorpusSource } from "../../questions/question-corpus.ts";
import { decodeVector, unitVector } from "../../questions/passage-vectors.ts";
import type { PrismaDb } from "./database.ts";

type StampRow = { count: bigint | number; imported: Date | string | null; embedded?: Date | string | null };

/** A time as the stamp holds it: PostgreSQL gives a Date, SQLite the stored text; either changes when the time does. */
function stampPart(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return "-";
  return value instanceof Date ? value.toISOString() : String(value);
}

export class PrismaQuestionCorpus implements QuestionCorpusSource {
  constructor(
    private readonly prisma: PrismaDb,
    private readonly agreements: AgreementStore,
    /** The embeddings model when embeddings are on: its vectors are loaded; otherwise the columns are never read. */
    private readonly vectorModel: string | null = null,
  ) {}

  async corpusStamp(): Promise<string> {
    // Every import creates a document row (a new version too), so count and latest time change;
    // vectors filled in after the import (a backfill) change the corpus too. Asked before every
    // question, so as one plain statement (the same on SQLite and PostgreSQL): Prisma's aggregate()
    // costs more than twice as much per call (it was one in six statements under load).
    const [row] = this.vectorModel
      ? await this.prisma.$queryRaw<StampRow[]>`
          SELECT COUNT(*) AS "count", MAX("importedAt") AS "imported", MAX("embeddedAt") AS "embedded" FROM "Document"`
      : await this.prisma.$queryRaw<StampRow[]>`
          SELECT COUNT(*) AS "count", MAX("importedAt") AS "imported" FROM "Document"`;
    const parts = [String(row?.count ?? 0), stampPart(row?.imported)];
    if (this.vectorModel) parts.push(stampPart(row?.embedded));
    return parts.join(":");
  }

  async loadCorpus(): Promise<QuestionCorpus> {
    const [documents, sections, passages, deadlines, economyLines, assignments, vectors] = await Promise.all([
      this.prisma.document.findMany({
        orderBy: { importedAt: "asc" },
        select: {
          id: true,
          title: true,
          sourceName: true,
          municipality: true,
          agreement: {
            select: {
              id: true,
              year: true,
              committeeName: true,
              committeeCode: true,
              divisionName: true,
              divisionCode: true,
            },
          },
        },
      }),
      this.prisma.section.findMany({
        orderBy: [{ documentId: "asc" }, { ordinal: "asc" }],
        select: { documentId: true, ordinal: true, number: true, heading: true, level: true, text: true },
      }),
      this.prisma.passage.findMany({
        orderBy: [{ documentId: "asc" }, { ordinal: "asc" }],
        select: {
          documentId: true,
          ordinal: true,
          section: true,
          block: true,
          position: true,
          kind: true,
          text: true,
          label: true,
          context: true,
          terms: true,
        },
      }),
      this.agreements.listDeadlines({ includePeriodic: true }),
      this.prisma.economyLine.findMany({
        orderBy: [{ agreementId: "asc" }, { ordinal: "asc" }],
        select: { agreementId: true, activity: true, amountTkr: true, isTotal: true, section: true },
      }),
      this.prisma.assignment.findMany({
        where: { active: true },
        orderBy: [{ agreementId: "asc" }, { ordinal: "asc" }],
        select: { agreementId: true, kind: true, number: true, title: true, section: true },
      }),
      this.loadVectors(),
    ]);
    return {
      documents: documents.map((d) => ({
        documentId: d.id,
        agreementId: d.agreement?.id ?? null,
        title: d.title,
        source: d.sourceName,
        year: d.agreement?.year ?? null,
        committee: d.agreement?.committeeName ?? null,
        committeeCode: d.agreement?.committeeCode ?? null,
        division: d.agreement?.divisionName ?? null,
        divisionCode: d.agreement?.divisionCode ?? null,
        municipality: d.municipality,
      })),
      sections,
      passages: (vectors
        ? passages.map((p) => ({ ...p, vector: vectors.byPassage.get(`${p.documentId}|${p.ordinal}`) ?? null }))
        : passages) as QuestionCorpus["passages"],
      deadlines,
      economyLines,
      assignments,
      ...(vectors ? { vectors: { model: this.vectorModel!, documentsWithout: vectors.documentsWithout } } : {}),
    };
  }

  /** The vectors of the configured model, made unit length once here so a question's similarity is a dot product. */
  private async loadVectors(): Promise<{ byPassage: Map<string, Float32Array>; documentsWithout: number } | null> {
    const model = this.vectorModel;
    if (!model) return null;
    const [rows, documentsWithout] = await Promise.all([
      this.prisma.passage.findMany({
        where: { embedding: { not: null }, document: { embeddingModel: model } },
        select: { documentId: true, ordinal: true, embedding: true },
      }),
      this.prisma.document.count({ where: { OR: [{ embeddingModel: null }, { embeddingModel: { not: model } }] } }),
    ]);
    const byPassage = new Map<string, Float32Array>();
    for (const row of rows)
      if (row.embedding) byPassage.set(`${row.documentId}|${row.ordinal}`, unitVector(decodeVector(row.embedding)));
    return { byPassage, documentsWithout };
  }
}
