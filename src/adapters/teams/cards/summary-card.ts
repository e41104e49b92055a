// Data for cards/summary.json: one page of a summary, compact enough for Teams' message limit,
// with buttons for the other pages and signed links to the Word and Markdown files.
import { assignmentKindLabels } from "../../../agreements/agreement-model.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";
import { statusColours } from "../../../status/status-model.ts";
import { periodNames } from "../../../summaries/follow-up-periods.ts";
import {
  entryHeading,
  figures,
  overviewLines,
  statusLine,
  summaryScope,
  summaryTitle,
} from "../../../summaries/render-markdown.ts";
import type { Summary } from "../../../summaries/summary-model.ts";

/** Entries per page: with excerpts of 280 characters a page stays around 10 KB, well under Teams' ~28 KB. */
export const summaryPageSize = 8;
const excerptLength = 280;

export function summaryPageCount(summary: Summary): number {
  return Math.max(1, Math.ceil(summary.entries.length / summaryPageSize));
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1).trimEnd()}…` : flat;
}

export function summaryCardData(
  language: Language,
  summary: Summary,
  options: { page: number; links?: { word: string; markdown: string } },
) {
  const pages = summaryPageCount(summary);
  const page = Math.min(Math.max(1, Math.trunc(options.page) || 1), pages);
  const slice = summary.entries.slice((page - 1) * summaryPageSize, page * summaryPageSize);
  const occasion = periodNames[language][summary.period];
  const sexes = [
    translate(language, "status.form.women"),
    translate(language, "status.form.men"),
    translate(language, "status.form.total"),
  ].join(" / ");
  const pageData = (p: number) => ({
    agreementId: summary.agreement.id,
    period: summary.period,
    year: summary.year,
    page: p,
    lang: language,
  });
  return {
    title: summaryTitle(summary, language),
    scope: summaryScope(summary, language),
    overviewHeading: translate(language, "summary.overview"),
    overview: overviewLines(summary, language),
    generatedNote: translate(language, "summary.generated"),
    narratives: summary.narratives ?? [],
    entries: slice.map((entry) => {
      const reported = entry.indicators.filter((i) => i.women !== null || i.men !== null || i.total !== null);
      return {
        heading: entryHeading(entry),
        kind: assignmentKindLabels[entry.kind][language],
        statusText: entry.latest ? `● ${statusLine(entry, language)}` : statusLine(entry, language),
        statusColour: entry.latest ? statusColours[entry.latest.status] : "Attention",
        excerpt: entry.latest ? excerpt(entry.latest.text) : "",
        figures:
          reported.length === 0
            ? ""
            : `${sexes} – ${reported.map((i) => `${i.name}: ${figures(i, language).join(" / ")}`).join(" · ")}`,
        required:
          entry.required.length > 0
            ? `${translate(language, "summary.required", { occasion })}: ${entry.required.map((r) => r.title).join("; ")}`
            : "",
      };
    }),
    general:
      page === pages && summary.generalRequirements.length > 0
        ? `${translate(language, "summary.general", { occasion })}: ${summary.generalRequirements.map((r) => r.title).join("; ")}`
        : "",
    pageText: translate(language, "summary.page", { page, pages }),
    previous: page > 1 ? pageData(page - 1) : null,
    next: page < pages ? pageData(page + 1) : null,
    wordUrl: options.links?.word ?? "",
    markdownUrl: options.links?.markdown ?? "",
    labels: {
      previous: translate(language, "summary.previous"),
      next: translate(language, "summary.next"),
      word: translate(language, "summary.downloadWord"),
      markdown: translate(language, "summary.downloadMarkdown"),
    },
  };
}
