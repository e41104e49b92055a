// Who orders, who delivers, for which year, under which diarienummer — and whether the document
// is an agreement at all. Read from a header table when there is one, else from the document's
// own title (which is not always on the first page) and its first pages.
import { agreementGenre } from "../../../shared/lexicon/agreement-vocabulary.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import type { AgreementFacts, DocumentClassification, NamedParty } from "../../agreement-model.ts";
import type { Block, TableBlock } from "../blocks/block-model.ts";
import type { DocumentStructure } from "../blocks/build-blocks.ts";
import { findTimeMentions } from "../time-mentions.ts";

/** A value from a "label | value" header table in the first part of the document. */
function headerValue(structure: DocumentStructure, labels: RegExp): string | null {
  for (const block of structure.blocks.slice(0, 80)) {
    // Label | value tables only: a follow-up table's "Titel | Beskrivning | Slutdatum" header is not a title.
    if (block.kind !== "table" || block.roles.some((r) => r !== "unknown")) continue;
    const rows = block.header ? [{ cells: block.header }, ...block.rows] : block.rows;
    for (const row of rows) {
      if (row.cells.length >= 2 && labels.test(fold(row.cells[0]!).replace(/[:.]$/, "").trim())) {
        const value = squash(row.cells.slice(1).join(" "));
        if (value) return value;
      }
    }
  }
  // "Diarienummer: KS 2024/123" written as a line.
  // Label lines stacked without blank lines between them are one paragraph: read them one by one.
  for (const block of structure.blocks.slice(0, 60)) {
    if (block.kind !== "paragraph" && block.kind !== "listItem") continue;
    for (const line of block.kind === "paragraph" ? [...block.lines, block.text] : [block.text]) {
      const match = /^([\p{L} ]{3,30}):\s*(.+)$/u.exec(line);
      if (match && labels.test(fold(match[1]!).trim())) return squash(match[2]!);
    }
  }
  return null;
}

function sentenceCase(text: string): string {
  if (text !== text.toUpperCase() || !/\p{Lu}{4}/u.test(text)) return text;
  const lower = text.toLowerCase();
  // Committee, division and office names stay capitalised as Swedish writes them.
  return lower
    .replace(/^\p{L}/u, (c) => c.toUpperCase())
    .replace(
      /\b(division)\s+(\p{L})/gu,
      (_, d: string, c: string) => `${d[0]!.toUpperCase()}${d.slice(1)} ${c.toUpperCase()}`,
    )
    .replace(
      /(?<=\s)(\p{L}+(?:nämnden|nämnd|styrelsen|kontoret|förvaltningen))/gu,
      (w) => w[0]!.toUpperCase() + w.slice(1),
    )
    .replace(/(?<=\s)(\p{L}+-)\s+och\s+(\p{L})/gu, (w) =>
      // "Gymnasie- och vuxenutbildningsnämnden": the first word of the coordinated name is capitalised, not the last.
      w.replace(/^\p{L}/u, (c) => c.toUpperCase()).replace(/\p{L}$/u, (c) => c.toLowerCase()),
    );
}

/** The labels a document's title is given under, in a header table or as a field ("Sidtitel: …"). */
const titleLabels = "dokumenttitel|titel|dokumentnamn|rubrik|sidtitel|sidrubrik";
const titleField = new RegExp(`^\\s*(?:${titleLabels})\\s*:\\s*`, "iu");
const titleHeader = new RegExp(`^(${titleLabels})$`);

