// Agreements and documents in the database through Prisma. Every import is one transaction:
// either the whole new model is stored, or nothing changes.
import { fold } from "../../shared/text/fold.ts";
import type { AssignmentKind, AssignmentModel, FollowUpOccasion, ReportForm } from "../../agreements/agreement-model.ts";
import type {
  AgreementStore,
  AgreementSummary,
  DeadlineFilter,
  DeadlineRecord,
  DocumentSummary,
  ImportedDocument,
  SaveOutcome,
} from "../../agreements/agreement-store.ts";
import type { PrismaDb } from "./database.ts";

type Tx = Parameters<Parameters<PrismaDb["$transaction"]>[0]>[0];

export interface StoreFaults {
  /** Test hook: runs inside the import transaction just before it commits. */
  beforeCommit?: () => void | Promise<void>;
}

function bigrams(text: string): Set<string> {
  const clean = fold(text).replace(/[^a-z]/g, "");
  const result = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) result.add(clean.slice(i, i + 2));
  return result;
}

function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}

interface ExistingAssignment {
  id: string;
  key: string;
  kind: string;
  number: string | null;
  title: string;
}

/**
 * Pairs the assignments of a new version with the stored rows: same key, else same kind and
 * number, else a clearly similar title. Paired rows keep their id and key, so status updates
 * attached to them stay attached.
 */
export function matchAssignments(next: AssignmentModel[], existing: ExistingAssignment[]): Map<string, ExistingAssignment> {
  const result = new Map<string, ExistingAssignment>();
  const free = new Set(existing);
  const take = (model: AssignmentModel, row: ExistingAssignment | undefined) => {
    if (!row) return;
    result.set(model.key, row);
    free.delete(row);
  };
  for (const model of next) take(model, [...free].find((row) => row.key === model.key));
  for (const model of next) if (!result.has(model.key) && model.number) take(model, [...free].find((row) => row.kind === model.kind && row.number === model.number));
  for (const model of next) {
    if (result.has(model.key)) continue;
    const best = [...free]
      .filter((row) => row.kind === model.kind)
      .map((row) => ({ row, score: similarity(row.title, model.title) }))
      .sort((a, b) => b.score - a.score)[0];
    if (best && best.score >= 0.8) take(model, best.row);
  }
  return result;
}

export class PrismaAgreementStore implements AgreementStore {
  constructor(
    private readonly prisma: PrismaDb,
    private readonly faults: StoreFaults = {},
  ) {}

  async findDocumentByHash(contentHash: string) {
    const row = await this.prisma.document.findUnique({ where: { contentHash }, include: { agreement: true } });
    if (!row) return null;
    return { documentId: row.id, sourceName: row.sourceName, agreementId: row.agreement?.id ?? null, version: row.agreement?.version ?? null };
  }

