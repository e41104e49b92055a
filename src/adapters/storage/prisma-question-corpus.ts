// Reads the question engine's corpus from the database: every document's sections, the
// agreements' facts, reporting items and economy lines.
import type { AgreementStore } from "../../agreements/agreement-store.ts";
import type { QuestionCorpus, QuestionCorpusSource } from "../../questions/question-corpus.ts";
import type { PrismaDb } from "./database.ts";

export class PrismaQuestionCorpus implements QuestionCorpusSource {
  constructor(
    private readonly prisma: PrismaDb,
    private readonly agreements: AgreementStore,
  ) {}

  async corpusStamp(): Promise<string> {
    // Every import creates a document row (a new version too), so count and latest time change.
    const stats = await this.prisma.document.aggregate({ _count: { _all: true }, _max: { importedAt: true } });
    return `${stats._count._all}:${stats._max.importedAt?.toISOString() ?? "-"}`;
  }

  async loadCorpus(): Promise<QuestionCorpus> {
    const [documents, sections, passages, deadlines, economyLines] = await Promise.all([
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
      passages: passages as QuestionCorpus["passages"],
      deadlines,
      economyLines,
    };
  }
}
