// The summary use case: who may read it, which data it is built from, optional narrative.
import type { AgreementStore } from "../agreements/agreement-store.ts";
import type { Permissions } from "../people/roles.ts";
import { AppError } from "../shared/app-error.ts";
import type { Language } from "../shared/language.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import type { StatusStore } from "../status/status-store.ts";
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
  { kinds: ["sarskilt_uppdrag_kf", "sarskilt_uppdrag_namnd"], name: { sv: "Särskilda uppdrag", en: "Special assignments" } },
  { kinds: ["mal_kf", "mal_namnd"], name: { sv: "Mål", en: "Goals" } },
];

export async function summarise(deps: SummaryDependencies, permissions: Permissions, request: SummaryRequest): Promise<Summary> {
  const agreement = (await deps.agreements.listAgreements()).find((a) => a.id === request.agreementId);
  if (!agreement) throw new AppError("not_found", `no agreement ${request.agreementId}`);
  if (!permissions.canFollow({ committeeCode: agreement.committeeCode, divisionCode: agreement.divisionCode })) {
    throw new AppError("forbidden", "not an expert for the committee or chief for the division", { agreement: agreement.id });
  }
  const year = request.year ?? agreement.year ?? Number(request.asOf.slice(0, 4));
  const ends: PeriodEnds = { ...defaultPeriodEnds, ...(await deps.agreements.followUpPeriodEnds(agreement.id)) };
  const assignments = await deps.status.reportableAssignments({ agreementId: agreement.id });
  const updates = await deps.status.list({ agreementId: agreement.id });
  const revisions = await deps.status.revisionsOf(updates.map((u) => u.id));
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
    const narratives: Summary["narratives"] = [];
    for (const area of goalAreas) {
      const entries = summary.entries.filter((e) => area.kinds.includes(e.kind) && e.latest);
      if (entries.length === 0) continue;
      narratives.push({ area: area.name[request.narrative.language], text: await deps.narrator.narrate({ area: area.name[request.narrative.language], entries, language: request.narrative.language }) });
    }
    summary.narratives = narratives;
  }
  return summary;
}
