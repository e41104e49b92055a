// Indicators / key figures (with their source and whether figures must be split by sex) and the
// economy table (activity, amount in tkr), from table blocks and from the labelled blocks of laid
// out agreements ("INDIKATOR" followed by names with their yearly values).
import { fold, squash } from "../../../shared/text/fold.ts";
import type { EconomyLineModel, IndicatorModel } from "../../agreement-model.ts";
import { indicatorUnitOf } from "../../indicator-unit.ts";
import type { Block, ParagraphBlock } from "../blocks/block-model.ts";
import type { DocumentStructure } from "../blocks/build-blocks.ts";
import { numberedAncestor, type AssignmentReading } from "./read-assignments.ts";

/** "Verksamheterna ska redovisa könsuppdelad statistik", "redovisas per juridiskt kön". */
export function demandsSexSplit(text: string): boolean {
  const folded = fold(text);
  return (
    /konsuppdelad|juridiskt kon|per kon\b|uppdelat pa kon|fordelat pa kon|kvinnor och man|flickor och pojkar/.test(
      folded,
    ) && /statistik|nyckeltal|indikator|redovis/.test(folded)
  );
}

export function sourceOf(text: string): string | null {
  const folded = fold(text);
  if (/kolada/.test(folded)) return "Kolada";
  if (/egen statistik|egna verksamhetssystem|egna matningar|egen matning|egen uppfoljning/.test(folded))
    return "Egen statistik";
  if (/\bscb\b/.test(folded)) return "SCB";
  if (/socialstyrelsen/.test(folded)) return "Socialstyrelsen";
  if (/brukarundersokning|enkat/.test(folded)) return "Enkät";
  // "(källa: Arbetsportens verksamhetssystem; …)": the source as the document names it.
  // It ends at its sentence: "Källa: Lifecare. Utfall 2025: 9." → "Lifecare".
  const named = /k(?:ä|a)lla:\s*([^;)\n]{3,60}?)(?:\.(?:\s|$)|[;)\n]|$)/iu.exec(text);
  return named ? squash(named[1]!) : null;
}

/**
 * The indicator's name when a list item says more: "Andel … bistånd (Kolada N31820). Utfall 2025:
 * 5,1 %. Målvärde 2026: 4,5 %." → "Andel … bistånd". The values and the source in brackets go (the
 * source is kept apart); a bracket that is not a source ("(antal)") stays.
 */
export function indicatorName(text: string): string {
  // "Mål 1: Andel …", "Särskilt uppdrag A: Genomsnittligt …": the goal it measures is not its name.
  let name = text.replace(
    /^(?:mål|delmål|särskilt uppdrag|uppdrag)\s+(?:\d{1,2}(?:\.\d{1,2})?|[A-ZÅÄÖ])\s*:\s+(?=\p{Lu})/iu,
    "",
  );
  name = name.replace(
    /\.\s+(?:utfall|målvärde|målnivå|mål\s+20\d{2}|basvärde|ingångsvärde|ingen målnivå|jämförelse|startvärde|källa:|datakälla:)(?!\p{L}).*$/iu,
    "",
  );
  // "1.1 Antal hushåll …": the entry's number is not part of its name.
  name = name.replace(/^\d{1,2}\.\d{1,2}\s+(?=\p{Lu})/u, "");
  // "… antal Källa: Egen statistik Utfall 2024: 210": the next field's label, without a full stop before it.
  name = name.replace(/\s+(?:Källa|Datakälla|Utfall\s+20\d{2}|Målvärde\s+20\d{2}|Mål\s+20\d{2})\s*:.*$/u, "");
  // "Antal meröppna bibliotek – målvärde 4", "…, målvärde minst 45 procent".
  name = name.replace(
    /\s*(?:[–—-]|,)\s*(?:målvärde|målnivå|mål\s+20\d{2}|utfall|basvärde|ingångsvärde)(?!\p{L}).*$/iu,
    "",
  );
  // "… median (målvärde: högst 4 veckor)": the target in brackets is a value, not the name.
  name = name.replace(
    /\s*\((?:målvärde|målnivå|mål(?:\s+20\d{2})?|utfall(?:\s+20\d{2})?|basvärde|ingångsvärde)(?!\p{L})[^()]*\)\s*\.?$/iu,
    "",
  );
  const bracket = /\s*\(([^()]*)\)\s*\.?$/.exec(name);
  if (bracket && sourceOf(bracket[1]!)) name = name.slice(0, bracket.index);
  return name.replace(/\.$/, "").trim();
}