const titleLike = (text: string) =>
  text.length >= 8 &&
  text.length <= 160 &&
  /^[\p{Lu}\d"”«]/u.test(text) &&
  !/[;,]$/.test(text) &&
  !/^(detta|denna|det|nedan|i|enligt|har|här)\b/i.test(text) &&
  // An intranet page's breadcrumb ("Kommunen – Intranätet › Styrning › Överenskommelser") is no title.
  !/\s[›»>]\s.*\s[›»>]\s/.test(text);

const partiesConnector = /^(mellan|för|for|till|avseende)(?:\s|$)/i;

function firstLineOf(block: Block | undefined): string | undefined {
  if (!block) return undefined;
  return block.kind === "paragraph" ? block.lines[0] : block.kind === "heading" ? block.text : undefined;
}

/** "Socialnämndens uppdrag till socialkontoret": a party in the genitive names it as well as "Socialnämnden" does. */
function withoutGenitive(text: string): string {
  return text.replace(/(n[\p{L}&@6]{1,2}mnden|styrelsen|kontoret|förvaltningen|forvaltningen)s(?!\p{L})/gu, "$1");
}

/** The whole line is one committee's name ("Vård- och omsorgsnämnden", "Kommunstyrelsen"). */
function isPartyName(line: string): boolean {
  return [...line.matchAll(committeeName)].some((m) => m[0] === line);
}

/** "Barn- och utbildningsnämnden till Produktionsavdelningen": a committee and an office or division, joined, and nothing else. */
function namesBothParties(line: string): boolean {
  const text = withoutGenitive(squash(line));
  if (text.split(" ").length > 12 || /[.:;]$/.test(text)) return false;
  const committees = [...text.matchAll(committeeName)];
  const offices = [...text.matchAll(officeName)];
  return committees.length > 0 && offices.length > 0 && /\s(och|till|–|-)\s/.test(text);
}

/**
 * A genre line is often followed by the line that names the parties: "Överenskommelse 2026" over
 * "Tekniska nämnden – division Samhällsbyggnad", "INTERNÖVERENSKOMMELSE 2026" over "mellan
 * Kultur- och fritidsnämnden och Division Kultur". That line belongs to the title when it names a
 * committee, division or office and is not a sentence or a "label: value" line.
 */
export function withParties(title: string, following: string | undefined): string {
  if (!following) return title;
  // "… till socialkontoret – Björkelunda kommun": the municipality is the document's, not a party.
  // A line in capitals ("MELLAN ÄLDRENÄMNDEN OCH DIVISION VÅRD OCH OMSORG") as Swedish writes it.
  const cased = sentenceCase(squash(following));
  const line = (partiesConnector.test(cased) ? cased.replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : cased).replace(
    /\s+[–-]\s+\p{Lu}[\p{L}-]+\s+(?:kommun|stad|region)$/u,
    "",
  );
  if (line.length > 110 || /[.:;]$/.test(line) || /^[\p{L} ]{2,30}:/u.test(line)) return title;
  const namesParty = (text: string) => {
    const named = withoutGenitive(text);
    return [...named.matchAll(committeeName), ...named.matchAll(officeName)].length > 0;
  };
  // "Socialnämndens överenskommelse …": a title that names a party already has its parties.
  if (namesParty(title) || /n\p{L}{1,2}mnd|styrelse|division|kontor|forvaltning/u.test(fold(title))) return title;
  if (
    /^(detta|denna|det|den|här|nedan)\b|\s(är|ar|har|ska|reglerar|gäller|galler|avser|beställer|bestaller|ger|tecknar|fastställer)\s/iu.test(
      line,
    )
  )
    return title;
  const connector = partiesConnector.test(line);
  if (!namesParty(line) || (!connector && !/^\p{Lu}/u.test(line))) return title;
  // "Tekniska nämnden – division Samhällsbyggnad" already has its dash: one is enough.
  return connector || line.includes(" – ") ? `${title} ${sentenceCase(line)}` : `${title} – ${sentenceCase(line)}`;
}

/**
 * The document's title: the header table's "Dokumenttitel", else the first heading or short
 * line in the first part that names the genre (överenskommelse, uppdragsplan, …), else the first
 * heading. A sentence from the body is never a title.
 */
function findTitle(structure: DocumentStructure): string {
  const fromTable = headerValue(structure, titleHeader);
  if (fromTable) return fromTable;
  const early = structure.blocks
    .filter((b) => b.firstLine < 400 && (b.kind === "heading" || b.kind === "paragraph"))
    .slice(0, 80);
  const textOf = (b: Block) => (b.kind === "heading" ? b.text : b.kind === "paragraph" ? b.text : "");
  // A title is a line of its own (perhaps wrapped once): short, naming the genre, not a sentence.
  // A letterhead names the genre too ("KVISTHAMRA KOMMUN   Beställning"): a line that also names
  // the year or the parties is the title, when one follows within the first blocks.
  const found: string[] = [];
  const fromLetterhead: string[] = [];
  const says = (title: string) =>
    /\b20\d{2}\b/.test(title) || partiesConnector.test(title.split(/\s+/).slice(2).join(" "));
  for (const [b, block] of early.entries()) {
    if (found.length > 0 && b > 6) break;
    const laidOut = block.kind === "paragraph" ? block.lines : [textOf(block)];
    for (let k = 0; k < laidOut.length; k++) {
      // A line that continues a sentence from the line above is not a title; a label line above
      // ("Dnr AON 2025/318") ends no sentence but is not one either.
      // A line in capitals ("ÖVERENSKOMMELSE 2026" under the letterhead's "Vård- och omsorgsnämnden")
      // continues no sentence.
      const capitals = /\p{Lu}{4}/u.test(laidOut[k]!) && laidOut[k] === laidOut[k]!.toUpperCase();
      if (k > 0 && /[\p{Ll},;–-]$/u.test(laidOut[k - 1]!) && !capitals) continue;
      // A memo's subject line ("Ärende: UPPDRAGSAVTAL 2026 MELLAN …") names the document after its label.
      // So does an intranet page's title field ("Sidtitel: Överenskommelse om …").
      let line = laidOut[k]!.replace(/^(?:ärende|arende|ämne|amne|angående|angaende|avser)\s*:\s*/iu, "").replace(
        titleField,
        "",
      );
      // A letterhead that gives the genre beside the municipality ("Kvarnbäcks kommun   UPPDRAGSAVTAL
      // 2026") names the document, but a title line of its own further down says it better.
      const letterhead = /^\p{Lu}[\p{L}-]+s?\s+(?:kommun|KOMMUN)\s+/u.exec(line);
      if (letterhead) line = line.slice(letterhead[0].length);
      let next = laidOut[k + 1];
      if (next && /\b(om|mellan|och|for|för|avseende|till|inom|med)$/i.test(line) && next.length < 80) {
        line = `${line} ${next}`;
        next = laidOut[k + 2];
      }
      // A title stands on its own: what follows it in the same block starts a new sentence, or
      // names the parties ("mellan …").
      if (next && /^\p{Ll}/u.test(next) && !partiesConnector.test(next)) continue;
      if (
        /^(till|i|för|for|med|om|enligt|sedan|inom|vid|på|pa|av|det|den|detta|denna|en|ett|som|och|att|när|nar)\b/i.test(
          line,
        )
      )
        continue;
      // "VERKSAMHETSPLAN 2026" over "Uppdrag från … nämnden" (over "till Division …"): the committee's
      // commission under a plan's name, which alone names no agreement.
      const commission =
        /^verksamhetsplan\w*\b/.test(fold(line)) && next !== undefined && /^uppdrag (fran|till)\b/.test(fold(next));
      if (commission) {
        const rest = laidOut[k + 2];
        const parties = rest && /^(till|och)\s/i.test(rest) ? `${next} ${rest}` : next!;
        return `${sentenceCase(squash(line))} – ${squash(parties)}`;
      }
      // "Verksamhetsplan med uppdrag 2026" over "Barn- och utbildningsnämnden till
      // Utbildningsförvaltningen": a plan that commissions names the parties below it.
      if (/^verksamhetsplan\w* med uppdrag\b/.test(fold(line)) && titleLike(line)) {
        const below = next ?? firstLineOf(early[b + 1]);
        const parties = below && /namnd\w* till \S/.test(fold(below)) && below.length <= 120 ? below : null;
        return parties ? `${sentenceCase(squash(line))} – ${squash(parties)}` : sentenceCase(squash(line));
      }
      if (!agreementGenre.test(fold(line)) || !titleLike(line) || /\.$/.test(line.trim())) continue;
      const words = line.split(/\s+/);
      if (words.length > 14 || !words.slice(0, 4).some((w) => agreementGenre.test(fold(w)))) continue;
      // A subtitle of its own (a heading below the title) stays apart; a "mellan …" line joins.
      const after = firstLineOf(early[b + 1]);
      // So does a line of its own right below it (no blank line between) that names the parties
      // ("Uppdragsavtal 2026" over "Kultur- och fritidsnämnden (KFN) och Kultur- och
      // fritidsförvaltningen"); withParties judges it. After a blank line it is a part of its own;
      // under a letterhead naming only the genre ("ÖSTBY KOMMUN   Beställning") it is the letterhead's.
      const afterBlock = early[b + 1];
      // After a blank line too, under a title of only the genre and the year ("BESTÄLLNING 2026"),
      // when that line is only the two parties ("Barn- och utbildningsnämnden till
      // Produktionsavdelningen"): the bare title does not tell the documents apart.
      // (The parties' line under a plain title line may have been taken for a subheading:
      // "Socialnämndens uppdrag till socialkontoret"; under a title set as a heading, a heading is
      // the author's subtitle.)
      const afterLine =
        afterBlock?.kind === "paragraph" && afterBlock.lines.length === 1
          ? afterBlock.lines[0]!
          : afterBlock?.kind === "heading" && block.kind === "paragraph" && afterBlock.firstLine === afterBlock.lastLine
            ? afterBlock.text
            : null;
      const partiesLine =
        /\b20\d{2}\b/.test(line) &&
        afterLine !== null &&
        ((afterBlock!.firstLine === block.lastLine + 1 && afterBlock!.kind === "paragraph") ||
          (/^\s*\S+\s+20\d{2}\s*$/.test(line) && namesBothParties(afterLine)));
      let following = next ?? (after && (partiesConnector.test(after) || partiesLine) ? after : undefined);
      // A cover page: "UPPDRAGSAVTAL 2026", "mellan" on a line of its own, then the parties over a few lines.
      const partiesBlock = next !== undefined && k + 2 >= laidOut.length ? early[b + 1] : early[b + 2];
      if (
        following !== undefined &&
        /^\s*mellan\s*$/i.test(following) &&
        partiesBlock?.kind === "paragraph" &&
        partiesBlock.lines.length <= 4
      ) {
        // The parties may stand a block each, with "och" between them on a line of its own.
        const parties = partiesBlock.lines.map((l) => squash(l));
        for (let at = early.indexOf(partiesBlock) + 1; at > 0 && at < early.length && parties.length < 8; at++) {
          const more = early[at]!;
          // (A party alone on its line may read as a heading.)
          const lines = more.kind === "paragraph" ? more.lines : more.kind === "heading" ? [more.text] : [];
          const joins =
            /\s(och|samt)$|^(och|samt)$/i.test(parties.at(-1)!) || /^(och|samt)(\s|$)/i.test(lines[0] ?? "");
          if (!joins || lines.length === 0 || lines.length > 2) break;
          parties.push(...lines.map((l) => squash(l)));
        }
        following = `mellan ${parties.join(" ")}`;
      }
      // "mellan Arbetsmarknadsnämnden (AMN)" over "och Division Arbete (DAL)": both parties.
      const then = next !== undefined ? laidOut[k + 2] : undefined;
      // "mellan Äldrenämnden och" over "Division Vård och omsorg": the line ends inside the parties.
      if (
        following &&
        /^mellan\s/i.test(following) &&
        then &&
        (/^och\s/i.test(then) || /\s(och|samt)$/i.test(following) || /^\p{Ll}/u.test(then))
      )
        following = `${following} ${then}`;
      // (After a blank line, the parties' line may wrap too: "mellan Omsorgsnämnden och Kommunal" over
      // "produktion, verksamhetsområde Funktionsstöd".)
      else if (
        following &&
        next === undefined &&
        /^mellan\s/i.test(following) &&
        afterBlock?.kind === "paragraph" &&
        afterBlock.lines.length === 2 &&
        /^\p{Ll}/u.test(afterBlock.lines[1]!)
      )
        following = `${following} ${squash(afterBlock.lines[1]!)}`;
      let title = withParties(sentenceCase(squash(line)), following);
      // "Vård- och omsorgsnämndens" over "BESTÄLLNING 2026": the committee's genitive opens the title.
      const owner = k > 0 ? squash(laidOut[k - 1]!) : "";
      if (owner && /s$/.test(owner) && owner.split(" ").length <= 5 && isPartyName(withoutGenitive(owner)))
        title = `${owner} ${title.replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase())}`;
      if (letterhead) {
        fromLetterhead.push(title);
        break;
      }
      if (says(title)) return title;
      found.push(title);
      break;
    }
  }
  if (found.length > 0) return found[0]!;
  if (fromLetterhead.length > 0) return fromLetterhead[0]!;
  // Other documents (reports, minutes): their first line, with the sender when it stands alone
  // above ("Socialnämnden" over "Underlag – Från bidrag till självförsörjning"), or a "§ 23 …" heading.
  const lines = early
    .flatMap((b) => (b.kind === "paragraph" ? b.lines : [textOf(b)]))
    .map((l) => squash(l))
    .filter(Boolean)
    .slice(0, 6);
  const looksLikeTitle = (line: string) =>
    line.length >= 6 && line.length <= 140 && /^[\p{Lu}\d§"”«]/u.test(line) && !/[.;,]$/.test(line);
  const first = lines.findIndex(looksLikeTitle);
  if (first >= 0) {
    const line = lines[first]!;
    const next = lines[first + 1];
    if (line.split(/\s+/).length <= 2 && next && looksLikeTitle(next)) return sentenceCase(`${line} – ${next}`);
    return sentenceCase(line);
  }
  const heading = structure.blocks.find((b) => b.kind === "heading" && titleLike(b.text));
  if (heading && heading.kind === "heading") return sentenceCase(heading.text);
  return "Namnlöst dokument";
}

/** "Kompetens- och arbetsmarknadsnämnden" → "KAN", "Socialnämnden" → "SN", "Division Social omsorg" → "DSO". */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w && !/^(och|i|för|for|av)$/i.test(w));
  let code = "";
  for (const word of words) {
    const folded = fold(word.replace(/-$/, ""));
    const suffix = /^(.+?)(namnden|namnd|styrelsen|forvaltningen|kontoret)$/.exec(folded);
    if (suffix && suffix[1]!.length > 1) code += suffix[1]![0]!.toUpperCase() + suffix[2]![0]!.toUpperCase();
    else if (folded) code += folded[0]!.toUpperCase();
  }
  return code;
}

