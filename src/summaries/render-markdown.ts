// The summary as Markdown: one section per assignment and goal in the agreement's order, so each
// section's text can be pasted into the follow-up system as it is.
import { assignmentKindLabels } from "../agreements/agreement-model.ts";
import { formatFigure } from "../agreements/indicator-unit.ts";
import type { Language } from "../shared/language.ts";
import { translate, type MessageKey } from "../shared/messages/translate.ts";
import { localDateTime } from "../shared/text/swedish-dates.ts";
import { periodNames } from "./follow-up-periods.ts";
import type { Summary, SummaryEntry } from "./summary-model.ts";

export function statusName(language: Language, status: SummaryEntry["statusTrail"][number]): string {
  return translate(language, `status.level.${status}` as MessageKey);
}

export function entryHeading(entry: Pick<SummaryEntry, "number" | "title">): string {
  return entry.number && !entry.title.startsWith(entry.number) ? `${entry.number} ${entry.title}` : entry.title;
}

export function summaryTitle(summary: Summary, language: Language): string {
  const period = periodNames[language][summary.period];
  return translate(language, "summary.title", {
    period: period[0]!.toUpperCase() + period.slice(1),
    year: summary.year,
    agreement: summary.agreement.title,
  });
}

export function summaryScope(summary: Summary, language: Language): string {
  const a = summary.agreement;
  const side = (name: string | null, code: string | null) =>
    name ? `${name}${code ? ` (${code})` : ""}` : (code ?? "?");
  return translate(language, "summary.scope", {
    parties: `${side(a.committee, a.committeeCode)} ↔ ${side(a.division, a.divisionCode)}`,
    from: summary.range.from,
    to: summary.range.to,
    asOf: summary.asOf,
  });
}

export function overviewLines(summary: Summary, language: Language): string[] {
  const { byStatus, items, assignments } = summary.overview;
  return [
    translate(language, "summary.statusCounts", { ...byStatus, total: assignments }),
    translate(language, "summary.itemCounts", items) +
      (items.afterPeriod > 0
        ? `; ${translate(language, "summary.itemCountsAfterPeriod", { count: items.afterPeriod })}`
        : ""),
  ];
}

/** "Risk (under perioden: Enligt plan → Risk)" */
export function statusLine(entry: SummaryEntry, language: Language): string {
  if (!entry.latest) return translate(language, "summary.noUpdate");
  const trail =
    entry.statusTrail.length > 1
      ? ` (${translate(language, "summary.trail", { trail: entry.statusTrail.map((s) => statusName(language, s)).join(" → ") })})`
      : "";
  return `${translate(language, "summary.status")}: ${statusName(language, entry.latest.status)}${trail}`;
}

export function reportedByLine(entry: SummaryEntry, language: Language): string {
  if (!entry.latest) return "";
  return translate(language, "summary.reportedBy", {
    name: entry.latest.author,
    when: localDateTime(entry.latest.updatedAt),
    version: entry.latest.version,
    period: entry.latest.periodLabel,
  });
}

/** One indicator's women / men / total as shown in every output, in the indicator's unit. */
export function figures(indicator: SummaryEntry["indicators"][number], language: Language): [string, string, string] {
  return [
    formatFigure(indicator.women, indicator.unit, language),
    formatFigure(indicator.men, indicator.unit, language),
    formatFigure(indicator.total, indicator.unit, language),
  ];
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");

export function renderSummaryMarkdown(summary: Summary, language: Language = "sv"): string {
  const occasion = periodNames[language][summary.period];
  const lines: string[] = [
    `# ${summaryTitle(summary, language)}`,
    "",
    summaryScope(summary, language),
    "",
    `## ${translate(language, "summary.overview")}`,
    "",
  ];
  for (const line of overviewLines(summary, language)) lines.push(`- ${line}`);
  if (summary.narratives?.length) {
    lines.push(
      "",
      `## ${translate(language, "summary.narratives")}`,
      "",
      `> ${translate(language, "summary.generated")}`,
      "",
    );
    for (const n of summary.narratives) lines.push(`**${n.area}.** ${n.text}`, "");
  }
  for (const entry of summary.entries) {
    lines.push(
      "",
      `## ${entryHeading(entry)}`,
      "",
      `*${assignmentKindLabels[entry.kind][language]}${entry.section ? ` · ${language === "sv" ? "avsnitt" : "section"} ${entry.section}` : ""}*`,
      "",
    );
    lines.push(`**${statusLine(entry, language)}**`, "");
    if (entry.latest) lines.push(entry.latest.text, "");
    const reported = entry.indicators.filter((i) => i.women !== null || i.men !== null || i.total !== null);
    if (entry.indicators.length > 0) {
      const [w, m, t] = (["status.form.women", "status.form.men", "status.form.total"] as const).map((k) =>
        translate(language, k),
      );
      lines.push(
        `| ${translate(language, "status.receipt.indicator")} | ${w} | ${m} | ${t} |`,
        "| --- | ---: | ---: | ---: |",
      );
      for (const i of entry.indicators) lines.push(`| ${cell(i.name)} | ${figures(i, language).join(" | ")} |`);
      lines.push("");
      if (reported.length === 0 && entry.latest)
        lines.push(
          `*${language === "sv" ? "Inga indikatorvärden rapporterade." : "No indicator values reported."}*`,
          "",
        );
    }
    if (entry.latest) lines.push(`*${reportedByLine(entry, language)}*`, "");
    if (entry.required.length > 0) {
      lines.push(`${translate(language, "summary.required", { occasion })}:`);
      for (const r of entry.required) lines.push(`- ${r.title}${r.channel ? ` (${r.channel})` : ""}`);
      lines.push("");
    }
    if (entry.items.length > 0) {
      lines.push(`${translate(language, "summary.items")}:`);
      for (const item of entry.items)
        lines.push(
          `- ${item.label}${item.dueDate ? ` (${language === "sv" ? "senast" : "due"} ${item.dueDate})` : ""}: ${translate(language, `summary.item.${item.state}`)}`,
        );
      lines.push("");
    }
  }
  if (summary.generalRequirements.length > 0) {
    lines.push("", `## ${translate(language, "summary.general", { occasion })}`, "");
    for (const r of summary.generalRequirements) lines.push(`- ${r.title}${r.channel ? ` (${r.channel})` : ""}`);
  }
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