function sectionNumber(structure: DocumentStructure, ordinal: number): string | null {
  return numberedAncestor(structure.sections, ordinal)?.number ?? null;
}

function ownerFor(reading: AssignmentReading, block: Block, headerText: string): string | null {
  const inSection = reading.assignmentsBySection.get(block.section) ?? [];
  if (inSection.length > 1) {
    // "Nyckeltal för Kommunfullmäktiges mål" → the council's goal in this section.
    const folded = fold(headerText);
    const wantsCouncil = /kommunfullmaktige|\bkf\b/.test(folded);
    const wantsGoal = /\bmal\b/.test(folded);
    const candidates = reading.assignments.filter((a) => inSection.includes(a.key));
    const matching = candidates.filter(
      (a) =>
        (wantsGoal ? a.kind.startsWith("mal") : true) &&
        (wantsCouncil ? a.kind.endsWith("_kf") : !a.kind.endsWith("_kf")),
    );
    if (matching.length >= 1) return matching[0]!.key;
  }
  if (inSection.length >= 1) return inSection[0]!;
  return reading.ownerOfSection.get(block.section) ?? null;
}

/** The source a table's introducing paragraph names for all its rows. */
function defaultSourceOf(structure: DocumentStructure, block: Block): string | null {
  const intro = structure.blocks[block.id - 1];
  return intro && intro.kind === "paragraph" ? sourceOf((intro as ParagraphBlock).text) : null;
}

const indicatorHeader = /^(indikator|indikatorer|nyckeltal|matt|resultatmatt|matetal)\b/;

/** The source in a row's source column, as a known source or as written; else the table's. */
function rowSource(cells: string[], sourceColumn: number, fallback: string | null): string | null {
  const cell = sourceColumn >= 0 ? (cells[sourceColumn] ?? "") : "";
  return sourceOf(cell) ?? (cell ? squash(cell) : fallback);
}

/** A line that is nothing but a source's name ("Kolada", "Egen statistik"). */
function isOnlySource(line: string | undefined): boolean {
  if (line === undefined || line.length > 40) return false;
  const source = sourceOf(line);
  return source !== null && fold(source) === fold(line.trim());
}

/** "Indikatorer", "Indikatorer för grunduppdragen", "Nyckeltal:" — a heading or a line that introduces indicators. */
export function isIndicatorLeadIn(text: string, isHeading: boolean): boolean {
  // "Följande följs upp. Indikatorer:": the line's last sentence.
  const folded = fold(text.trim())
    .split(/(?<=[.!?])\s+/)
    .at(-1)!;
  if (!indicatorHeader.test(folded) || folded.length > 70) return false;
  return isHeading || /:$/.test(folded);
}

/**
 * A line that can only be an indicator's name: short, capitalised, no sentence end, no date, and
 * no finite verb of running text ("ska", "är" — "som är nöjda" in a name is fine).
 */
export function isBareIndicatorLine(line: string): boolean {
  const text = line.trim();
  if (text.length < 4 || text.length > 120 || !/^\p{Lu}/u.test(text) || /[.:;!?]$/.test(text)) return false;
  if (/\d{4}-\d{2}-\d{2}/.test(text) || text.split(/\s+/).length > 16) return false;
  return !/(?<![\p{L}])(ska|skall|kommer att|bör|måste)(?![\p{L}])|(?<!\bsom )(?<![\p{L}])(är|har)(?![\p{L}])/iu.test(
    text,
  );
}