// Committees: "-nämnden" (OCR may have mangled the ä) and the municipality's own boards
// ("Kommunstyrelsen"), not national agencies such as Socialstyrelsen.
const committeeName =
  /(\p{Lu}[\p{L}&@]*-\s+och\s+[\p{L}&@]+n[\p{L}&@6]{1,2}mnden|\p{Lu}\p{Ll}+(?:iska|ala|ella)\s+n[\p{L}&@6]{1,2}mnden|\p{Lu}[\p{L}&@6]+n[\p{L}&@6]{1,2}mnden|\p{Lu}[\p{L}]+ och [\p{L}]+n[\p{L}&@6]{1,2}mnden|(?:Kommun|Region|Stadsdels|Bolags)styrelsen)(?!\p{L})/gu;

/** The code written after the name: "Socialnämnden (SN)", "Division Social omsorg (DSO)". */
function explicitCode(text: string, name: string): string | null {
  // OCR may have dropped or changed a letter: compare without the letters it mangles most.
  const loose = (s: string) => s.replace(/[aeiouyd]/g, "");
  const whole = loose(fold(name).replace(/[^a-z]/g, ""));
  // Each "(CODE)" first, then the up to five words before it: one pattern for both would try
  // every word of the document as the start of a name.
  for (const code of text.matchAll(/\(([A-ZÅÄÖ]{2,6})\)/gu)) {
    const before = text.slice(Math.max(0, code.index - 200), code.index);
    const named = /(?<![\p{L}&@-])([\p{L}&@-]+(?:\s+[\p{L}&@-]+){0,4})\s*$/u.exec(before);
    if (!named) continue;
    const words = fold(named[1]!)
      .replace(/[^a-z ]/g, " ")
      .trim()
      .split(/\s+/);
    if (words.some((_, k) => loose(words.slice(k).join("")) === whole)) return code[1]!;
  }
  return null;
}

