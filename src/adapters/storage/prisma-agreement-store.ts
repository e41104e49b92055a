// Agreements and documents in the database through Prisma. Every import is one transaction:
// either the whole new model is stored, or nothing changes.
import type {
  AssignmentKind,
  AssignmentModel,
  DatePrecision,
  FollowUpOccasion,
  ReportForm,
} from "../../agreements/agreement-model.ts";
import {
  applyCorrections,
  type Correction,
  type CorrectionAction,
  type CorrectionFields,
} from "../../agreements/corrections/correction-model.ts";
import { matchReportingItems, planAssignments } from "../../agreements/identity/reimport-plan.ts";
import type { CorrectionStore } from "../../agreements/corrections/correct-reporting-items.ts";
import { itemFromAddition } from "../../agreements/corrections/correction-model.ts";
import type { Recurrence } from "../../shared/lexicon/periods.ts";
import type {
  AgreementStore,
  AgreementSummary,
  DeadlineFilter,
  DeadlineRecord,
  DocumentSummary,
  ImportedDocument,
  SaveOutcome,
} from "../../agreements/agreement-store.ts";
import { randomUUID } from "node:crypto";
// sql, join and raw come from the Prisma runtime both generated clients share; the SQL is bound per database.
import { Prisma } from "../../generated/sqlite/client.ts";
import type { PrismaDb } from "./database.ts";

type Tx = Parameters<Parameters<PrismaDb["$transaction"]>[0]>[0];

// Parameters a statement: well under SQLite's 32 766 and PostgreSQL's 65 535.
const parametersPerStatement = 6000;

type Cell = string | number | null;

/**
 * A document has thousands of passages (26 000 in a 600-assignment agreement) and hundreds of
 * sections. Prisma's createMany spends about 0.15 ms a row building its query; a plain multi-row
 * INSERT (parameters bound, the same SQL on SQLite and PostgreSQL, in the same transaction)
 * stores them seven times faster. Only for these plain tables of text and numbers.
 */
