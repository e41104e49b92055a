// The stages that decide what a document is and who its parties are: running page headers and
// footers, the genre named by OCR-damaged words, the title's party line and the committee that
// decided the agreement.
import { describe, expect, it } from "vitest";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import {
  findDivision,
  partyNamedInHead,
  readFacts,
  withParties,
} from "../../../src/agreements/reading/items/read-facts.ts";
import { normaliseLines, runningHeaders } from "../../../src/agreements/reading/normalise-lines.ts";
import { agreementGenre } from "../../../src/shared/lexicon/agreement-vocabulary.ts";
import { fold } from "../../../src/shared/text/fold.ts";

/** A document of `pages` pages, each with `header` above (and `footer(n)` below) a few lines of text. */
function pages(count: number, header: ((n: number) => string) | null, footer: ((n: number) => string) | null) {
  const lines: string[] = [];
  for (let n = 1; n <= count; n++) {
    if (header) lines.push(header(n), "");
    lines.push(`${n} Avsnitt`, "Text om verksamheten som löper över raden.", "Mer text.", "", "Ännu mer text.", "");
    lines.push("Måluppfyllelse – målet är uppfyllt när", "a) minst hälften är uppfyllda,");
    if (footer) lines.push("", footer(n));
  }
  return lines;
}

describe("running page headers and footers", () => {
  const removed = (lines: string[]) => [...new Set([...runningHeaders(lines)].map((i) => lines[i]))];
  it.each([
    [
      "a header with the municipality and diarienummer",
      pages(3, () => "Havsby kommun      Dnr KFN 2025/77", null),
      ["Havsby kommun      Dnr KFN 2025/77"],
    ],
    [
      "a footer with 'Sida n (m)'",
      pages(2, null, (n) => `Granby kommun | Överenskommelse TN | Sida ${n} (2)`),
      ["Granby kommun | Överenskommelse TN | Sida 1 (2)", "Granby kommun | Överenskommelse TN | Sida 2 (2)"],
    ],
    [
      "a header ending in '· n'",
      pages(3, (n) => `Solvik kommun · Uppdragsplan 2026 AON · ${n + 1}`, null),
      [
        "Solvik kommun · Uppdragsplan 2026 AON · 2",
        "Solvik kommun · Uppdragsplan 2026 AON · 3",
        "Solvik kommun · Uppdragsplan 2026 AON · 4",
      ],
    ],
    ["a lead-in repeated under each goal is text", pages(3, null, null), []],
    [
      "a line ending in a number that is not a page ('kvartal 2') is text",
      pages(3, null, (n) => `Besöksstatistik kvartal ${n}`),
      [],
    ],
  ])("%s", (_, lines, expected) => {
    expect(removed(lines)).toEqual(expected);
  });
});

describe("the genre named by an OCR-damaged word", () => {
  it.each([
    ["INTERNÖVERENSKOMMELSE 2026", true],
    ["Internéverenskommelse 2026", true],
    ["0verenskommelse 2025", true],
    ["Bestdllning 2025", true],
    ["Uppdragsplan 2026", true],
    ["Verksamhetsberättelse 2025", false],
    ["Protokoll från sammanträdet", false],
  ])("%s", (text, names) => {
    expect(agreementGenre.test(fold(text))).toBe(names);
  });
});

describe("the line below a genre line that names the parties", () => {
  it.each([
    [
      "Överenskommelse 2026",
      "Tekniska nämnden – division Samhällsbyggnad",
      "Överenskommelse 2026 Tekniska nämnden – division Samhällsbyggnad",
    ],
    [
      "Internöverenskommelse 2026",
      "mellan Kultur- och fritidsnämnden och Division Kultur",
      "Internöverenskommelse 2026 mellan Kultur- och fritidsnämnden och Division Kultur",
    ],
    [
      "Uppdragsplan 2026",
      "Arbetsmarknads- och omsorgsnämndens uppdrag till Omsorgskontoret",
      "Uppdragsplan 2026 – Arbetsmarknads- och omsorgsnämndens uppdrag till Omsorgskontoret",
    ],
    // A sentence, a label line or a title that already names its parties stays as it is.
    [
      "Överenskommelse 2025",
      "Detta är en överenskommelse mellan Socialnämnden (SN) och Division Individ och familj",
      "Överenskommelse 2025",
    ],
    ["Överenskommelse 2025", "Diarienummer: TN 2025/0412", "Överenskommelse 2025"],
    // A party in the genitive, and the municipality after a dash, which is no party.
    [
      "Uppdragsplan 2026",
      "Socialnämndens uppdrag till socialkontoret – Björkelunda kommun",
      "Uppdragsplan 2026 – Socialnämndens uppdrag till socialkontoret",
    ],
    ["Socialnämndens överenskommelse 2025", "Division Individ och familj", "Socialnämndens överenskommelse 2025"],
  ])("%s + %s", (title, following, expected) => {
    expect(withParties(title, following)).toBe(expected);
  });
});