  async saveImport(imported: ImportedDocument, now: Date): Promise<SaveOutcome> {
    return this.prisma.$transaction(
      async (tx) => {
        const same = await tx.document.findUnique({ where: { contentHash: imported.contentHash }, include: { agreement: true } });
        if (same) {
          return {
            status: "unchanged",
            documentId: same.id,
            agreementId: same.agreement?.id ?? null,
            version: same.agreement?.version ?? null,
            existingSourceName: same.sourceName,
          } satisfies SaveOutcome;
        }
        const outcome = imported.seriesKey ? await this.saveAgreement(tx, imported, now) : await this.saveDocument(tx, imported, now);
        await this.faults.beforeCommit?.();
        return outcome;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }

  private async createDocument(tx: Tx, imported: ImportedDocument, now: Date) {
    const { parsed, extracted } = imported;
    const document = await tx.document.create({
      data: {
        kind: parsed.classification.kind,
        title: parsed.facts.title,
        sourceName: imported.sourceName,
        mediaType: extracted.mediaType,
        contentHash: imported.contentHash,
        byteSize: imported.byteSize,
        encoding: extracted.encoding,
        pageCount: extracted.pageCount,
        text: extracted.text,
        importedAt: now,
      },
    });
    await tx.section.createMany({
      data: parsed.sections.map((s) => ({ documentId: document.id, ordinal: s.ordinal, number: s.number, heading: s.heading, level: s.level, text: s.text, startLine: s.startLine, endLine: s.endLine })),
    });
    return document;
  }

  private async saveDocument(tx: Tx, imported: ImportedDocument, now: Date): Promise<SaveOutcome> {
    // A document re-imported under the same file name is a new version of it.
    const previous = await tx.document.findFirst({ where: { sourceName: imported.sourceName, kind: "document" } });
    if (previous) await tx.document.delete({ where: { id: previous.id } });
    const document = await this.createDocument(tx, imported, now);
    return { status: previous ? "replaced" : "created", documentId: document.id, agreementId: null, version: null };
  }

  private async saveAgreement(tx: Tx, imported: ImportedDocument, now: Date): Promise<SaveOutcome> {
    const { parsed } = imported;
    const facts = parsed.facts;
    const existing = await tx.agreement.findUnique({ where: { seriesKey: imported.seriesKey! }, include: { assignments: true } });
    const document = await this.createDocument(tx, imported, now);
    const fields = {
      documentId: document.id,
      title: facts.title,
      committeeName: facts.committee?.name ?? null,
      committeeCode: facts.committee?.code ?? null,
      divisionName: facts.division?.name ?? null,
      divisionCode: facts.division?.code ?? null,
      year: facts.year,
      diarienummer: facts.diarienummer,
      decisionDate: facts.decisionDate,
      updatedAt: now,
    };
    let agreementId: string;
    let version: number;
    const keyToId = new Map<string, string>();
    let kept = 0;
    let retired = 0;
    if (!existing) {
      agreementId = await this.freeAgreementId(tx, imported.preferredAgreementId ?? "overenskommelse");
      version = 1;
      await tx.agreement.create({ data: { id: agreementId, seriesKey: imported.seriesKey!, version, importedAt: now, ...fields } });
    } else {
      agreementId = existing.id;
      version = existing.version + 1;
      const previousDocumentId = existing.documentId;
      await tx.agreement.update({ where: { id: agreementId }, data: { ...fields, version } });
      await tx.document.delete({ where: { id: previousDocumentId } });
      // Reporting items, indicators and economy lines are derived from the text: replace them.
      await tx.reportingItem.deleteMany({ where: { agreementId } });
      await tx.indicator.deleteMany({ where: { agreementId } });
      await tx.economyLine.deleteMany({ where: { agreementId } });
      const matches = matchAssignments(parsed.assignments, existing.assignments);
      for (const model of parsed.assignments) {
        const row = matches.get(model.key);
        if (!row) continue;
        await tx.assignment.update({ where: { id: row.id }, data: { ...assignmentFields(model), active: true, updatedAt: now } });
        keyToId.set(model.key, row.id);
        kept++;
      }
      const matchedIds = new Set([...matches.values()].map((row) => row.id));
      const stale = existing.assignments.filter((row) => !matchedIds.has(row.id));
      retired = stale.filter((row) => row.active).length;
      if (stale.length > 0) await tx.assignment.updateMany({ where: { id: { in: stale.map((row) => row.id) } }, data: { active: false, updatedAt: now } });
    }
    const usedKeys = new Set((existing?.assignments ?? []).map((row) => row.key));
    const fresh = parsed.assignments.filter((model) => !keyToId.has(model.key));
    const freshKeys = new Map<string, string>();
    for (const model of fresh) {
      let key = model.key;
      for (let n = 2; usedKeys.has(key); n++) key = `${model.key}~${n}`;
      usedKeys.add(key);
      freshKeys.set(model.key, key);
    }
    if (fresh.length > 0) {
      await tx.assignment.createMany({
        data: fresh.map((model) => ({ agreementId, key: freshKeys.get(model.key)!, ...assignmentFields(model), active: true, createdAt: now, updatedAt: now })),
      });
      const created = await tx.assignment.findMany({ where: { agreementId, key: { in: [...freshKeys.values()] } }, select: { id: true, key: true } });
      const idByStoredKey = new Map(created.map((row) => [row.key, row.id]));
      for (const [modelKey, storedKey] of freshKeys) keyToId.set(modelKey, idByStoredKey.get(storedKey)!);
    }
    await tx.indicator.createMany({
      data: parsed.indicators.map((i) => ({
        agreementId,
        assignmentId: i.assignmentKey ? keyToId.get(i.assignmentKey) ?? null : null,
        ordinal: i.ordinal,
        name: i.name,
        source: i.source,
        splitBySex: i.splitBySex,
        unit: i.unit,
        section: i.section,
      })),
    });
    await tx.reportingItem.createMany({
      data: parsed.reportingItems.map((r) => ({
        agreementId,
        assignmentId: r.assignmentKey ? keyToId.get(r.assignmentKey) ?? null : null,
        key: r.key,
        ordinal: r.ordinal,
        title: r.title,
        evidence: r.evidence,
        date: r.date,
        meetingDate: r.meetingDate,
        submissionDate: r.submissionDate,
        submissionRule: r.submissionRule,
        form: r.form,
        recipient: r.recipient,
        period: r.period,
        periodCode: r.periodCode,
        occasion: r.occasion,
        channel: r.channel,
        section: r.section,
      })),
    });
    await tx.economyLine.createMany({
      data: parsed.economyLines.map((e) => ({
        agreementId,
        ordinal: e.ordinal,
        activity: e.activity,
        amountTkr: e.amountTkr,
        amounts: JSON.stringify(e.amounts),
        isTotal: e.isTotal,
        section: e.section,
      })),
    });
    await tx.agreementVersion.create({
      data: {
        agreementId,
        version,
        contentHash: imported.contentHash,
        sourceName: imported.sourceName,
        importedAt: now,
        summary: JSON.stringify({
          sections: parsed.sections.length,
          assignments: parsed.assignments.length,
          indicators: parsed.indicators.length,
          reportingItems: parsed.reportingItems.length,
        }),
      },
    });
    return existing
      ? { status: "replaced", documentId: document.id, agreementId, version, keptAssignments: kept, retiredAssignments: retired }
      : { status: "created", documentId: document.id, agreementId, version };
  }

  private async freeAgreementId(tx: Tx, preferred: string): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? preferred : `${preferred}-${n}`;
      if (!(await tx.agreement.findUnique({ where: { id: candidate }, select: { id: true } }))) return candidate;
    }
  }