function mostNamed(text: string, pattern: RegExp, exclude: RegExp | null): string | null {
  const counts = new Map<string, { name: string; count: number; first: number }>();
  for (const match of text.matchAll(pattern)) {
    const name = match[1]!.replace(/s$/, (s) => (/(mnden|styrelsen|kontoret|ningen)s$/i.test(match[1]!) ? "" : s));
    if (exclude && exclude.test(name)) continue;
    const key = fold(name).replace(/[^a-z]/g, "");
    const entry = counts.get(key) ?? { name, count: 0, first: match.index };
    entry.count += 1;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first)[0];
  return best?.name ?? null;
}

/**
 * The committee that decided the agreement or is its first party, from the first page: "Beslutad
 * av Tekniska nämnden", "Fastställd av …", "mellan Kultur- och fritidsnämnden och …". A committee
 * the body mentions (a plan "remitteras till Miljö- och byggnämnden") is not a party, however
 * often it is named, so these come before counting.
 */
export function partyNamedInHead(text: string): string | null {
  const head = text.slice(0, 4000);
  const committee = committeeName.source;
  for (const cue of [
    String.raw`(?:[Bb]eslutad|[Bb]eslutat|[Ff]astst\p{L}{1,2}lld|[Aa]ntagen|[Aa]ntagits)\s+(?:av\s+)?`,
    String.raw`(?<![\p{L}])[Mm]ellan\s+`,
  ]) {
    // The name keeps its capital: "beslutad av socialnämnden" in a sentence names no party.
    const match = new RegExp(cue + committee, "u").exec(head);
    if (match) return match[1]!.replace(/s$/, (s) => (/(mnden|styrelsen)s$/i.test(match[1]!) ? "" : s));
  }
  return null;
}

