// An agreement kept as a wiki page: metadata lines before the title, Markdown headings ("# …",
// "## …"), the parties as labelled bullets ("* **Beställare:** …"), a meeting plan drawn as a pipe
// table ("Sammanträde | Datum | Dag | Anm.") and reporting entries as dated bullets that wrap
// ("- 2026-03-17 (BUN): …, skriftlig – underlag senast 2026-03-03"). Made up for the test.
import { describe, expect, it } from "vitest";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const text = `Sida: Styrdokument/BUN/Verksamhetsplan_2026
Senast ändrad: 2025-12-02 09:41 av Nämndsekreterare BUN
Status: Fastställd

# Verksamhetsplan med uppdrag 2026

## Barn- och utbildningsnämnden till Utbildningsförvaltningen

* **Beställare:** Barn- och utbildningsnämnden (BUN)
* **Utförare:** Utbildningsförvaltningen
* **Giltighetstid:** 2026-01-01 – 2026-12-31

# 1 Grunduppdrag

## 1.1 Förskola

Förvaltningen ska erbjuda förskola till alla barn som har rätt till det.

# 2 Särskilda uppdrag

## 2.1 Matsvinn

Förvaltningen ska minska matsvinnet i skolorna och följa upp det.

# 3 Uppföljning

## 3.1 Sammanträdesplan 2026

| Sammanträde | Datum      | Dag     | Anm.             |
|-------------|------------|---------|------------------|
| BUN 1       | 2026-01-27 | tisdag  | Bokslut 2025     |
| BUN 2       | 2026-02-24 | tisdag  |                  |
| BUN 3       | 2026-03-17 | tisdag  |                  |
| BUN 4       | 2026-04-21 | tisdag  | Tertialrapport 1 |

## 3.2 Rapporteringstillfällen

- 2026-01-27 (BUN): Bokslut och verksamhetsberättelse 2025 för grunduppdragen,
  skriftlig – underlag senast 2026-01-13
- 2026-02-24 (BUN): Matsvinn – uppstart och tidplan, muntlig
- 2026-04-21 (BUN): Tertialrapport 1 med ekonomisk prognos, skriftlig – underlag senast
  2026-04-02 (tidigarelagt på grund av påskhelgen)
`;

const read = readAgreement({ text, positionedLines: null });

describe("an agreement kept as a wiki page", () => {
  it("is an agreement: its parties are labelled as the one who orders and the one who does the work", () => {
    expect(read.classification.kind).toBe("agreement");
  });

  it("takes its title from the Markdown headings, not from the page's metadata", () => {
    expect(read.facts.title).toBe(
      "Verksamhetsplan med uppdrag 2026 – Barn- och utbildningsnämnden till Utbildningsförvaltningen",
    );
  });

  it("reads each dated bullet as one report, its wrapped line and its papers' day with it, and the meeting plan as none", () => {
    expect(
      read.reportingItems.filter((i) => i.date).map((i) => `${i.date} ${i.form} ${i.submissionDate} ${i.title}`),
    ).toEqual([
      "2026-01-27 written 2026-01-13 Bokslut och verksamhetsberättelse 2025 för grunduppdragen",
      "2026-02-24 oral null Matsvinn – uppstart och tidplan",
      "2026-04-21 written 2026-04-02 Tertialrapport 1 med ekonomisk prognos",
    ]);
  });
});
