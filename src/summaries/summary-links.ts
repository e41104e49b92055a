// Signed, expiring download links for summaries: the permission check happens when the link is
// made (in Teams, for the person asking); the link itself then carries the right to download.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Language } from "../shared/language.ts";
import type { FollowUpPeriod } from "./follow-up-periods.ts";

export type SummaryFormat = "docx" | "md";

export interface SummaryLinkRequest {
  agreementId: string;
  period: FollowUpPeriod;
  year: number;
  format: SummaryFormat;
  language: Language;
}

/** How long a link in a chat stays usable: long enough for a working day, short enough for a bearer link. */
export const linkLifetimeMs = 24 * 60 * 60 * 1000;

function payload(request: SummaryLinkRequest, expires: number): string {
  return [request.agreementId, request.period, request.year, request.format, request.language, expires].join("|");
}

function signature(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("base64url");
}

export function summaryLink(baseUrl: string, secret: string, request: SummaryLinkRequest, now: Date): string {
  const expires = now.getTime() + linkLifetimeMs;
  const query = new URLSearchParams({
    agreement: request.agreementId,
    period: request.period,
    year: String(request.year),
    format: request.format,
    lang: request.language,
    expires: String(expires),
    sig: signature(secret, payload(request, expires)),
  });
  return `${baseUrl.replace(/\/+$/, "")}/downloads/summary?${query}`;
}

/** The request a link stands for, or null when it is forged, altered or expired. */
export function verifySummaryLink(
  secret: string,
  query: Record<string, string | undefined>,
  now: Date,
): SummaryLinkRequest | null {
  const { agreement, period, year, format, lang, expires, sig } = query;
  if (!agreement || !period || !year || !format || !lang || !expires || !sig) return null;
  if (
    !["var", "delar", "helar"].includes(period) ||
    !["docx", "md"].includes(format) ||
    !["sv", "en"].includes(lang) ||
    !/^\d{4}$/.test(year)
  )
    return null;
  const expiresAt = Number(expires);
  if (!Number.isFinite(expiresAt) || expiresAt < now.getTime()) return null;
  const request: SummaryLinkRequest = {
    agreementId: agreement,
    period: period as FollowUpPeriod,
    year: Number(year),
    format: format as SummaryFormat,
    language: lang as Language,
  };
  const expected = Buffer.from(signature(secret, payload(request, expiresAt)));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? request : null;
}
