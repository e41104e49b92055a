// An agreement laid out as some municipalities write theirs: parts in Roman numerals ("III.",
// "III.1"), a genre of its own ("Resultatavtal"), a timetable drawn as a Markdown pipe table whose
// days stand under their weekdays ("tis 17/3") and whose rows name their assignment in brackets,
// and reporting outside the meetings: a due day in the follow-up system by weekday and week. The
// text is made up for the test.
import { describe, expect, it } from "vitest";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const text = `FURUBY KOMMUN
Kultur- och fritidsförvaltningen

RESULTATAVTAL 2026

mellan

Kultur- och fritidsnämnden (KFN)

och

Kultur- och fritidsförvaltningen (KFF)

Giltighet: 1 januari 2026 – 31 december 2026

I. INLEDNING

Resultatavtalet är nämndens beställning till förvaltningen för år 2026. Förvaltningen ska
återrapportera till nämnden enligt avsnitt IV.

II. GRUNDUPPDRAG

II.1 Biblioteksverksamhet

Förvaltningen ska bedriva folkbiblioteksverksamhet med tre filialer. Besöksstatistik redovisas
muntligt vid nämndens sammanträde den 17 mars.

II.2 Fritidsgårdar

Förvaltningen ska driva två fritidsgårdar för unga 13–18 år.

III. SÄRSKILDA UPPDRAG

III.1 Meröppet bibliotek i Lillby (uppdrag från KFN)

Förvaltningen ska införa meröppet i Lillby under året. Nämnden följer uppdraget genom en
muntlig lägesrapport den 17 mars och en rapport om säkerhet (se IV.2).

IV. UPPFÖLJNING OCH RAPPORTERING

IV.1 Tidplan för återrapportering 2026

Skriftliga handlingar ska vara nämndsekreteraren tillhanda två veckor före sammanträdet.

| Sammanträde | Ärende                                          | Form      | Handlingar senast |
|-------------|-------------------------------------------------|-----------|-------------------|
| tis 17/3    | Besöksstatistik bibliotek (II.1)                | Muntlig   | –                 |
| tis 17/3    | Meröppet bibliotek Lillby – lägesrapport (III.1)| Muntlig   | –                 |
| tis 22/9    | Delårsrapport per 31 augusti inkl. ekonomi      | Skriftlig | fre 4/9 *         |
| tis 15/12   | Uppföljning internkontrollplan 2026 och         | Skriftlig | tis 1/12          |
|             | förslag till internkontrollplan 2027            |           |                   |

* Delårsrapporten ska på grund av kommunens tidplan vara inlämnad redan fredag den 4 september.

IV.2 Rapportering utanför nämndens sammanträden

  – Besöksstatistik för fritidsgårdarna läggs in i Hypergene senast fredag vecka 42.
  – Rapport om säkerhet vid meröppet lämnas skriftligt till presidiet (se V.2) i oktober.
`;

const read = readAgreement({ text, positionedLines: null });

describe("an agreement in Roman-numbered parts with a pipe-table timetable", () => {
  it("is an agreement, titled with both parties", () => {
    expect(read.classification.kind).toBe("agreement");
    expect(read.facts.title).toBe(
      "Resultatavtal 2026 mellan Kultur- och fritidsnämnden (KFN) och Kultur- och fritidsförvaltningen (KFF)",
    );
  });

  it("reads the assignments of the Roman-numbered parts, and none of the follow-up part", () => {
    expect(read.assignments.map((a) => `${a.number} ${a.kind} ${a.title}`)).toEqual([
      "II.1 grunduppdrag Biblioteksverksamhet",
      "II.2 grunduppdrag Fritidsgårdar",
      "III.1 sarskilt_uppdrag_namnd Meröppet bibliotek i Lillby (uppdrag från KFN)",
    ]);
  });

  it("reads one item per timetable row, each once, with the text's reports of the same day merged in", () => {
    const items = read.reportingItems.map((i) => `${i.date} ${i.form ?? "-"} ${i.submissionDate ?? "-"} ${i.title}`);
    expect(items).toEqual(
      expect.arrayContaining([
        "2026-03-17 oral - Besöksstatistik bibliotek (II.1)",
        "2026-03-17 oral - Meröppet bibliotek Lillby – lägesrapport (III.1)",
        "2026-09-22 written 2026-09-04 Delårsrapport per 31 augusti inkl. ekonomi",
        "2026-12-15 written 2026-12-01 Uppföljning internkontrollplan 2026 och förslag till internkontrollplan 2027",
      ]),
    );
    const march = read.reportingItems.filter((i) => i.date === "2026-03-17");
    expect(march).toHaveLength(2);
    // The footnote restates the papers' day; it is no report of its own.
    expect(read.reportingItems.filter((i) => i.date === "2026-09-04")).toEqual([]);
  });

  it("reads a due day in the follow-up system by its weekday and week, and no week in a reference", () => {
    const hypergene = read.reportingItems.find((i) => i.date === "2026-10-16");
    expect(hypergene?.title).toContain("Besöksstatistik för fritidsgårdarna");
    // "(se V.2)" is a part referred to, not week 2.
    expect(read.reportingItems.filter((i) => i.date?.startsWith("2026-01"))).toEqual([]);
  });
});