/**
 * The same committee written as OCR damaged it ("fritidsnamnden") and as it should be: the form
 * with å/ä/ö that the document also uses wins.
 */
function bestSpelling(name: string, text: string): string {
  if (/[åäö]/i.test(name)) return name;
  const loose = (s: string) =>
    fold(s)
      .replace(/[^a-z]/g, "")
      .replace(/[aeiouy]/g, "");
  const key = loose(name);
  for (const match of text.matchAll(committeeName)) {
    const candidate = match[1]!;
    if (/[åäö]/i.test(candidate) && loose(candidate) === key) return candidate;
  }
  return name;
}

function findCommittee(structure: DocumentStructure, title: string, text: string): NamedParty | null {
  const fromTable = headerValue(
    structure,
    /^(faststalld av|beslutad av|antagen av|namnd|bestallare|uppdragsgivare|beslutsinstans)$/,
  );
  // The title names the parties: "Socialnämndens uppdragsplan till socialkontoret", "Överenskommelse mellan X och Y".
  const inTitle = mostNamed(title, committeeName, null);
  let name =
    fromTable && /nämnd|styrelse/i.test(fromTable)
      ? squash(fromTable)
      : (inTitle ?? partyNamedInHead(text) ?? mostNamed(text, committeeName, /^(Kommunstyrelsen|Kommunfullmäktige)/));
  if (!name) return null;
  name = bestSpelling(name, text);
  // A header cell may carry the code beside the name: "Beslutad av: Socialnämnden (SN)".
  // "Beställare: X (AVN), genom nämndens verksamhetsstrateg …": who signs for it is not its name.
  name = name.replace(/,?\s+genom(?:\s.*)?$/u, "");
  // "Beslutad av: Individ- och familjenämnden 2024-12-12, § 152": the decision's day and paragraph go.
  name = name.replace(/,?\s+(?:\d{4}-\d{2}-\d{2}|§\s*\d|den\s+\d{1,2}\s+\p{L}+\s+\d{4}).*$/u, "");
  const coded = /^(.+?)\s*\(([A-ZÅÄÖ]{2,6})\)\s*$/u.exec(name);
  if (coded) name = coded[1]!;
  // "Omsorgsnämnden i Åkerslunda kommun": the municipality is where the committee is, not its name.
  name = name.replace(/\s+i\s+\p{Lu}[\p{L}-]+\s+(?:kommun|stad)$/u, "");
  name = name.replace(/s$/, (s) => (/(mnden|styrelsen)s$/i.test(name!) ? "" : s));
  return { name, code: coded?.[2] ?? explicitCode(text, name) ?? initials(name) };
}

