// Use case: an administrator corrects what the reader found — confirms an item, edits its date,
// form, meeting or title, removes it, or adds one the reader missed. Corrections are stored with
// the agreement (and applied again after every re-import) and audited; anyone else is refused.
import { randomUUID } from "node:crypto";
import { auditActor, type Principal } from "../../audit/audit-log.ts";
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DeadlineRecord } from "../agreement-store.ts";
import { checkCorrection, type Correction, type CorrectionAction, type CorrectionFields } from "./correction-model.ts";

export interface CorrectionStore {
  /** Every reporting item of the agreement, dated and undated, as a review shows them. */
  reviewItems(agreementId: string): Promise<DeadlineRecord[]>;
  /** Stores the correction, applies it to the current items and writes the audit entry, in one transaction. */
  saveCorrection(
    agreementId: string,
    correction: Correction,
    audit: { actor: string; actorName?: string; at: Date },
  ): Promise<void>;
  listCorrections(agreementId: string): Promise<Correction[]>;
}

export interface CorrectionDependencies {
  corrections: CorrectionStore;
  clock: Clock;
}

export interface CorrectionRequest {
  agreementId: string;
  action: CorrectionAction;
  /** The item to confirm, edit or remove; absent for "add". */
  itemKey?: string;
  fields?: CorrectionFields;
}

export interface CorrectionResult {
  action: CorrectionAction;
  itemKey: string;
  item: DeadlineRecord | null;
}

export function requireAdministrator(principal: Principal): void {
  if (principal.kind === "person" && !principal.isAdmin)
    throw new AppError("forbidden", "only administrators can correct what was read from an agreement");
}

export async function correctReportingItem(
  dependencies: CorrectionDependencies,
  principal: Principal,
  request: CorrectionRequest,
): Promise<CorrectionResult> {
  requireAdministrator(principal);
  const fields = request.fields ?? {};
  const problem = checkCorrection(request.action, fields);
  if (problem) throw new AppError("invalid_input", `correction refused: ${problem}`, { problem });
  const items = await dependencies.corrections.reviewItems(request.agreementId);
  let itemKey: string;
  if (request.action === "add") itemKey = `added:${randomUUID().slice(0, 8)}`;
  else {
    const item = items.find((i) => i.key === request.itemKey);
    if (!item)
      throw new AppError(
        "not_found",
        `no reporting item ${request.itemKey ?? "(none given)"} in ${request.agreementId}`,
      );
    itemKey = item.key;
  }
  const now = dependencies.clock.now();
  const who = auditActor(principal);
  await dependencies.corrections.saveCorrection(
    request.agreementId,
    { itemKey, action: request.action, fields, actor: who.actor, actorName: who.actorName ?? null, createdAt: now },
    { ...who, at: now },
  );
  const after = await dependencies.corrections.reviewItems(request.agreementId);
  return { action: request.action, itemKey, item: after.find((i) => i.key === itemKey) ?? null };
}
