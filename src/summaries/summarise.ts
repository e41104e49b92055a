// The summary use case: who may read it, which data it is built from, optional narrative.
import type { AgreementStore } from "../agreements/agreement-store.ts";
import type { Permissions } from "../people/roles.ts";
import { AppError } from "../shared/app-error.ts";
import type { Language } from "../shared/language.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import type { StatusStore } from "../status/status-store.ts";
import type { StatusRevisionRecord, StoredStatusUpdate } from "../status/status-model.ts";
import { calendarDate } from "../shared/text/swedish-dates.ts";
import { buildSummary } from "./build-summary.ts";
import { defaultPeriodEnds, type FollowUpPeriod, type PeriodEnds } from "./follow-up-periods.ts";
import type { Summary, SummaryEntry } from "./summary-model.ts";

/** Writes a short narrative per goal area from stored updates only (an optional language model). */
export interface SummaryNarrator {
  narrate(request: { area: string; entries: SummaryEntry[]; language: Language }): Promise<string>;
}

export interface SummaryDependencies {
  status: StatusStore;
  agreements: AgreementStore;
  narrator?: SummaryNarrator;
  onNarratorError?: (error: unknown) => void;
}

export interface SummaryRequest {
  agreementId: string;
  period: FollowUpPeriod;
  /** Defaults to the agreement's year. */
  year?: number;
  asOf: IsoDate;
  narrative?: { language: Language };
}

/** The goal areas a narrative is written for, in the order agreements present them. */
export const goalAreas: Array<{ kinds: SummaryEntry["kind"][]; name: Record<Language, string> }> = [
  { kinds: ["grunduppdrag"], name: { sv: "Grunduppdrag", en: "Core assignments" } },
  {
    kinds: ["sarskilt_uppdrag_kf", "sarskilt_uppdrag_namnd"],
    name: { sv: "Särskilda uppdrag", en: "Special assignments" },
  },
  { kinds: ["mal_kf", "mal_namnd"], name: { sv: "Mål", en: "Goals" } },
];

export async function summarise(
  deps: SummaryDependencies,
  permissions: Permissions,
  request: SummaryRequest,
): Promise<Summary> {
  const agreement = (await deps.agreements.listAgreements()).find((a) => a.id === request.agreementId);
  if (!agreement) throw new AppError("not_found", `no agreement ${request.agreementId}`);
  if (!permissions.canFollow({ committeeCode: agreement.committeeCode, divisionCode: agreement.divisionCode })) {
    throw new AppError("forbidden", "not an expert for the committee or chief for the division", {
      agreement: agreement.id,
    });
  }
  const year = request.year ?? agreement.year ?? Number(request.asOf.slice(0, 4));
  const ends: PeriodEnds = { ...defaultPeriodEnds, ...(await deps.agreements.followUpPeriodEnds(agreement.id)) };
  const assignments = await deps.status.reportableAssignments({ agreementId: agreement.id });
  // The summary describes the end of the asOf day: later reports and edits are left out, and each
  // update reads as its version of that day.
  const stored = await deps.status.list({ agreementId: agreement.id });
  const { updates, revisions } = asOfUpdates(
    stored,
    await deps.status.revisionsOf(stored.map((u) => u.id)),
    request.asOf,
  );
  const generalItems = (await deps.agreements.listDeadlines({ agreementId: agreement.id, includePeriodic: true }))
    .filter((item) => item.assignmentId === null)
    .map((item) => ({ title: item.title, occasion: item.occasion, form: item.form, channel: item.channel }));
  const summary = buildSummary({
    agreement: {
      id: agreement.id,
      title: agreement.title,
      year: agreement.year,
      committee: agreement.committee,
      committeeCode: agreement.committeeCode,
      division: agreement.division,
      divisionCode: agreement.divisionCode,
    },
    period: request.period,
    year,
    ends,
    asOf: request.asOf,
    assignments,
    updates,
    revisions,
    generalItems,
  });
  if (request.narrative && deps.narrator) {
    const language = request.narrative.language;
    const narrator = deps.narrator;
    const areas = goalAreas
      .map((area) => ({
        name: area.name[language],
        entries: summary.entries.filter((e) => area.kinds.includes(e.kind) && e.latest),
      }))
      .filter((area) => area.entries.length > 0);
    // Optional extra: a model that fails or is slow leaves the narrative out, never the summary.
    const texts = await Promise.all(
      areas.map((area) =>
        narrator.narrate({ area: area.name, entries: area.entries, language }).catch((error: unknown) => {
          deps.onNarratorError?.(error);
          return null;
        }),
      ),
    );
    const narratives = areas.flatMap((area, i) => (texts[i] ? [{ area: area.name, text: texts[i]! }] : []));
    if (narratives.length > 0) summary.narratives = narratives;
  }
  return summary;
}

/** The updates as they stood at the end of `asOf` (Stockholm): later ones dropped, edits rolled back. */
function asOfUpdates(updates: StoredStatusUpdate[], revisions: Map<string, StatusRevisionRecord[]>, asOf: string) {
  const kept: StoredStatusUpdate[] = [];
  const keptRevisions = new Map<string, StatusRevisionRecord[]>();
  for (const update of updates) {
    const history = (revisions.get(update.id) ?? []).filter((r) => calendarDate(r.editedAt) <= asOf);
    const current = history.at(-1);
    if (!current) continue;
    kept.push({
      ...update,
      status: current.status,
      text: current.text,
      indicatorValues: current.indicatorValues,
      version: current.version,
      updatedAt: current.editedAt,
    });
    keptRevisions.set(update.id, history);
  }
  return { updates: kept, revisions: keptRevisions };
}