/** The assignment a reference names: "4.1", "mål 2", "U1", as the assignment is numbered. */
function assignmentByNumber(reading: AssignmentReading, reference: string) {
  const wanted = fold(reference)
    .replace(/^(mal|uppdrag|su|gu)\s+/, "")
    .replace(/\s+/g, "");
  if (!wanted) return null;
  return (
    reading.assignments.find(
      (a) =>
        a.number !== null &&
        fold(a.number)
          .replace(/^(mal|uppdrag)\s+/, "")
          .replace(/\s+/g, "") === wanted,
    ) ?? null
  );
}

export function readIndicators(
  structure: DocumentStructure,
  reading: AssignmentReading,
  fullText: string,
): IndicatorModel[] {
  const documentSplit = demandsSexSplit(fullText);
  const indicators: IndicatorModel[] = [];
  const add = (name: string, source: string | null, given: string | null, block: Block) => {
    let clean = indicatorName(squash(name.replace(/[|]/g, " ")));
    let owner = given;
    // "Antal nya publika laddpunkter (4.1)": the assignment the indicator follows up, by its number.
    const reference = /\s*\(([^()]{1,14})\)$/.exec(clean);
    const referred = reference ? assignmentByNumber(reading, reference[1]!) : null;
    if (reference && referred) {
      clean = clean.slice(0, reference.index).trim();
      owner ??= referred.key;
    }
    if (clean.length <= 3) return;
    indicators.push({
      ordinal: indicators.length,
      assignmentKey: owner,
      name: clean,
      source,
      splitBySex: documentSplit || demandsSexSplit(clean) || /kvinnor|män|kön|flickor|pojkar/i.test(clean),
      section: sectionNumber(structure, block.section),
      unit: indicatorUnitOf(clean),
    });
  };
  for (const block of structure.blocks) {
    // A list of labels and values ("Indikator: …", "Källa: …") is read below, label by label.
    if (block.kind !== "table" || block.origin === "labelled") continue;
    // Tables: "Indikatorer för … | Källa"; one table may hold several indicator sub-tables.
    // Or a table right under an "INDIKATOR" marker ("Titel | Utfall 2023 | Utfall 2024"): the marker names its rows.
    const previous = structure.blocks[block.id - 1];
    let inIndicators =
      indicatorHeader.test(fold(block.header?.[0] ?? "")) ||
      (previous?.kind === "marker" && previous.marker === "indicators");
    let headerText = (block.header ?? []).join(" ");
    let sourceColumn = (block.header ?? []).findIndex((cell) => /kalla|datakalla/.test(fold(cell)));
    // "Mål | Indikator | Källa | Uppföljning": the indicators sit in a later column, each row's goal
    // in the first (empty on the goal's further indicators).
    const laterColumn = (block.header ?? []).findIndex((cell, c) => c > 0 && indicatorHeader.test(fold(cell)));
    const defaultSource = defaultSourceOf(structure, block);
    if (!inIndicators && laterColumn > 0) {
      const owners = reading.rowOwners.get(block.id);
      let owner: string | null = null;
      block.rows.forEach((row, rowIndex) => {
        owner =
          owners?.get(rowIndex) ?? (squash(row.cells[0] ?? "") ? null : owner) ?? ownerFor(reading, block, headerText);
        const name = squash(row.cells[laterColumn] ?? "");
        if (!name) return;
        add(name, rowSource(row.cells, sourceColumn, defaultSource), owner, block);
      });
      continue;
    }
    for (const row of block.rows) {
      const first = fold(row.cells[0] ?? "");
      if (row.cells.length >= 2 && indicatorHeader.test(first) && row.cells.slice(1).every((c) => c.length < 40)) {
        inIndicators = true;
        headerText = row.cells.join(" ");
        sourceColumn = row.cells.findIndex((cell) => /kalla|datakalla/.test(fold(cell)));
        continue;
      }
      if (
        row.cells.length >= 2 &&
        /\bmal\b|uppdrag/.test(first) &&
        row.cells.slice(1).some((c) => /onskat resultat|beskrivning|rapport/.test(fold(c)))
      ) {
        inIndicators = false;
        continue;
      }
      if (!inIndicators) continue;
      const name = squash(row.cells[0] ?? "");
      if (!name) continue;
      add(name, rowSource(row.cells, sourceColumn, defaultSource), ownerFor(reading, block, headerText), block);
    }
  }
  // A header "Indikator / Källa / V/D/H" read as one paragraph, then under each goal heading the
  // rows one cell per line: an indicator's name, then a line that is only its source ("Kolada").
  let headerLevel: number | null = null;
  for (const block of structure.blocks) {
    if (block.kind === "heading") {
      if (headerLevel !== null && block.level > 0 && block.level <= headerLevel) headerLevel = null;
      continue;
    }
    if (block.kind !== "paragraph") continue;
    const first = fold(block.lines[0] ?? "").trim();
    if (indicatorHeader.test(first) && block.lines.length <= 5 && block.lines.slice(1).every((l) => l.length <= 30)) {
      // Until the next heading at the level of the numbered section the header is in ("5 Särskilda uppdrag").
      headerLevel = numberedAncestor(structure.sections, block.section)?.level ?? 1;
      continue;
    }
    if (headerLevel === null) continue;
    block.lines.forEach((line, k) => {
      if (!isOnlySource(line) && isOnlySource(block.lines[k + 1]) && /\p{L}{3}/u.test(line))
        add(line, sourceOf(block.lines[k + 1]!), ownerFor(reading, block, ""), block);
    });
  }
  // Bullet lists under a lead-in that names them: "Indikatorer för grunduppdraget (källa: …):".
  for (const block of structure.blocks) {
    if (block.kind !== "listItem" || !block.leadIn) continue;
    if (!indicatorHeader.test(fold(block.leadIn.trim()))) continue;
    add(block.text, sourceOf(block.text) ?? sourceOf(block.leadIn), ownerFor(reading, block, block.leadIn), block);
  }
  // "Antal fysiska besök på kommunens bibliotek – målvärde 310 000, utfall 2025: 286 400": a list
  // item that gives a target value is an indicator, named by the words before it; a subheading
  // above it that names an assignment ("Bibliotek (grunduppdrag 3.1, nämndmål 4.2)") is its owner.
  // ("mål 1.1" names a goal; "mål 2027: 85" or "målvärde 85" is a target.)
  const targetField =
    /\s*(?:[–—-]|,|\()\s*(?:(?:målvärde|malvarde|target(?: value)?)(?:\s+\d{4})?\s*:?|mål\s+\d{4}\s*:)\s*(?:högst|minst|lägst|max|min)?\s*[\d<>≥≤]/iu;
  for (const block of structure.blocks) {
    if (block.kind !== "listItem" || (block.leadIn && indicatorHeader.test(fold(block.leadIn.trim())))) continue;
    const field = targetField.exec(block.text);
    if (!field || field.index < 8) continue;
    const name = block.text.slice(0, field.index);
    if (/[.!?]$/.test(name) || name.split(/\s+/).length > 25) continue;
    const heading = structure.sections[block.section]?.heading ?? "";
    const named = [...heading.matchAll(/\b(\d{1,2}(?:\.\d{1,2})+)\b/g)]
      .map((m) => reading.assignments.find((a) => a.number === m[1]))
      .find(Boolean);
    add(name, sourceOf(block.text), named?.key ?? ownerFor(reading, block, heading), block);
  }
  // Bare lines under a heading or lead-in that names them ("Indikatorer för grunduppdragen",
  // "Indikatorer:"): one indicator a line, until the next heading or paragraph of running text.
  for (const block of structure.blocks) {
    // The lead-in is a heading, or a line of a paragraph whose lines after it are the first indicators.
    const at =
      block.kind === "heading"
        ? isIndicatorLeadIn(block.text, true)
          ? -1
          : null
        : block.kind === "paragraph"
          ? block.lines.findLastIndex((line) => isIndicatorLeadIn(line, false))
          : null;
    if (at === null || (block.kind === "paragraph" && at < 0)) continue;
    const leadIn = block.kind === "heading" ? block.text : block.kind === "paragraph" ? block.lines[at]! : "";
    // "Indikatorer för grunduppdragen" covers them all, not the one whose section it sits in.
    const owner = /\b(grunduppdragen|malen|uppdragen)\b/.test(fold(leadIn)) ? null : ownerFor(reading, block, leadIn);
    const first = block.kind === "paragraph" ? block.lines.slice(at + 1) : [];
    if (!first.every(isBareIndicatorLine)) continue;
    for (const line of first) add(line, sourceOf(line), owner, block);
    for (let k = block.id + 1; k < structure.blocks.length; k++) {
      const next = structure.blocks[k]!;
      if (next.kind === "toc") continue;
      if (next.kind !== "paragraph" || !next.lines.every(isBareIndicatorLine)) break;
      for (const line of next.lines) add(line, sourceOf(line), owner, next);
    }
  }

  // "Indikator: Andel deltagare …" over "Källa: Egen statistik" and its values: a label and its
  // value, read as a labelled table or (when the name wraps) as a paragraph before one.
  const labelledName = /^(indikator|nyckeltal|matt|resultatmatt)\s*:?$/;
  const fieldsAfterName = /\.?\s+(?:källa|datakälla|utfall(?:\s+\d{4})?|målvärde(?:\s+\d{4})?|mål\s+\d{4})\s*:/iu;
  const labelledSource = (rows: Array<{ cells: string[] }>): string | null => {
    for (const row of rows) {
      const label = fold(row.cells[0] ?? "");
      if (labelledName.test(label)) return null;
      if (/^(kalla|datakalla)\b/.test(label)) return sourceOf(row.cells[1] ?? "") ?? squash(row.cells[1] ?? "");
    }
    return null;
  };
  for (const block of structure.blocks) {
    if (block.kind === "table" && block.origin === "labelled") {
      block.rows.forEach((row, r) => {
        if (!labelledName.test(fold(row.cells[0] ?? "")) || !squash(row.cells[1] ?? "")) return;
        // "Andel … kurser. Källa: Egen statistik. Utfall 2025: …": the name ends where the next field begins.
        const value = row.cells[1]!;
        const name = fieldsAfterName.exec(value);
        const source = name ? (/\b(?:källa|datakälla)\s*:\s*([^.]{2,80})/iu.exec(value)?.[1] ?? null) : null;
        add(
          name ? value.slice(0, name.index) : value,
          source ? (sourceOf(source) ?? squash(source)) : labelledSource(block.rows.slice(r + 1)),
          ownerFor(reading, block, ""),
          block,
        );
      });
    }
    if (block.kind === "paragraph") {
      // "Indikator: Andel … trygga. Källa: Kolada. Utfall 2025: 86 procent. Målvärde 2026: 90 procent.":
      // the fields run on in one paragraph; the name ends where the next field's label begins.
      const fielded =
        /^(?:indikator|nyckeltal|mått|matt)\s*:\s*(\p{Lu}.{3,200}?)\.?\s+(?:källa|datakälla|utfall(?:\s+\d{4})?|målvärde(?:\s+\d{4})?|mål\s+\d{4})\s*:/iu.exec(
          block.text,
        );
      if (fielded) {
        const source = /\b(?:källa|datakälla)\s*:\s*([^.]{2,80})/iu.exec(block.text)?.[1] ?? null;
        add(fielded[1]!, source ? (sourceOf(source) ?? squash(source)) : null, ownerFor(reading, block, ""), block);
        continue;
      }
      const named = /^(?:indikator|nyckeltal|mått|matt)\s*:\s*(\p{Lu}.{3,200})$/iu.exec(block.text);
      if (!named || /[.!?]$/.test(named[1]!)) continue;
      const next = structure.blocks[block.id + 1];
      const source = next?.kind === "table" && next.origin === "labelled" ? labelledSource(next.rows) : null;
      add(named[1]!, source ?? sourceOf(block.text), ownerFor(reading, block, ""), block);
    }
  }

  // Labelled blocks of laid-out agreements: "INDIKATOR", "Titel Utfall 2023 …", then names whose values end a line.
  for (const block of structure.blocks) {
    if (block.kind !== "marker" || block.marker !== "indicators") continue;
    let current: string[] | null = null;
    const owner = reading.ownerOfSection.get(block.section) ?? null;
    const flush = () => {
      if (current) add(current.join(" "), sourceOf(current.join(" ")), owner, block);
      current = null;
    };
    for (let k = block.id + 1; k < structure.blocks.length; k++) {
      const next = structure.blocks[k]!;
      if (next.kind === "heading" || next.kind === "marker" || next.kind === "table") break;
      if (next.kind !== "paragraph" && next.kind !== "listItem") continue;
      for (const line of next.lines) {
        if (/^titel\b/.test(fold(line))) continue;
        const values = /^(.*?\p{L}.*?)[\s|]+((?:-?\d+(?:[,.]\d+)?\s*%?\s*)+)\s*\w?$/u.exec(line);
        if (values && /\d/.test(values[2]!) && !/\d-\d/.test(values[2]!)) {
          flush();
          current = [values[1]!];
        } else if (current) current.push(line);
        else current = [line];
      }
      flush();
    }
    flush();
  }
  return indicators;
}

const amountPattern =
  /-\s?\d{1,3}(?:[ \u00A0]\d{3})+(?:,\d+)?(?!\d)|-?\d{1,3}(?:[ \u00A0]\d{3})+(?:,\d+)?(?!\d)|-?\d+(?:,\d+)?(?!\d)/g;

export function parseAmounts(text: string): number[] {
  return [...text.matchAll(amountPattern)].map((m) => Number(m[0].replace(/[\s\u00A0]/g, "").replace(",", ".")));
}

/**
 * "Verksamhet | 2025 | 2026": an amount table whose columns are years (the header may have been
 * read as its first row). Returns the header's cells, the rows under it and the year columns;
 * null for any other table.
 */
export function yearColumns(
  header: string[] | null,
  rows: string[][],
): { rows: string[][]; columns: number[]; years: number[] } | null {
  const head = header ?? rows[0] ?? null;
  if (!head) return null;
  const body = header ? rows : rows.slice(1);
  const columns: number[] = [];
  const years: number[] = [];
  head.forEach((cell, c) => {
    const year = /^(?:\p{L}+\s+)?((?:19|20)\d{2})(?:\s*,?\s*\(?tkr\)?)?$/u.exec(squash(cell));
    if (c > 0 && year) {
      columns.push(c);
      years.push(Number(year[1]));
    }
  });
  if (columns.length === 0 || head.slice(1).some((cell, c) => cell.trim() && !columns.includes(c + 1))) return null;
  const withAmounts = body.filter((r) => columns.some((c) => parseAmounts(r[c] ?? "").length > 0)).length;
  if (body.length < 2 || withAmounts < body.length * 0.6) return null;
  return { rows: body, columns, years };
}

const economyCue = /\btkr\b|ersattning|ekonomi|budget|belopp|kronor|finansiering/;

export function readEconomy(structure: DocumentStructure, year: number | null = null): EconomyLineModel[] {
  const lines: EconomyLineModel[] = [];
  const section = (ordinal: number) =>
    numberedAncestor(structure.sections, ordinal)?.number ?? structure.sections[ordinal]?.heading ?? null;
  const usedSections = new Set<number>();
  for (const block of structure.blocks) {
    if (block.kind !== "table") continue;
    // Year columns under an economy heading or a caption in tkr: every year's amount is kept,
    // the agreement's own year is the amount.
    const byYear = yearColumns(
      block.header,
      block.rows.map((r) => r.cells),
    );
    const caption = structure.blocks[block.id - 1];
    const economic =
      economyCue.test(fold(structure.sections[block.section]?.heading ?? "")) ||
      (caption?.kind === "paragraph" && economyCue.test(fold(caption.text)));
    if (byYear && economic) {
      usedSections.add(block.section);
      const own = year !== null ? byYear.years.indexOf(year) : -1;
      for (const cells of byYear.rows) {
        const activity = squash(cells[0] ?? "");
        const amounts = byYear.columns.flatMap((c) => parseAmounts(cells[c] ?? "").slice(0, 1));
        if (!activity || amounts.length === 0) continue;
        const current = own >= 0 ? parseAmounts(cells[byYear.columns[own]!] ?? "")[0] : undefined;
        lines.push({
          ordinal: lines.length,
          activity,
          amountTkr: current ?? amounts.at(-1)!,
          amounts,
          isTotal: /^(summa|totalt|total)\b/i.test(activity),
          section: section(block.section),
        });
      }
      continue;
    }
    if (!block.header) continue;
    // "Belopp 2026, tkr" names the amounts more surely than "Ersättningsform" beside it.
    const headerCells = block.header.map((cell) => fold(cell));
    const named = headerCells.findIndex((cell) => /\btkr\b|belopp|kronor/.test(cell));
    const amountColumn =
      named > 0 ? named : headerCells.findIndex((cell) => /ersattning(?!sform)|budget|kostnad|intakt|ram\b/.test(cell));
    if (amountColumn <= 0) continue;
    usedSections.add(block.section);
    for (const row of block.rows) {
      const activity = squash(row.cells[0] ?? "");
      const amounts = parseAmounts(row.cells[amountColumn] ?? "");
      if (!activity || amounts.length === 0) continue;
      lines.push({
        ordinal: lines.length,
        activity,
        amountTkr: amounts.at(-1)!,
        amounts,
        isTotal: /^(summa|totalt|total)\b/i.test(activity),
        section: section(block.section),
      });
    }
  }
  // Laid-out economy sections: "Barn och Unga -124 613 -146 900" lines under an "Ekonomi" heading.
  for (const candidate of structure.sections) {
    if (usedSections.has(candidate.ordinal) || !/^ekonomi\b/.test(fold(candidate.heading))) continue;
    const found: EconomyLineModel[] = [];
    const laidOut = (structure.blocksBySection.get(candidate.ordinal) ?? []).flatMap((b) =>
      b.kind === "paragraph" || b.kind === "listItem" ? b.lines : [],
    );
    for (const text0 of laidOut) {
      const text = text0.replace(/^[|•e-]\s+/, "");
      const tkr = /^(.*?\p{L}.*?)\s+(-?\d[\d ]*)\s*tkr\.?$/u.exec(text);
      const match = tkr ?? /^(\p{L}.*?\p{L}\)?)\s+((?:-?\s?\d[\d ]*\s*)+)$/u.exec(text);
      if (!match || match[1]!.length > 80) continue;
      const amounts = parseAmounts(match[2]!);
      if (amounts.length === 0) continue;
      const activity = squash(match[1]!.replace(/^[-–]\s*/, ""));
      found.push({
        ordinal: 0,
        activity,
        amountTkr: amounts.at(-1)!,
        amounts,
        isTotal: /^(summa|totalt|total)\b/i.test(activity),
        section: section(candidate.ordinal),
      });
    }
    if (found.length >= 3) for (const line of found) lines.push({ ...line, ordinal: lines.length });
  }
  return lines;
}