// "Socialkontoret", "Division Vård och stöd", and offices named by coordinated words the way
// committees are ("Kultur- och fritidsförvaltningen", "Individ- och familjeförvaltningen").
const officeName =
  // "Division Kultur, fritid och turism": a name that lists fields, up to its "och".
  /(?<![\p{L}])((?:[Dd]ivision|[Ff]örvaltning(?:en)?)\s+\p{Lu}[\p{L}]+(?:(?:,\s*\p{Ll}[\p{L}]+)+\s+(?:och|samt)\s+\p{Ll}[\p{L}]+|\s+(?:och\s+)?\p{Ll}[\p{L}]+)?|(?:\p{L}+-(?:,\s*\p{L}+-)*\s+(?:och|samt)\s+)?\p{Lu}?[\p{L}]+(?:kontoret|förvaltningen|avdelningen))(?!\p{L})/gu;

export function findDivision(title: string, text: string): NamedParty | null {
  const trailing = /^(ska|har|och|som|svarar|ansvarar|representerar|är|ar|genom|för|med|i|inom|samt)$/i;
  const clean = (name: string) => {
    const words = name.split(/\s+/);
    if (words.length > 2 && trailing.test(words.at(-1)!)) words.pop();
    return words
      .join(" ")
      .replace(/(kontoret|förvaltningen)s$/i, "$1")
      .replace(/^(division)\s+(.+?)s$/i, (_, d: string, rest: string) =>
        /omsorg|utbildning|fritid/i.test(rest) ? `${d} ${rest}` : `${d} ${rest}s`,
      );
  };
  const fromTitle = mostNamed(title, officeName, null);
  const name = fromTitle ?? mostNamed(text, officeName, /^[Ff]örvaltning(en)?$/);
  if (!name) return null;
  let cleaned = clean(name);
  if (/^division\s/i.test(cleaned)) cleaned = `Division ${cleaned.replace(/^division\s+/i, "")}`;
  else cleaned = cleaned[0]!.toUpperCase() + cleaned.slice(1);
  return { name: cleaned, code: explicitCode(text, cleaned) ?? initials(cleaned) };
}