describe("the committee named as a party on the first page", () => {
  it.each([
    ["Beslutad av Tekniska nämnden: 2025-12-09, § 118\n… remitteras till Miljö- och byggnämnden.", "Tekniska nämnden"],
    ["mellan Kultur- och fritidsnamnden och Division Kultur", "Kultur- och fritidsnamnden"],
    ["Fastställd av Arbetsmarknads- och omsorgsnämnden 2025-12-16", "Arbetsmarknads- och omsorgsnämnden"],
    // A sentence that mentions a decision by a committee written in lower case names no party.
    ["planen har beslutats av socialnämnden tidigare", null],
  ])("%s", (text, committee) => {
    expect(partyNamedInHead(text)).toBe(committee);
  });
});

describe("the title and parties on a first page laid out in other ways", () => {
  const factsOf = (text: string) => {
    const lines = normaliseLines(text, { dictionary: null }).lines;
    return readFacts(buildBlocks(lines, null), lines.map((l) => l.text).join("\n"), []).facts;
  };

  it.each([
    {
      name: "a letterhead that names the genre is not the title when a titled line follows",
      text: "ÖSTBY KOMMUN                         Beställning\nKulturnämnden                        KN 2025/12\n\nBESTÄLLNING AV BIBLIOTEKSVERKSAMHET 2026\nKulturnämnden beställer av Division Kultur\n\nText.",
      title: "Beställning av biblioteksverksamhet 2026",
      year: 2026,
    },
    {
      name: "the parties' line right under a titled heading joins it",
      text: "Uppdragsavtal 2027\nFritidsnämnden (FN) och Fritidsförvaltningen\n\n1 Inledning\n\nText.",
      title: "Uppdragsavtal 2027 – Fritidsnämnden (FN) och Fritidsförvaltningen",
      year: 2027,
    },
    {
      name: "after a blank line the parties' line joins a title of only the genre and the year",
      text: "Uppdragsavtal 2027\n\nFritidsnämnden (FN) och Fritidsförvaltningen\n\n1 Inledning\n\nText.",
      title: "Uppdragsavtal 2027 – Fritidsnämnden (FN) och Fritidsförvaltningen",
      year: 2027,
    },
    {
      name: "after a blank line the parties' line stays apart from a title that says more",
      text: "Överenskommelse om uppdrag 2027\n\nFritidsnämnden (FN) och Fritidsförvaltningen\n\n1 Inledning\n\nText.",
      title: "Överenskommelse om uppdrag 2027",
      year: 2027,
    },
    {
      name: "the parties' line read as a subheading, a party in the genitive, joins a bare title",
      text: "VINTERFORS KOMMUN\n\nUPPDRAGSPLAN 2026\n\nSocialnämndens uppdrag till socialkontoret\n\nBeslutad av socialnämnden 2025-12-17.\n\n1. Inledning\n\nText.",
      title: "Uppdragsplan 2026 – Socialnämndens uppdrag till socialkontoret",
      year: 2026,
    },
    {
      name: "the parties in capitals under the genre line",
      text: "Skogsviks kommun\nÄldrenämnden\n\n\nÖVERENSKOMMELSE 2026\nMELLAN GYMNASIE- OCH VUXENUTBILDNINGSNÄMNDEN OCH DIVISION LÄRANDE\n\nText.",
      title: "Överenskommelse 2026 mellan Gymnasie- och vuxenutbildningsnämnden och Division Lärande",
      year: 2026,
    },
    {
      name: "a cover page: a letterhead naming the genre, the title, 'mellan' alone and the parties below",
      text: "Kvarnbäcks kommun                      UPPDRAGSAVTAL 2026\n\n\n                 UPPDRAGSAVTAL 2026\n\n                       mellan\n\n            Miljö- och byggnadsnämnden\n                        och\n            Samhällsbyggnadsförvaltningen\n\n1 Inledning\n\nText.",
      title: "Uppdragsavtal 2026 mellan Miljö- och byggnadsnämnden och Samhällsbyggnadsförvaltningen",
      year: 2026,
    },
    {
      name: "the parties' line wrapped in lower case after a blank line",
      text: "ÅKERSLUNDA KOMMUN\n\nINTERNÖVERENSKOMMELSE 2026\n\nmellan Omsorgsnämnden och Kommunal\nproduktion, verksamhetsområde Funktionsstöd\n\nText.",
      title:
        "Internöverenskommelse 2026 mellan Omsorgsnämnden och Kommunal produktion, verksamhetsområde Funktionsstöd",
      year: 2026,
    },
    {
      name: "the committee's genitive on the line above the genre",
      text: "Hedemyra kommun\n\nVård- och omsorgsnämndens\nBESTÄLLNING 2026\ntill Division Vård och omsorg\n\nText.",
      title: "Vård- och omsorgsnämndens beställning 2026 till Division Vård och omsorg",
      year: 2026,
    },
    {
      name: "a cover page with each party, and the 'och' between them, a block of its own",
      text: "FURUBY KOMMUN\nKultur- och fritidsförvaltningen\n\n\n        RESULTATAVTAL 2026\n\n        mellan\n\n        Kultur- och fritidsnämnden (KFN)\n\n        och\n\n        Kultur- och fritidsförvaltningen (KFF)\n\n\nDiarienummer:   KFN 2025/0312\n\nText.",
      title: "Resultatavtal 2026 mellan Kultur- och fritidsnämnden (KFN) och Kultur- och fritidsförvaltningen (KFF)",
      year: 2026,
    },
    {
      name: "parties wrapped over two lines after the genre line",
      text: "INTERNÖVERENSKOMMELSE 2026\nmellan Kultur- och fritidsnämnden (KFN)\noch Division Kultur och fritid (DKF)\n\nText.",
      title: "Internöverenskommelse 2026 mellan Kultur- och fritidsnämnden (KFN) och Division Kultur och fritid (DKF)",
      year: 2026,
    },
  ])("$name", ({ text, title, year }) => {
    const facts = factsOf(text);
    expect(facts.title).toBe(title);
    expect(facts.year).toBe(year);
  });

  it("the committee named as the ordering party is its name, not who signs for it", () => {
    const facts = factsOf(
      "Överenskommelse 2026\n\nBeställare:  Kultur- och fritidsnämnden (KFN), genom nämndens\n             strateg Eva Ek\nUtförare:    Division Kultur, genom divisionschef Per Lund\n\n" +
        "Denna överenskommelse reglerar vad divisionen ska utföra under 2026 och hur den ska rapportera till nämnden.",
    );
    expect(facts.committee).toEqual({ name: "Kultur- och fritidsnämnden", code: "KFN" });
  });

  it("the committee named as the ordering party in its municipality, its signatory on the next line", () => {
    const facts = factsOf(
      "Överenskommelse 2026\n\nBeställare: Omsorgsnämnden i Åkerslunda kommun (OMN), genom\nOmsorgsförvaltningen, beställarenheten.\n\n" +
        "Denna överenskommelse reglerar vad verksamheten ska utföra under 2026.",
    );
    expect(facts.committee).toEqual({ name: "Omsorgsnämnden", code: "OMN" });
  });

  it("the committee named in a 'Beslutad av' field is its name, without the decision's day and paragraph", () => {
    const text = [
      "FRITIDSBY KOMMUN",
      "Kultur- och fritidsnämnden",
      "",
      "UPPDRAGSPLAN 2026",
      "Kultur- och fritidsnämndens uppdrag till fritidskontoret",
      "",
      "Beslutad av:     Kultur- och fritidsnämnden 2025-12-10, § 98",
      "Diarienummer:    KFN 2025/77",
      "Giltighet:       Kalenderåret 2026",
      "",
      "1. INLEDNING",
      "",
      "Kultur- och fritidsnämnden (KFN) beställer genom denna uppdragsplan den verksamhet som fritidskontoret ska bedriva under 2026.",
    ].join("\n");
    expect(readAgreement({ text }, { treatAs: "agreement" }).facts.committee).toEqual({
      name: "Kultur- och fritidsnämnden",
      code: "KFN",
    });
  });

  it.each([
    [
      "a letterhead's committee over a title in capitals",
      "Kullby kommun\nMiljönämnden\nÖVERENSKOMMELSE 2026\nmellan Miljönämnden (MN)\noch Division Miljö (DM)\n\nText.",
      "Överenskommelse 2026 mellan Miljönämnden (MN) och Division Miljö (DM)",
    ],
  ])("%s", (_name, text, title) => {
    expect(factsOf(text).title).toBe(title);
  });

  it.each([
    ["Teknik- och fastighetsförvaltningen", "Teknik- och fastighetsförvaltningen"],
    ["Fastighetsavdelningen", "Fastighetsavdelningen"],
    ["Miljökontoret", "Miljökontoret"],
  ])("the office '%s' is read whole", (office, expected) => {
    const facts = factsOf(
      `Uppdragsavtal 2026\nByggnadsnämnden och ${office}\n\n1 Inledning\n\nByggnadsnämnden ger ${office} i uppdrag att under 2026 sköta verksamheten.\n\n2 Grunduppdrag\n\nGrunduppdraget följs upp vid delår och helår.\n\n3 Uppföljning\n\nSkriftlig rapport till nämndens sammanträde 2026-05-12.`,
    );
    expect(facts.division?.name).toBe(expected);
  });
});

