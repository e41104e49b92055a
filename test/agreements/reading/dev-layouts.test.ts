// The reader on the development layouts (agreements of invented municipalities, written for this
// project in layouts the seed documents do not have), through the real extractors, scored against
// the careful reader's list in expected.json. The floors are what the reader reaches today: a change
// that loses an item, an assignment or an indicator on any layout fails here.
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileTextExtractor } from "../../../src/adapters/extraction/file-text-extractor.ts";
import { defaultOcrSettings } from "../../../src/adapters/extraction/tesseract-page-reader.ts";
import { loadSwedishDictionary } from "../../../src/adapters/spelling/hunspell-dictionary.ts";
import { cachedSwedishForms } from "../../../src/adapters/spelling/dictionary-cache.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { fold } from "../../../src/shared/text/fold.ts";

// Our own development layouts, and those a writer who saw only documents (never the code) made for
// us (blind2-holdout was held out until the reader read its drawn tables and weeks; the other
// held-out sets have been read since and are development sets now).
const dirs = [
  "dev",
  "blind-dev",
  "blind-holdout",
  "blind2-dev",
  "blind2-holdout",
  "blind3-holdout",
  "blind4-holdout",
  "blind5-holdout",
  "blind6-holdout",
  "blind7-holdout",
  "blind9-holdout",
  "blind10-holdout",
  "blind11-dev",
  "blind13-dev",
  "blind14a-dev",
  "blind14b-dev",
  "blind15a-dev",
  "blind15b-dev",
  "blind16a-dev",
  "blind16b-dev",
  "holdout",
].map((name) => join(import.meta.dirname, "../../fixtures/layouts", name));

interface Expected {
  title: string;
  committee: string;
  committeeCode?: string;
  division: string;
  year: number;
  assignments: Array<{ number: string | null; title: string; kind: string }>;
  /** An indicator's name, or (in newer lists) its name and owner. */
  indicators: Array<string | { name: string }>;
  /** Words that name the item; older lists give only its title, whose long words then do. A date
   * of month precision is written "2026-04". */
  items: Array<{ date: string; keywords?: string[]; title?: string }>;
}