function findYear(structure: DocumentStructure, title: string, text: string): number | null {
  const votes = new Map<number, number>();
  const vote = (year: number, weight: number) => {
    if (year >= 1990 && year <= 2100) votes.set(year, (votes.get(year) ?? 0) + weight);
  };
  const validity = headerValue(structure, /^(giltighetstid|giltig|galler for|period|avtalsperiod|verksamhetsar|ar)$/);
  for (const m of (validity ?? "").matchAll(/\b(\d{4})\b/g)) vote(Number(m[1]), 5);
  for (const m of title.matchAll(/\b(\d{4})\b/g)) vote(Number(m[1]), 4);
  const head = fold(text.slice(0, 25_000));
  for (const m of head.matchAll(
    /kalendararet\s+(\d{4})|verksamhetsaret\s+(\d{4})|under (?:ar|aret)\s+(\d{4})|avser (?:ar|aret)\s+(\d{4})|galler (?:for|under) (?:ar )?(\d{4})/g,
  ))
    vote(Number(m.slice(1).find(Boolean)), 3);
  for (const m of head.matchAll(/(?:verksamhet|budget|avtal|uppdragsplan|overenskommelse)\w*\s+(?:for\s+)?(\d{4})\b/g))
    vote(Number(m[1]), 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}

function findDiarienummer(structure: DocumentStructure, text: string): string | null {
  const fromTable = headerValue(structure, /^(diarienummer|diarienr|dnr|arendenummer|diarie nr)$/);
  if (fromTable) return fromTable.split(/\s{2,}/)[0]!;
  const match = /(?:diarienummer|diarienr|dnr)\.?:?\s+([A-ZÅÄÖ]{1,6}[\s-]?\d{2,4}[/:-]\d{1,5}(?:[/:-]\d+)?)/i.exec(
    text.slice(0, 25_000),
  );
  return match ? match[1]! : null;
}

function findDecisionDate(structure: DocumentStructure, text: string): string | null {
  const fromTable = headerValue(
    structure,
    /^(beslutsdatum|beslutad|faststalld|antagen|datum for beslut|beslutad den)$/,
  );
  const dayIn = (value: string) => findTimeMentions(value, null).find((m) => m.precision === "day");
  if (fromTable) {
    const date = dayIn(fromTable);
    if (date && date.precision === "day") return date.date;
  }
  const match =
    /(?:beslutsdatum|beslutad|fastst\p{L}llds?|antagen|antogs)\s*(?:av\s+[^\n]{0,60}?)?(?:den\s+)?:?\s*([^\n]{0,40})/iu.exec(
      text.slice(0, 25_000),
    );
  if (match) {
    const date = dayIn(match[1]!);
    if (date && date.precision === "day") return date.date;
  }
  return null;
}

/**
 * An agreement (under any of its names) names itself, has parties, a validity period,
 * assignments or goals and follow-up. Reports and minutes mention agreements too, so one signal
 * is never enough.
 */
function classify(title: string, text: string, structure: DocumentStructure): DocumentClassification {
  const head = fold(text.slice(0, 20_000));
  const all = fold(text);
  const signals: string[] = [];
  let score = 0;
  const add = (signal: string, weight: number) => {
    signals.push(signal);
    score += weight;
  };
  // The genre named by the title, or by a line of the first page that opens with it ("ÖVERENSKOMMELSE
  // 2026 mellan …" above a title read from elsewhere).
  const firstLines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 15);
  const titleNamesGenre =
    agreementGenre.test(fold(title)) ||
    /^verksamhetsplan\w*\b.*\buppdrag (fran|till)\b/.test(fold(title)) ||
    firstLines.some((line) => {
      const match = agreementGenre.exec(fold(line));
      // A heading-like line, not a sentence that begins with the word ("Överenskommelsen gäller …").
      return match !== null && match.index <= 2 && line.split(/\s+/).length <= 14 && !/[.!?]$/.test(line);
    });
  if (titleNamesGenre) add("title names an agreement", 3);
  const selfReference =
    /(denna|detta ar en|nedan foljer formalia for denna|foreliggande|i denna|enligt denna|av denna) \w{0,3}(overenskommelse|uppdragsplan|bestallning|[a-z]{0,16}avtal|[a-z]{0,16}kontrakt|internoverenskommelse)/.test(
      head,
    );
  if (selfReference) add("refers to itself as an agreement", 2);
  // The first page names a committee and the office or division that does its work as the two
  // parties ("mellan Kultur- och fritidsnämnden (KFN) och Kultur- och fritidsförvaltningen"),
  // whatever the municipality calls the genre.
  // So does a first page that labels them: "Beställare: Barn- och utbildningsnämnden" and "Utförare:
  // Utbildningsförvaltningen", or "Barn- och utbildningsnämnden till Utbildningsförvaltningen".
  const firstPage = head.slice(0, 4000);
  const office = "(forvaltning|division|kontor|produktion|avdelning)";
  const namesBothParties =
    new RegExp(`(?<![a-z])mellan\\s[^.]{0,120}?namnd\\w*[^.]{0,120}?\\soch\\s[^.]{0,120}?${office}`).test(firstPage) ||
    (/bestallare[*_\s]{0,3}:[^\n]{0,80}namnd/.test(firstPage) &&
      new RegExp(`utforare[*_\\s]{0,3}:[^\\n]{0,80}${office}`).test(firstPage)) ||
    new RegExp(`(?:^|\\n)[#\\s]*[a-z -]{0,40}namnden\\w* till [a-z -]{0,40}${office}\\w*\\s*(?:\\n|$)`).test(firstPage);
  if (namesBothParties) add("names a committee and its office as parties", 1);
  if (/\bombud\b|\bparter(na)?\b|\bbestallare\b|\butforare\b/.test(head)) add("names parties", 1);
  if (/giltighetstid|avser kalenderaret|under kalenderaret|galler for ar|galler under|verksamhetsaret/.test(head))
    add("states validity", 1);
  if (/grunduppdrag|grundverksamhet/.test(all)) add("core assignments", 1);
  if (/sarskil\w* uppdrag/.test(all)) add("special assignments", 1);
  if (/\bmal \d|\bmal:|maluppfyllelse|onskat resultat|nämndmal|namndmal/.test(all)) add("goals", 1);
  if (/uppf\w{1,3}ljning/.test(all) && /sammantrade|redovisas|rapporteras|aterrapport/.test(all)) add("follow-up", 1);
  // Minutes have a protocol, adjusters and those present; numbered paragraphs (§ 3) alone are also how terms are written.
  if (/protokoll|justerare|narvarande/.test(head) && !titleNamesGenre) add("reads as minutes", -3);
  else if (/paragraf|§\s*\d+/.test(head) && !titleNamesGenre && !namesBothParties) add("numbered paragraphs", -1);
  const kind = (titleNamesGenre || selfReference || namesBothParties) && score >= 5 ? "agreement" : "document";
  void structure;
  return { kind, score, signals };
}

