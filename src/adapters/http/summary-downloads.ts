// Serves the Word and Markdown files behind the summary card's download buttons. The signed link
// was made for someone allowed to read the summary; a forged, altered or expired one gets 403.
import type { AgreementStore } from "../../agreements/agreement-store.ts";
import { Permissions } from "../../people/roles.ts";
import type { Clock } from "../../shared/clock.ts";
import { translate } from "../../shared/messages/translate.ts";
import { calendarDate } from "../../shared/text/swedish-dates.ts";
import type { StatusStore } from "../../status/status-store.ts";
import { renderSummaryMarkdown } from "../../summaries/render-markdown.ts";
import { summarise } from "../../summaries/summarise.ts";
import { verifySummaryLink } from "../../summaries/summary-links.ts";
import { renderSummaryDocx } from "../documents/summary-docx.ts";

export interface DownloadResponse {
  status: number;
  contentType: string;
  filename?: string;
  body: Buffer | string;
}

export type SummaryDownloads = (query: Record<string, string | undefined>) => Promise<DownloadResponse>;

export function summaryDownloads(deps: {
  status: StatusStore;
  agreements: AgreementStore;
  clock: Clock;
  secret: string;
}): SummaryDownloads {
  return async (query) => {
    const now = deps.clock.now();
    const request = verifySummaryLink(deps.secret, query, now);
    if (!request) {
      return {
        status: 403,
        contentType: "text/plain; charset=utf-8",
        body: translate(query.lang === "en" ? "en" : "sv", "summary.linkExpired"),
      };
    }
    // The link was signed after the permission check for the person who asked.
    const bearer = new Permissions({ tenantId: "link", aadObjectId: "link", name: "download link" }, [], true);
    const summary = await summarise({ status: deps.status, agreements: deps.agreements }, bearer, {
      agreementId: request.agreementId,
      period: request.period,
      year: request.year,
      asOf: calendarDate(now),
    });
    const base = `sammanfattning-${request.agreementId}-${request.period}-${request.year}`;
    if (request.format === "docx") {
      return {
        status: 200,
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename: `${base}.docx`,
        body: await renderSummaryDocx(summary, request.language),
      };
    }
    return {
      status: 200,
      contentType: "text/markdown; charset=utf-8",
      filename: `${base}.md`,
      body: renderSummaryMarkdown(summary, request.language),
    };
  };
}