describe("the municipality a document names itself by", () => {
  const municipalityOf = (text: string) => {
    const lines = normaliseLines(text, { dictionary: null }).lines;
    return readFacts(buildBlocks(lines, null), lines.map((l) => l.text).join("\n"), []).facts.municipality;
  };
  it.each([
    ["Östby kommun\n\nÖverenskommelse 2026\nText om Östby kommuns bibliotek.", "Östby"],
    // A letterhead in capitals, in the genitive and not.
    ["HAGFORSLUNDS KOMMUN\n\nUppdragsavtal 2026\nText.", "Hagforslund"],
    ["TORSVIK KOMMUN\nKulturnämnden\n\nUppdragsplan 2026\nText.", "Torsvik"],
    ["Region Västerbo\n\nÖverenskommelse 2026\nText.", "Västerbo"],
    // A region named as a partner, more often than the municipality, is not the document's.
    [
      "VINTERFORS KOMMUN\n\nUppdragsplan 2026\nMed Region Vinterland. Region Vinterland och Region Vinterland ansvarar i Östra Vinterfors.",
      "Vinterfors",
    ],
    ["Överenskommelse 2026\nText utan ort.", null],
  ])("%s → %s", (text, municipality) => {
    expect(municipalityOf(text)).toBe(municipality);
  });
});

describe("the office or division that does the work", () => {
  it.each([
    ["Tekniska nämnden och Gatukontoret", "Gatukontoret"],
    // Named by coordinated words, as committees are.
    ["Kultur- och fritidsnämnden och Kultur- och fritidsförvaltningen", "Kultur- och fritidsförvaltningen"],
    ["Miljö- och hälsoskyddsnämndens uppdrag till miljö- och hälsoskyddskontoret", "Miljö- och hälsoskyddskontoret"],
    ["Överenskommelse 2026 mellan Socialnämnden och Division Vård och stöd", "Division Vård och stöd"],
    // A name that lists its fields up to "och".
    ["Fritids- och kulturnämnden – Division Kultur, fritid och turism", "Division Kultur, fritid och turism"],
    ["Överenskommelse mellan Socialnämnden och Division Välfärd, som ansvarar för", "Division Välfärd"],
  ])("%s → %s", (title, division) => {
    expect(findDivision(title, `${title}\n\nText.`)?.name).toBe(division);
  });
});