async function insertRows(
  tx: Tx,
  table: "Passage" | "Section" | "ReportingItem",
  rows: Array<Record<string, Cell>>,
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  const header = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  const rowsPerStatement = Math.max(1, Math.floor(parametersPerStatement / Math.max(1, columns.length)));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const values = rows
      .slice(start, start + rowsPerStatement)
      .map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c] ?? null))})`);
    await tx.$executeRaw`${header}${Prisma.join(values)}`;
  }
}

export interface StoreFaults {
  /** Test hook: runs inside the import transaction just before it commits. */
  beforeCommit?: () => void | Promise<void>;
}

export class PrismaAgreementStore implements AgreementStore, CorrectionStore {
  constructor(
    private readonly prisma: PrismaDb,
    private readonly faults: StoreFaults = {},
  ) {}

  async findDocumentByHash(contentHash: string) {
    const row = await this.prisma.document.findUnique({ where: { contentHash }, include: { agreement: true } });
    if (!row) return null;
    return {
      documentId: row.id,
      sourceName: row.sourceName,
      agreementId: row.agreement?.id ?? null,
      version: row.agreement?.version ?? null,
    };
  }

  async saveImport(imported: ImportedDocument, now: Date): Promise<SaveOutcome> {
    return this.prisma.$transaction(
      async (tx) => {
        const same = await tx.document.findUnique({
          where: { contentHash: imported.contentHash },
          include: { agreement: true },
        });
        // The same bytes read by an older reader are read again: a better reading replaces the old one.
        if (same && same.readerVersion < imported.readerVersion) {
          const outcome = same.agreement
            ? await this.saveAgreement(tx, imported, now, same.agreement.id)
            : (await tx.document.delete({ where: { id: same.id } }), await this.saveDocument(tx, imported, now));
          await this.faults.beforeCommit?.();
          return outcome;
        }
        if (same) {
          return {
            status: "unchanged",
            documentId: same.id,
            agreementId: same.agreement?.id ?? null,
            version: same.agreement?.version ?? null,
            existingSourceName: same.sourceName,
          } satisfies SaveOutcome;
        }
        const outcome = imported.seriesKey
          ? await this.saveAgreement(tx, imported, now)
          : await this.saveDocument(tx, imported, now);
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
        cleanText: parsed.sections.map((section) => `${section.heading}\n${section.text}`).join("\n\n"),
        repairedWords: parsed.repair.repairs,
        readerVersion: imported.readerVersion,
        municipality: parsed.facts.municipality,
        importedAt: now,
      },
    });
    await insertRows(
      tx,
      "Section",
      parsed.sections.map((s) => ({
        id: randomUUID(),
        documentId: document.id,
        ordinal: s.ordinal,
        number: s.number,
        heading: s.heading,
        level: s.level,
        text: s.text,
        startLine: s.startLine,
        endLine: s.endLine,
      })),
    );
    await insertRows(
      tx,
      "Passage",
      parsed.passages.map((p, index) => ({
        id: randomUUID(),
        documentId: document.id,
        ordinal: p.ordinal,
        section: p.section,
        block: p.block,
        position: p.position,
        kind: p.kind,
        text: p.text,
        label: p.label,
        context: p.context,
        terms: imported.passageTerms[index] ?? "",
      })),
    );
    return document;
  }

  private async saveDocument(tx: Tx, imported: ImportedDocument, now: Date): Promise<SaveOutcome> {
    // A document re-imported under the same file name is a new version of it.
    const previous = await tx.document.findFirst({ where: { sourceName: imported.sourceName, kind: "document" } });
    if (previous) await tx.document.delete({ where: { id: previous.id } });
    const document = await this.createDocument(tx, imported, now);
    return { status: previous ? "replaced" : "created", documentId: document.id, agreementId: null, version: null };
  }

  private async saveAgreement(
    tx: Tx,
    imported: ImportedDocument,
    now: Date,
    rereadAgreementId?: string,
  ): Promise<SaveOutcome> {
    const { parsed } = imported;
    const facts = parsed.facts;
    const include = {
      assignments: true,
      reportingItems: { include: { assignment: { select: { key: true } } } },
      corrections: true,
    } as const;
    const existing = rereadAgreementId
      ? await tx.agreement.findUnique({ where: { id: rereadAgreementId }, include })
      : await tx.agreement.findUnique({ where: { seriesKey: imported.seriesKey! }, include });
    // Re-reading the same bytes: the old document's content hash (unique) is freed for the new one.
    if (existing && rereadAgreementId)
      await tx.document.update({
        where: { id: existing.documentId },
        data: { contentHash: `replaced:${existing.documentId}` },
      });
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
    // What becomes of each assignment is decided in the domain; the transaction carries it out.
    const plan = planAssignments(parsed.assignments, existing?.assignments ?? []);
    if (!existing) {
      agreementId = await this.freeAgreementId(tx, imported.preferredAgreementId ?? "overenskommelse");
      version = 1;
      await tx.agreement.create({
        data: { id: agreementId, seriesKey: imported.seriesKey!, version, importedAt: now, ...fields },
      });
    } else {
      agreementId = existing.id;
      version = existing.version + 1;
      const seriesTaken =
        rereadAgreementId && imported.seriesKey !== existing.seriesKey
          ? await tx.agreement.findUnique({ where: { seriesKey: imported.seriesKey! } })
          : null;
      await tx.agreement.update({
        where: { id: agreementId },
        data: { ...fields, version, ...(rereadAgreementId && !seriesTaken ? { seriesKey: imported.seriesKey! } : {}) },
      });
      await tx.document.delete({ where: { id: existing.documentId } });
      // Reporting items, indicators and economy lines are derived from the text: replace them.
      await tx.reportingItem.deleteMany({ where: { agreementId } });
      await tx.indicator.deleteMany({ where: { agreementId } });
      await tx.economyLine.deleteMany({ where: { agreementId } });
      for (const { model, row } of plan.kept) {
        await tx.assignment.update({
          where: { id: row.id },
          data: { ...assignmentFields(model), active: true, updatedAt: now },
        });
        keyToId.set(model.key, row.id);
      }
      kept = plan.kept.length;
      retired = plan.retired.filter((row) => row.active).length;
      if (plan.retired.length > 0)
        await tx.assignment.updateMany({
          where: { id: { in: plan.retired.map((row) => row.id) } },
          data: { active: false, updatedAt: now },
        });
    }
    const fresh = plan.fresh.map(({ model }) => model);
    const freshKeys = new Map(plan.fresh.map(({ model, storedKey }) => [model.key, storedKey]));
    if (fresh.length > 0) {
      await tx.assignment.createMany({
        data: fresh.map((model) => ({
          agreementId,
          key: freshKeys.get(model.key)!,
          ...assignmentFields(model),
          active: true,
          createdAt: now,
          updatedAt: now,
        })),
      });
      const created = await tx.assignment.findMany({
        where: { agreementId, key: { in: [...freshKeys.values()] } },
        select: { id: true, key: true },
      });
      const idByStoredKey = new Map(created.map((row) => [row.key, row.id]));
      for (const [modelKey, storedKey] of freshKeys) keyToId.set(modelKey, idByStoredKey.get(storedKey)!);
    }
    await tx.indicator.createMany({
      data: parsed.indicators.map((i) => ({
        agreementId,
        assignmentId: i.assignmentKey ? (keyToId.get(i.assignmentKey) ?? null) : null,
        ordinal: i.ordinal,
        name: i.name,
        source: i.source,
        splitBySex: i.splitBySex,
        unit: i.unit,
        section: i.section,
      })),
    });
    // Reporting items keep the keys status updates hang on; corrections made by people are applied again.
    const storedKeyOf = new Map<string, string>();
    for (const model of parsed.assignments) {
      const row = existing?.assignments.find((a) => a.id === keyToId.get(model.key));
      if (row) storedKeyOf.set(model.key, row.key);
    }
    const keptKeys = matchReportingItems(
      parsed.reportingItems,
      (existing?.reportingItems ?? [])
        .filter((row) => row.origin !== "added")
        .map((row) => ({ ...row, assignmentKey: row.assignment?.key ?? null })),
      storedKeyOf,
    );
    const storedIdOfKey = new Map<string, string>();
    for (const model of parsed.assignments) {
      const id = keyToId.get(model.key);
      if (id) storedIdOfKey.set(storedKeyOf.get(model.key) ?? freshKeys.get(model.key) ?? model.key, id);
    }
    const rekeyed = parsed.reportingItems.map((item) => ({
      ...item,
      key: keptKeys.get(item.key) ?? item.key,
      assignmentKey: item.assignmentKey
        ? (storedKeyOf.get(item.assignmentKey) ?? freshKeys.get(item.assignmentKey) ?? item.assignmentKey)
        : null,
    }));
    const corrections = (existing?.corrections ?? []).map(correctionOf);
    const corrected = applyCorrections(rekeyed, corrections).items.filter((item) => !item.removed);
    // Raw rows, like passages: a 600-assignment agreement has 1 200 items, and createMany spent a
    // third of a second building their query. The few confirmed ones get their instant after.
    await insertRows(
      tx,
      "ReportingItem",
      corrected.map((r, ordinal) => ({
        id: randomUUID(),
        agreementId,
        assignmentId: r.assignmentKey ? (storedIdOfKey.get(r.assignmentKey) ?? null) : null,
        key: r.key,
        ordinal,
        title: r.title,
        description: r.description,
        evidence: r.evidence,
        date: r.date,
        precision: r.precision,
        recurrence: r.recurrence,
        origin: r.origin,
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
    );
    const confirmed = corrected.filter((r) => r.confirmed).map((r) => r.key);
    if (confirmed.length > 0)
      await tx.reportingItem.updateMany({ where: { agreementId, key: { in: confirmed } }, data: { confirmedAt: now } });
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
      ? {
          status: "replaced",
          documentId: document.id,
          agreementId,
          version,
          keptAssignments: kept,
          retiredAssignments: retired,
        }
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
        _count: {
          select: {
            assignments: { where: { active: true } },
            indicators: true,
            reportingItems: true,
            economyLines: true,
          },
        },
      },
    });
    const dated = await this.prisma.reportingItem.groupBy({
      by: ["agreementId"],
      where: { date: { not: null } },
      _count: { _all: true },
    });
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
    const rows = await this.prisma.document.findMany({
      orderBy: { importedAt: "asc" },
      include: { _count: { select: { sections: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as DocumentSummary["kind"],
      title: row.title,
      source: row.sourceName,
      importedAt: row.importedAt,
      sections: row._count.sections,
    }));
  }

  async listDeadlines(filter: DeadlineFilter): Promise<DeadlineRecord[]> {
    const dateFilter = filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined;
    const rows = await this.prisma.reportingItem.findMany({
      where: {
        ...(filter.agreementId ? { agreementId: filter.agreementId } : {}),
        ...(filter.includePeriodic
          ? dateFilter
            ? { OR: [{ date: dateFilter }, { date: null }] }
            : {}
          : { date: dateFilter ?? { not: null } }),
      },
      include: {
        assignment: { select: { id: true, title: true, number: true, kind: true } },
        agreement: {
          select: {
            id: true,
            title: true,
            year: true,
            committeeName: true,
            divisionCode: true,
            document: { select: { sourceName: true } },
          },
        },
      },
    });
    rows.sort(
      (a, b) =>
        (a.date ?? "9999").localeCompare(b.date ?? "9999") ||
        a.agreementId.localeCompare(b.agreementId) ||
        a.ordinal - b.ordinal,
    );
    return rows.map((row) => ({
      key: row.key,
      date: row.date,
      precision: row.precision as DatePrecision,
      description: row.description,
      recurrence: row.recurrence as Recurrence | null,
      origin: row.origin as DeadlineRecord["origin"],
      confirmed: row.confirmedAt !== null,
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
      agreement: {
        id: row.agreement.id,
        title: row.agreement.title,
        year: row.agreement.year,
        source: row.agreement.document.sourceName,
        committee: row.agreement.committeeName,
        divisionCode: row.agreement.divisionCode,
      },
    }));
  }

  async reviewItems(agreementId: string): Promise<DeadlineRecord[]> {
    const items = await this.listDeadlines({ agreementId, includePeriodic: true });
    return items.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
  }

  async listCorrections(agreementId: string): Promise<Correction[]> {
    const rows = await this.prisma.reportingItemCorrection.findMany({
      where: { agreementId },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(correctionOf);
  }

  async saveCorrection(
    agreementId: string,
    correction: Correction,
    audit: { actor: string; actorName?: string; at: Date },
  ): Promise<void> {
    const f = correction.fields;
    await this.prisma.$transaction(async (tx) => {
      await tx.reportingItemCorrection.create({
        data: {
          agreementId,
          itemKey: correction.itemKey,
          action: correction.action,
          fields: JSON.stringify(f),
          actor: correction.actor,
          actorName: correction.actorName,
          createdAt: correction.createdAt,
        },
      });
      const where = { agreementId_key: { agreementId, key: correction.itemKey } };
      if (correction.action === "remove") await tx.reportingItem.delete({ where });
      else if (correction.action === "confirm")
        await tx.reportingItem.update({ where, data: { confirmedAt: correction.createdAt } });
      else if (correction.action === "edit") {
        const assignmentId = f.assignmentKey
          ? ((await tx.assignment.findUnique({ where: { agreementId_key: { agreementId, key: f.assignmentKey } } }))
              ?.id ?? null)
          : undefined;
        const row = await tx.reportingItem.findUniqueOrThrow({ where });
        await tx.reportingItem.update({
          where,
          data: {
            ...(f.title !== undefined ? { title: f.title.trim() } : {}),
            ...(f.date !== undefined
              ? { date: f.date, precision: f.date === null ? "period" : f.date.length === 7 ? "month" : "day" }
              : {}),
            ...(f.meetingDate !== undefined ? { meetingDate: f.meetingDate } : {}),
            ...(f.submissionDate !== undefined
              ? { submissionDate: f.submissionDate, submissionRule: f.submissionDate ? "stated" : null }
              : {}),
            ...(f.form !== undefined ? { form: f.form } : {}),
            ...(f.section !== undefined ? { section: f.section } : {}),
            ...(assignmentId !== undefined ? { assignmentId } : {}),
            origin: row.origin === "added" ? "added" : "corrected",
            confirmedAt: correction.createdAt,
          },
        });
      } else {
        const added = itemFromAddition(correction, await tx.reportingItem.count({ where: { agreementId } }));
        const assignmentId = f.assignmentKey
          ? ((await tx.assignment.findUnique({ where: { agreementId_key: { agreementId, key: f.assignmentKey } } }))
              ?.id ?? null)
          : null;
        await tx.reportingItem.create({
          data: {
            agreementId,
            assignmentId,
            key: added.key,
            ordinal: added.ordinal,
            title: added.title,
            description: added.description,
            evidence: "",
            date: added.date,
            precision: added.precision,
            meetingDate: added.meetingDate,
            submissionDate: added.submissionDate,
            submissionRule: added.submissionRule,
            form: added.form,
            section: added.section,
            origin: "added",
            confirmedAt: correction.createdAt,
          },
        });
      }
      await tx.auditEntry.create({
        data: {
          at: audit.at,
          actor: audit.actor,
          actorName: audit.actorName ?? null,
          action: `item.${correction.action}`,
          subject: `${agreementId}/${correction.itemKey}`,
          detail: JSON.stringify(f),
        },
      });
    });
  }

  async followUpPeriodEnds(agreementId: string): Promise<Partial<Record<FollowUpOccasion, string>>> {
    const row = await this.prisma.agreement.findUnique({
      where: { id: agreementId },
      select: { varEnd: true, delarEnd: true, helarEnd: true },
    });
    const ends: Partial<Record<FollowUpOccasion, string>> = {};
    if (row?.varEnd) ends.var = row.varEnd;
    if (row?.delarEnd) ends.delar = row.delarEnd;
    if (row?.helarEnd) ends.helar = row.helarEnd;
    return ends;
  }

  async setFollowUpPeriodEnds(
    agreementId: string,
    ends: Partial<Record<FollowUpOccasion, string | null>>,
  ): Promise<void> {
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

function correctionOf(row: {
  itemKey: string;
  action: string;
  fields: string;
  actor: string;
  actorName: string | null;
  createdAt: Date;
}): Correction {
  return {
    itemKey: row.itemKey,
    action: row.action as CorrectionAction,
    fields: JSON.parse(row.fields) as CorrectionFields,
    actor: row.actor,
    actorName: row.actorName,
    createdAt: row.createdAt,
  };
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