const letters = (s: string | null | undefined) =>
  fold(s ?? "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const keywordsOf = (item: Expected["items"][number]) =>
  item.keywords ?? (item.title ?? "").split(/[^\p{L}]+/u).filter((word) => word.length >= 7);
const extractor = new FileTextExtractor({ maxBytes: 20 * 1024 * 1024, ocr: defaultOcrSettings });
const dictionary = loadSwedishDictionary(cachedSwedishForms().compiled);

async function score(dir: string, file: string, expected: Expected) {
  const extracted = await extractor.extract({ name: file, bytes: new Uint8Array(await readFile(join(dir, file))) });
  const parsed = readAgreement({ text: extracted.text, positionedLines: extracted.positionedLines }, { dictionary });
  const itemText = (i: (typeof parsed.reportingItems)[number]) =>
    letters(
      [i.title, i.description, i.section, parsed.assignments.find((a) => a.key === i.assignmentKey)?.title]
        .filter(Boolean)
        .join(" "),
    );
  const items = expected.items.filter((want) =>
    parsed.reportingItems.some(
      (i) =>
        [i.date, i.meetingDate, i.date?.slice(0, 7)].includes(want.date) &&
        keywordsOf(want).some((k) => itemText(i).includes(letters(k))),
    ),
  ).length;
  // A title keeps the committees it is tagged with, "… (SN, AMN)" (they are also read into `committees`).
  // A goal's label before its title ("Nämndmål 1: Fler elever …") is its number, written by some
  // careful readers into the title and by others not: compared without it on both sides.
  const untagged = (title: string) =>
    letters(
      title
        .replace(/\s*\([A-ZÅÄÖ]{2,5}(?:\s*,\s*[A-ZÅÄÖ]{2,5})*\)\s*$/u, "")
        .replace(/^(?:nämndmål|kf-mål|mål|inriktningsmål|uppdrag)\s+[\dA-ZÅÄÖ]{1,3}\s*:\s+/iu, ""),
    );
  // Both sides untagged: "Svenska för invandrare (SFI)" keeps its abbreviation on both.
  const assignments = expected.assignments.filter((want) =>
    parsed.assignments.some((a) => untagged(a.title) === untagged(want.title)),
  ).length;
  const indicators = expected.indicators.filter((want) =>
    parsed.indicators.some((i) => letters(i.name) === letters(typeof want === "string" ? want : want.name)),
  ).length;
  const facts = [
    letters(parsed.facts.title) === letters(expected.title),
    letters(parsed.facts.committee?.name) === letters(expected.committee),
    letters(parsed.facts.division?.name) === letters(expected.division),
    parsed.facts.year === expected.year,
  ].filter(Boolean).length;
  // Of the dated items read (not those that recur month by month), the share a careful reader lists:
  // a report read twice, or a heading read as a report, is a deadline nobody has.
  const dated = parsed.reportingItems.filter((i) => i.date && i.recurrence === null);
  const listed = dated.filter((i) =>
    expected.items.some(
      (want) =>
        [i.date, i.meetingDate, i.date?.slice(0, 7)].includes(want.date) &&
        keywordsOf(want).some((k) => itemText(i).includes(letters(k))),
    ),
  ).length;
  return { items, assignments, indicators, facts, precision: dated.length ? listed / dated.length : 1 };
}

const cases = (
  await Promise.all(
    dirs.map(async (dir) => {
      const expected = JSON.parse(await readFile(join(dir, "expected.json"), "utf8")).docs as Record<string, Expected>;
      // Each document as text and, where we made one, as the PDF or Word file (Bergsjö's PDF is a scan, read by OCR).
      return Object.keys(expected).flatMap((name) => {
        const base = name.replace(/\.txt$/, "");
        const files = [name];
        for (const ext of [".pdf", ".docx"]) if (existsSync(join(dir, base + ext))) files.push(base + ext);
        return files.map((file) => ({ dir, file, name, want: expected[name]! }));
      });
    }),
  )
).flat();

// Shares reached on 2026-12-03 (reader version 35), per file: items, assignments, indicators, facts,
// and (where given) the share of the dated items read that the careful reader lists.
// Every other file (Bergsjö's scan, read by OCR, too) is read in full.
const floors: Record<string, [number, number, number, number, number?]> = {
  // 5.2's title is cut inside its first sentence ("… på modersmål" before "i kommunens skolor."),
  // which nothing in the text marks.
  "stenasa-bun-overenskommelse-2025.txt": [1, 10 / 11, 1, 1],
  // The lettered special assignments are not read yet (its indicator table, exported with pipes, is).
  "gransatra_uppdragsplan_on_2026.txt": [1, 7 / 8, 1, 1],
  // The title is read without the division line the careful reader joined to it.
  "granby-tn-overenskommelse-2026.txt": [1, 1, 1, 3 / 4],
  // Two reports named only inside other reports' text ("redovisas i tertialrapport 1"); one
  // indicator wrapped over a line break of its table.
  "kronvalla_overenskommelse_ON_DVS_2026.txt": [13 / 15, 1, 11 / 12, 1],
  // The core assignment under a bare "Grunduppdraget" and the two goals written inside a sentence
  // are not read; the title keeps the parties' line. (It lists no indicators.)
  "ljungsjo_uppdragsplan_IFN_2026.txt": [1, 5 / 8, 0, 3 / 4],
  // Core assignments whose titles run on after a colon ("Barn och unga: myndighetsutövning …"),
  // indicators in a table the reader takes for values.
  "orsala-ifn-internoverenskommelse-2025.txt": [1, 7 / 11, 2 / 4, 1],
  "orsala-ifn-internoverenskommelse-2025.pdf": [1, 5 / 11, 2 / 4, 1],
  "vallby-uppdragsplan-arbetsmarknadskontoret-2026.txt": [1, 5 / 7, 1, 1],
  "tallmo-fkn-overenskommelse-2025.txt": [8 / 9, 5 / 10, 2 / 3, 1],
  // Its goals sit in a table of goal, indicator and target the reader does not split yet.
  "marhult-un-overenskommelse-2025.txt": [1, 0, 1, 1],
  // blind4-holdout, as read when it was run once as a held-out set: a table whose rows are broken
  // by page headers and footers (Vretaby), reports written inside each assignment's text with a
  // separate meeting list (Hålleberga), an OCR'd memo of labelled fields (Lövnäs). Since read:
  // Hålleberga's title without its parties' line; in Lövnäs two indicators lettered a) and b)
  // inside one field, and the division without its "verksamhetsområde".
  "halleberga_kfn_uppdragsplan_2026.txt": [1, 1, 1, 3 / 4],
  "lovnas_omsorgsnamnden_uppdragsavtal_2026.txt": [1, 1, 3 / 5, 3 / 4],
  // blind5-holdout, as read when it was run once as a held-out set (2026-12-03): a Markdown export
  // whose assignments are coded rows (Björkelunda), a spreadsheet export with a year wheel of months
  // (Ramsviken), a letter in § paragraphs with dates in words (Ödestorp). Since read: Björkelunda's
  // coded Markdown headings, Ödestorp's § paragraphs and ordinal dates, Ramsviken's year wheel.
  "bjorkelunda_sn_uppdragsplan_2026.txt": [1, 6 / 7, 1, 3 / 4],
  "ramsviken_ain_uppdragsavtal_2027.txt": [1, 5 / 8, 1, 3 / 4],
  "odestorp_von_overenskommelse_2026.txt": [1, 6 / 7, 0, 1],
  // blind6-holdout, as read when it was run once as a held-out set (2026-12-03: items 27/43,
  // assignments 2/26, indicators 1/25): a decision extract whose assignments carry their kind in
  // brackets (Alvedala), a semicolon/pipe export of a planning tool (Segeröd), a plan of numbered
  // paragraphs with its reporting plan as labelled records (Norrbyholm). Since read: all three
  // layouts. Not yet: two indicator names with a measure in brackets the careful reader left out,
  // Norrbyholm's indicator table, its core assignments' "Grunduppdrag" prefix.
  "alvedala_von_verksamhetsuppdrag_2026.txt": [1, 7 / 8, 7 / 9, 1],
  "segerod_kfn_bestallning_2027.txt": [1, 1, 7 / 8, 1],
  "norrbyholm_avn_verksamhetsplan_2026.txt": [1, 6 / 9, 0, 1],
  // blind7-holdout, as read when it was run once as a held-out set (2026-12-03: items 32/45,
  // assignments 12/29, indicators 16/41): a Word export with tab tables (Falkmossa), a PDF-like text
  // whose timetable is split by quarter headings, with a legend of codes (Kvarnbäck), a memo of
  // questions and answers in prose (Hjortsunda). Since read: the quarter parts of Kvarnbäck's
  // timetable, Hjortsunda's assignments under question headings. Not yet: a timetable part of two
  // rows, a report due in a week ("v. 45"), indicators written in sentences, quarterly reports
  // written inside sentences.
  "falkmossa_gvn_overenskommelse_2026.txt": [1, 9 / 10, 16 / 18, 3 / 4],
  "kvarnback_mbn_uppdragsavtal_2026.txt": [13 / 15, 6 / 9, 4 / 11, 3 / 4],
  "hjortsunda_aldrenamnden_bestallning_2027.txt": [11 / 15, 4 / 10, 0, 1],
  // blind9-holdout, as read when it was run once as a held-out set (2026-12-03: items 37/51,
  // assignments 0/40, indicators 4/27): a PDF timetable of one cell per line with days as "26/2"
  // and "v. 17" (Ekviken), labelled blocks "Rapportering / Ansvarig / Tidpunkt" with mini-forms
  // for goals (Håkansvik), a beställning exported from Word with bullets (Norrbäck). Since read:
  // Ekviken's timetable and its list of meetings, Håkansvik's labelled records, codes before
  // titles ("3.1 G1 …", "C1 Myndighetsutövning", "L1<tab>…", "A<tab>…"), Håkansvik's mini-forms
  // ("Mål:  D2 (nämndmål) …" over "Indikatorer:  a) …"). Not yet: indicators in tab-indented
  // bullets (Norrbäck) and in Ekviken's tables.
  "ekviken_frn_overenskommelse_2026.txt": [15 / 16, 1, 5 / 11, 1],
  "hakansvik_fhn_uppdragsavtal_2027.txt": [1, 1, 1, 3 / 4],
  "norrback_un_bestallning_2026.txt": [1, 11 / 12, 0, 3 / 4],
  // blind10-holdout, as read when it was run once as a held-out set (2026-12-03: items 46/55,
  // assignments 18/26, indicators 7/40): a PDF export with cells one per line and page footers
  // (Skogsvik), a Word export with "•" and "o" bullets and rules in prose (Mälarbo), an uppdragsplan
  // with a month plan and labelled blocks (Rödsunda). Not yet: goals numbered in the outline under
  // "Mål" parts, indicators as sub-bullets and in blocks, Rödsunda's month plan.
  "skogsvik_aldrenamnden_2026.txt": [19 / 20, 7 / 9, 12 / 14, 3 / 4],
  "malarbo_miljo_bygg_2026.txt": [17 / 18, 7 / 9, 1 / 17, 1],
  "rodsunda_kulturnamnden_2026.txt": [11 / 17, 4 / 8, 0, 1],
  // blind11-dev, as read when it was run once before any work on it (2026-12-03: items 29/49,
  // assignments 12/26, indicators 22/73): coded mini-forms and aligned tables (Sjöhamra), Word
  // bullets with a month plan and labelled records (Tallmora), codes with a space and a PDF table of
  // one cell per line (Vretlunda). Since read: Vretlunda's reporting part, which a lead-in had
  // turned into a table, and its codes. Not yet: Sjöhamra's indicators, quarters through a meeting
  // list written "28/1, 25/2 …".
  "sjohamra_von_dvo_2026.txt": [1, 6 / 8, 1 / 22, 1],
  "tallmora_bun_dbu_2026.txt": [17 / 19, 6 / 10, 12 / 28, 1],
  "vretlunda_sbn_dsb_2025.txt": [1, 1, 10 / 23, 1],
  // blind13-dev, as read when it was run once before any work on it (2026-12-03: items 13/37,
  // assignments 14/25, indicators 0/21): an uppdragsplan in plain text with indented numbered
  // indicators, owners' marks and a month plan over a list of meeting days (Granlunda), a PDF export
  // of one cell a line with form codes, wrapped indicator names and footers between pages
  // (Ljusterby). Not yet: Ljusterby's Stratsys occasions (V, D, H with a date each).
  "granlunda_IFN_SOK_2025.txt": [1, 1, 1, 3 / 4],
  "ljusterby_VON_DVO_2026.txt": [16 / 18, 1, 1, 1],
  // blind14a-dev and blind14b-dev (2026-12-04), written by helpers who saw only documents. blind14a
  // was run once on arrival (QA 55/74); blind14b was held out until the end of that session (QA
  // 56/79; reader: Åkerslunda items 10/23, assignments 2/13, indicators 0/17). Their careful
  // readers give indicators with their codes ("I1 Andel …", "1.1 Antal …"), which the reader keeps
  // apart from the name, so indicators count 0 here. Åkerslunda's assignments are lettered
  // sections ("C Grunduppdrag", "1.1 …" under them) the reader does not yet take for assignments.
  "hedemyra_VON_bestallning_2026.txt": [1, 1, 0, 1],
  "vinterfors_SN_uppdragsplan_2026.txt": [1, 9 / 10, 0, 1],
  "akerslunda_OMN_internoverenskommelse_2026.txt": [22 / 23, 0, 0, 3 / 4],
  // blind15a-dev (2026-12-04), written by a helper who saw only documents, run once on arrival (QA
  // 53/77): a "resultatavtal" with parts in Roman numerals, goals "Mål A–E" with labelled indicator
  // lines and a pipe-table timetable of "tis 17/3" days (Furuvåla, on arrival not even read as an
  // agreement: 0 items), and a Word-exported uppdragsavtal with "Återrapportering:" after each
  // assignment (Tjäderås), its indicator rows wrapped onto lines without tabs.
  "furuvala_KFN_resultatavtal_2026.txt": [17 / 18, 8 / 14, 14 / 15, 1],
  "tjaderas_TN_uppdragsavtal_2026.txt": [1, 8 / 11, 12 / 14, 1],
  // blind15b-dev (2026-12-04), written by a helper who saw only documents and held out until the
  // end of that session (QA 47/73 on its one run; reader: Klintvalla not read as an agreement, 0/22
  // items; Östermyra 10/21). A wiki page in Markdown with labelled parties and dated bullets
  // (Klintvalla), and an OCR'd överenskommelse in two columns, partly interleaved, with dates such
  // as "17.3.2026" and "den 17 mars -26" (Östermyra). Not yet: Klintvalla's indicators written
  // "värde → målvärde" in a list, and Östermyra's committee code and municipality.
  "klintvalla_BUN_verksamhetsplan_2026.txt": [18 / 22, 1, 0, 1],
  "ostermyra_SN_overenskommelse_2026.txt": [18 / 21, 1, 12 / 16, 2 / 4],
  // blind16a-dev (2026-12-06), written by a helper who saw only documents, run once on arrival (QA
  // 59/75; reader: every item found, but Storåkra's 16 read as 51 — its timetable repeats the
  // sections' own sentences and each line came twice, under its month heading; Vindelsta's
  // indicators kept their "(3.1)" and no owner). An intranet page with "Nyckel: värde" fields, § 1–13
  // and an årshjul by month and ISO week (Storåkra), and an ägardirektiv numbered 1.1.1 with a pipe
  // table "Indikator | Utgångsläge | Målvärde 2026 | Källa" (Vindelsta). Not yet: the careful
  // reader's "(VOF)" after the division, a 1 March due day read beside its meeting.
  "storakra_von_2026.txt": [1, 1, 4 / 5, 3 / 4, 17 / 19],
  "vindelsta_tn_uppdrag_2026.txt": [1, 5 / 6, 1, 3 / 4, 12 / 13],
  // blind16b-dev (2026-12-06), written by a helper who saw only documents and held out until the
  // end of that session (QA 53/75 on its one run, at ccf4500). A case system's export of labelled
  // records, each under a caption "[Ärendeblock 7.1]" (Vittervala: 13/17 items and 11 captions
  // read as reports on that run, 17/17 after the captions were read as such), and an OCR'd
  // agreement with page headers, hyphenation and a landscape table whose columns arrive one after
  // another (Ormsjöhede). Not yet: Vittervala's "Inriktningsmål"/"Effektmål" and "Målnivå"
  // indicators, Ormsjöhede's title (a sentence of its first page), its table's items by their
  // OCR'd names, and its monthly economy lines read as items.
  "vittervala_bun_2026.txt": [1, 2 / 9, 0, 2 / 4, 1],
  "ormsjohede_aldrenamnden_2025.txt": [5 / 14, 5 / 6, 0, 3 / 4, 5 / 18],
  // In the PDF, the indicator table's cells run together.
  "marhult-un-overenskommelse-2025.pdf": [1, 0, 1 / 3, 1],
};

describe("the reader on layouts it was not written against", () => {
  it.each(cases)("reads $file", { timeout: 120_000 }, async ({ dir, file, name, want }) => {
    const got = await score(dir, file, want);
    const floor = floors[file] ?? floors[name] ?? [1, 1, 1, 1];
    expect(got.items / want.items.length).toBeGreaterThanOrEqual(floor[0] - 1e-9);
    expect(got.assignments / want.assignments.length).toBeGreaterThanOrEqual(floor[1] - 1e-9);
    expect(got.indicators / Math.max(1, want.indicators.length)).toBeGreaterThanOrEqual(floor[2] - 1e-9);
    expect(got.facts / 4).toBeGreaterThanOrEqual(floor[3] - 1e-9);
    expect(got.precision).toBeGreaterThanOrEqual((floor[4] ?? 0) - 1e-9);
  });
});
