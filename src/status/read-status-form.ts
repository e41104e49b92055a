// Reads what a chief typed into the status form (or passed on the command line) into a status,
// or explains, field by field, what has to be fixed. Pure: no storage, no Teams.
import { isAdditive } from "../agreements/indicator-unit.ts";
import type { MessageKey } from "../shared/messages/translate.ts";
import {
  maxStatusTextLength,
  statusLevels,
  type IndicatorValue,
  type ReportableAssignment,
  type StatusContent,
  type StatusLevel,
} from "./status-model.ts";

/** Input names used by the card and the CLI: one per indicator and sex. */
export const indicatorField = {
  women: (ordinal: number) => `women_${ordinal}`,
  men: (ordinal: number) => `men_${ordinal}`,
  total: (ordinal: number) => `total_${ordinal}`,
};

export type FieldErrors = Record<string, { key: MessageKey; params?: Record<string, string | number> }>;

export type FormReading =
  | { ok: true; content: StatusContent; reportingItemKey: string }
  | { ok: false; errors: FieldErrors };

/** The largest figure accepted: well above any municipal count, small enough to catch typos of many digits. */
const maxFigure = 1_000_000_000;

function text(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" ? value : "";
}

/** "1 200", "12,5", "40" → number; "" → null; anything else → NaN. A share may carry its "%": "3,5 %". */
export function parseFigure(value: unknown, options: { percent?: boolean } = {}): number | null {
  let raw = text(value)
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  if (options.percent) raw = raw.replace(/%$/, "");
  if (raw === "") return null;
  if (!/^\d+(\.\d+)?$/.test(raw)) return Number.NaN;
  return Number(raw);
}

export function readStatusForm(input: Record<string, unknown>, assignment: ReportableAssignment): FormReading {
  const errors: FieldErrors = {};

  const status = text(input.status).trim() as StatusLevel;
  if (!statusLevels.includes(status)) errors.status = { key: "status.error.statusRequired" };

  const body = text(input.text).replace(/\r\n/g, "\n").trim();
  if (body.length === 0) errors.text = { key: "status.error.textRequired" };
  else if (body.length > maxStatusTextLength)
    errors.text = { key: "status.error.textTooLong", params: { max: maxStatusTextLength, length: body.length } };

  const period = text(input.period).trim();
  if (!assignment.points.some((p) => p.key === period)) errors.period = { key: "status.error.periodRequired" };

  const indicatorValues: IndicatorValue[] = [];
  for (const indicator of assignment.indicators) {
    const fields = {
      women: indicatorField.women(indicator.ordinal),
      men: indicatorField.men(indicator.ordinal),
      total: indicatorField.total(indicator.ordinal),
    };
    const share = indicator.unit === "share";
    const women = parseFigure(input[fields.women], { percent: share });
    const men = parseFigure(input[fields.men], { percent: share });
    let total = parseFigure(input[fields.total], { percent: share });
    let failed = false;
    for (const [sex, value] of [
      ["women", women],
      ["men", men],
      ["total", total],
    ] as const) {
      // "1,200" or "1.200": a thousands separator or a decimal? Ask rather than store 1.2.
      if (/^\s*\d{1,3}[.,]\d{3}\s*$/.test(text(input[fields[sex]]))) {
        errors[fields[sex]] = { key: "status.error.thousands", params: { value: text(input[fields[sex]]).trim() } };
        failed = true;
        continue;
      }
      if (value !== null && (Number.isNaN(value) || value > maxFigure)) {
        errors[fields[sex]] = { key: "status.error.figure", params: { value: text(input[fields[sex]]).slice(0, 20) } };
        failed = true;
      } else if (share && value !== null && value > 100) {
        errors[fields[sex]] = {
          key: "status.error.shareRange",
          params: { value: text(input[fields[sex]]).slice(0, 20) },
        };
        failed = true;
      }
    }
    if (failed) continue;
    if (indicator.splitBySex && (women === null) !== (men === null)) {
      errors[women === null ? fields.women : fields.men] = { key: "status.error.bothSexes" };
      continue;
    }
    // Only counts and amounts add up: 3,5 % of women and 4,1 % of men is not 7,6 % of everyone.
    if (isAdditive(indicator.unit) && women !== null && men !== null) {
      const sum = Math.round((women + men) * 100) / 100;
      // Some people are recorded without sex, so a total above the sum is allowed; below is a typo.
      if (total === null) total = sum;
      else if (total < sum) {
        errors[fields.total] = { key: "status.error.totalTooSmall", params: { sum } };
        continue;
      }
    }
    if (women !== null || men !== null || total !== null) {
      indicatorValues.push({ indicator: indicator.name, ordinal: indicator.ordinal, women, men, total });
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, content: { status, text: body, indicatorValues }, reportingItemKey: period };
}