  async listAgreements(): Promise<AgreementSummary[]> {
    const rows = await this.prisma.agreement.findMany({
      orderBy: [{ year: "desc" }, { id: "asc" }],
      include: {
        document: { select: { sourceName: true, _count: { select: { sections: true } } } },
        _count: { select: { assignments: { where: { active: true } }, indicators: true, reportingItems: true, economyLines: true } },
      },
    });
    const dated = await this.prisma.reportingItem.groupBy({ by: ["agreementId"], where: { date: { not: null } }, _count: { _all: true } });
    const datedBy = new Map(dated.map((d) => [d.agreementId, d._count._all]));
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      committee: row.committeeName,
      committeeCode: row.committeeCode,
      division: row.divisionName,
      divisionCode: row.divisionCode,
      year: row.year,
      diarienummer: row.diarienummer,
      decisionDate: row.decisionDate,
      version: row.version,
      source: row.document.sourceName,
      importedAt: row.importedAt,
      counts: {
        sections: row.document._count.sections,
        assignments: row._count.assignments,
        indicators: row._count.indicators,
        reportingItems: row._count.reportingItems,
        datedReportingItems: datedBy.get(row.id) ?? 0,
        economyLines: row._count.economyLines,
      },
    }));
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows = await this.prisma.document.findMany({ orderBy: { importedAt: "asc" }, include: { _count: { select: { sections: true } } } });
    return rows.map((row) => ({ id: row.id, kind: row.kind as DocumentSummary["kind"], title: row.title, source: row.sourceName, importedAt: row.importedAt, sections: row._count.sections }));
  }

  async listDeadlines(filter: DeadlineFilter): Promise<DeadlineRecord[]> {
    const dateFilter = filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined;
    const rows = await this.prisma.reportingItem.findMany({
      where: {
        ...(filter.agreementId ? { agreementId: filter.agreementId } : {}),
        ...(filter.includePeriodic ? (dateFilter ? { OR: [{ date: dateFilter }, { date: null }] } : {}) : { date: dateFilter ?? { not: null } }),
      },
      include: {
        assignment: { select: { id: true, title: true, number: true, kind: true } },
        agreement: { select: { id: true, title: true, year: true, committeeName: true, divisionCode: true, document: { select: { sourceName: true } } } },
      },
    });
    rows.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.agreementId.localeCompare(b.agreementId) || a.ordinal - b.ordinal);
    return rows.map((row) => ({
      key: row.key,
      date: row.date,
      meetingDate: row.meetingDate,
      submissionDate: row.submissionDate,
      submissionRule: row.submissionRule,
      title: row.title,
      assignment: row.assignment?.title ?? null,
      assignmentNumber: row.assignment?.number ?? null,
      assignmentKind: (row.assignment?.kind as AssignmentKind | undefined) ?? null,
      assignmentId: row.assignment?.id ?? null,
      section: row.section,
      form: row.form as ReportForm | null,
      recipient: row.recipient,
      period: row.period,
      periodCode: row.periodCode,
      occasion: row.occasion as FollowUpOccasion | null,
      channel: row.channel,
      agreement: { id: row.agreement.id, title: row.agreement.title, year: row.agreement.year, source: row.agreement.document.sourceName, committee: row.agreement.committeeName, divisionCode: row.agreement.divisionCode },
    }));
  }

  async followUpPeriodEnds(agreementId: string): Promise<Partial<Record<FollowUpOccasion, string>>> {
    const row = await this.prisma.agreement.findUnique({ where: { id: agreementId }, select: { varEnd: true, delarEnd: true, helarEnd: true } });
    const ends: Partial<Record<FollowUpOccasion, string>> = {};
    if (row?.varEnd) ends.var = row.varEnd;
    if (row?.delarEnd) ends.delar = row.delarEnd;
    if (row?.helarEnd) ends.helar = row.helarEnd;
    return ends;
  }

  async setFollowUpPeriodEnds(agreementId: string, ends: Partial<Record<FollowUpOccasion, string | null>>): Promise<void> {
    await this.prisma.agreement.update({
      where: { id: agreementId },
      data: {
        ...(ends.var !== undefined ? { varEnd: ends.var } : {}),
        ...(ends.delar !== undefined ? { delarEnd: ends.delar } : {}),
        ...(ends.helar !== undefined ? { helarEnd: ends.helar } : {}),
      },
    });
  }
}

function assignmentFields(model: AssignmentModel) {
  return {
    ordinal: model.ordinal,
    kind: model.kind,
    number: model.number,
    title: model.title,
    description: model.description,
    section: model.section,
    startDate: model.startDate,
    endDate: model.endDate,
    committees: model.committees.length ? model.committees.join(",") : null,
  };
}
