// The summary as a Word document: one heading per assignment and goal, then exactly the text to
// paste into the follow-up system (VP/Hypergene), the indicator table and where it came from.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { assignmentKindLabels } from "../../agreements/agreement-model.ts";
import type { Language } from "../../shared/language.ts";
import { translate } from "../../shared/messages/translate.ts";
import { periodNames } from "../../summaries/follow-up-periods.ts";
import {
  entryHeading,
  figures,
  overviewLines,
  reportedByLine,
  statusLine,
  summaryScope,
  summaryTitle,
} from "../../summaries/render-markdown.ts";
import type { Summary } from "../../summaries/summary-model.ts";

const border = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, options: { bold?: boolean; right?: boolean; width: number }): TableCell {
  return new TableCell({
    borders,
    width: { size: options.width, type: WidthType.PERCENTAGE },
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold })],
      }),
    ],
  });
}

function indicatorTable(rows: Summary["entries"][number]["indicators"], language: Language): Table {
  const widths = [55, 15, 15, 15];
  const header = [
    translate(language, "status.receipt.indicator"),
    translate(language, "status.form.women"),
    translate(language, "status.form.men"),
    translate(language, "status.form.total"),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((text, i) => cell(text, { bold: true, right: i > 0, width: widths[i]! })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: [r.name, ...figures(r, language)].map((text, i) =>
              cell(text, { right: i > 0, width: widths[i]! }),
            ),
          }),
      ),
    ],
  });
}

function textParagraphs(text: string): Paragraph[] {
  return text.split(/\n+/).map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

export async function renderSummaryDocx(summary: Summary, language: Language = "sv"): Promise<Buffer> {
  const occasion = periodNames[language][summary.period];
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(summaryTitle(summary, language))] }),
    new Paragraph({ children: [new TextRun({ text: summaryScope(summary, language), italics: true })] }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(translate(language, "summary.overview"))],
    }),
    ...overviewLines(summary, language).map(
      (line) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line)] }),
    ),
  ];
  if (summary.narratives?.length) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(translate(language, "summary.narratives"))],
      }),
    );
    children.push(
      new Paragraph({ children: [new TextRun({ text: translate(language, "summary.generated"), italics: true })] }),
    );
    for (const n of summary.narratives)
      children.push(
        new Paragraph({ children: [new TextRun({ text: `${n.area}. `, bold: true }), new TextRun(n.text)] }),
      );
  }
  for (const entry of summary.entries) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(entryHeading(entry))] }));
    children.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `${assignmentKindLabels[entry.kind][language]}${entry.section ? ` · ${language === "sv" ? "avsnitt" : "section"} ${entry.section}` : ""}`,
            italics: true,
            color: "666666",
          }),
        ],
      }),
    );
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: statusLine(entry, language), bold: true, color: entry.latest ? undefined : "C00000" }),
        ],
      }),
    );
    if (entry.latest) children.push(...textParagraphs(entry.latest.text));
    if (entry.indicators.length > 0) children.push(indicatorTable(entry.indicators, language));
    if (entry.latest)
      children.push(
        new Paragraph({
          children: [new TextRun({ text: reportedByLine(entry, language), italics: true, size: 18, color: "666666" })],
        }),
      );
    if (entry.required.length > 0) {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `${translate(language, "summary.required", { occasion })}:`, bold: true })],
        }),
      );
      for (const r of entry.required)
        children.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun(`${r.title}${r.channel ? ` (${r.channel})` : ""}`)],
          }),
        );
    }
    if (entry.items.length > 0) {
      children.push(
        new Paragraph({ children: [new TextRun({ text: `${translate(language, "summary.items")}:`, bold: true })] }),
      );
      for (const item of entry.items) {
        children.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [
              new TextRun(
                `${item.label}${item.dueDate ? ` (${language === "sv" ? "senast" : "due"} ${item.dueDate})` : ""}: ${translate(language, `summary.item.${item.state}`)}`,
              ),
            ],
          }),
        );
      }
    }
  }
  if (summary.generalRequirements.length > 0) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(translate(language, "summary.general", { occasion }))],
      }),
    );
    for (const r of summary.generalRequirements)
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun(`${r.title}${r.channel ? ` (${r.channel})` : ""}`)],
        }),
      );
  }
  const document = new Document({
    creator: "Uppföljningsboten",
    title: summaryTitle(summary, language),
    description: summaryScope(summary, language),
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