/**
 * "Nyköpings kommun", "Region Sörmland", "Stockholms stad": the municipality the document most
 * often names itself by. Questions name it to pick one municipality's documents.
 */
function findMunicipality(text: string): string | null {
  const counts = new Map<string, { name: string; count: number; first: number; region: boolean }>();
  const standalone = (name: string) =>
    (text.match(new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])(?! (kommun|stad))`, "gu")) ?? []).length;
  // A letterhead in capitals ("ULVSJÖBERGS KOMMUN") names it as the running text would.
  const capitalised = text.replace(
    /(?<![\p{L}])(\p{Lu}{3,}) (KOMMUN|STAD)(?![\p{L}])/gu,
    (_, name: string, kind: string) => `${name[0]}${name.slice(1).toLowerCase()} ${kind.toLowerCase()}`,
  );
  for (const match of capitalised.matchAll(
    /(?<![\p{L}])(\p{Lu}[\p{Ll}&@6]{2,})(kommun|stad)?(?= (kommun|stad)(?![\p{L}]))|(?<![\p{L}])Region (\p{Lu}[\p{Ll}]{2,})/gu,
  )) {
    let name = match[4] ?? match[1]!;
    // "Nyköpings kommun" is Nyköping's; "Lindås kommun" is Lindås': the form the text also uses on its own wins.
    // Without the bare form elsewhere, a stem ending in a vowel keeps its s (Borås, Lindås); others are genitives (Linköpings).
    // A name written where no genitive stands ("… i Vinterfors.", "Östra Vinterfors" at a line's end) keeps its s.
    if (
      !match[4] &&
      name.endsWith("s") &&
      !new RegExp(
        `(?<![\\p{L}])(?:i|från|till|inom|Östra|Västra|Norra|Södra) ${name}(?=\\s*(?:[.,;:!?)]|$))`,
        "mu",
      ).test(text) &&
      (standalone(name.slice(0, -1)) > 0 || !/[aeiouyåäö]$/i.test(name.slice(0, -1)))
    )
      name = name.slice(0, -1);
    const key = fold(name);
    const entry = counts.get(key) ?? { name, count: 0, first: match.index, region: match[4] !== undefined };
    entry.count += 1;
    if (/[åäö]/i.test(name) && !/[åäö]/i.test(entry.name)) entry.name = name;
    counts.set(key, entry);
  }
  // A region is often named as a partner ("tillsammans med Region Vinterland"): it is the document's
  // own only when no municipality is named.
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  const best = ranked.find((entry) => !entry.region) ?? ranked[0];
  return best ? best.name : null;
}

export function readFacts(
  structure: DocumentStructure,
  text: string,
  /** Running headers and footers: not the text, but they often name the municipality. */
  pageFurniture: string[] = [],
): { facts: AgreementFacts; classification: DocumentClassification } {
  const title = findTitle(structure);
  const classification = classify(title, text, structure);
  const isAgreement = classification.kind === "agreement";
  return {
    classification,
    facts: {
      title,
      municipality: findMunicipality([text, ...pageFurniture].join("\n")),
      committee: isAgreement ? findCommittee(structure, title, text) : null,
      division: isAgreement ? findDivision(title, text) : null,
      year: findYear(structure, title, text),
      diarienummer: findDiarienummer(structure, text),
      decisionDate: findDecisionDate(structure, text),
    },
  };
}

export function isHeaderTable(block: TableBlock): boolean {
  const first = block.rows[0]?.cells[0] ?? block.header?.[0] ?? "";
  return /^(dokumenttitel|diarienummer|titel)$/.test(fold(first));
}
