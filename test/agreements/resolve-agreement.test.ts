// Which agreement a command means, read the same way by the bot and the CLI: codes, the id and its
// parts and years match whole words; names match from the start of a word.
import { describe, expect, it } from "vitest";
import { resolveAgreement, type AgreementNames } from "../../src/agreements/resolve-agreement.ts";

const agreement = (
  id: string,
  title: string,
  committee: string,
  committeeCode: string,
  division: string,
  divisionCode: string,
  year: number,
): AgreementNames => ({
  id,
  title,
  committee,
  committeeCode,
  division,
  divisionCode,
  year,
});

const stored = [
  agreement(
    "kan-dso-2025",
    "Överenskommelse 2025 mellan Kompetens- och arbetsmarknadsnämnden och Division Social omsorg",
    "Kompetens- och arbetsmarknadsnämnden",
    "KAN",
    "Division Social omsorg",
    "DSO",
    2025,
  ),
  agreement(
    "kan-du-2026",
    "Överenskommelse 2026 mellan Kompetens- och arbetsmarknadsnämnden och Division Utbildning",
    "Kompetens- och arbetsmarknadsnämnden",
    "KAN",
    "Division Utbildning",
    "DU",
    2026,
  ),
  agreement(
    "sn-dso-2026",
    "Socialnämndens överenskommelse om verksamhet 2026",
    "Socialnämnden",
    "SN",
    "Division Social omsorg",
    "DSO",
    2026,
  ),
  agreement(
    "kan-dso-2025-2",
    "Överenskommelse 2025 (ny version under annat namn)",
    "Kompetens- och arbetsmarknadsnämnden",
    "KAN",
    "Division Social omsorg",
    "DSO",
    2025,
  ),
];

const ids = (query: Parameters<typeof resolveAgreement>[1]) => resolveAgreement(stored, query).matches.map((a) => a.id);

describe("resolving an agreement from words", () => {
  it.each([
    [{ words: ["sn"], year: 2026 }, ["sn-dso-2026"]], // "sammanfattning helår 2026 sn": not arbetsmarknad*sn*ämnden
    [{ text: "sn" }, ["sn-dso-2026"]],
    [{ text: "kan", year: 2025 }, ["kan-dso-2025", "kan-dso-2025-2"]],
    [{ text: "kan", year: 2026 }, ["kan-du-2026"]], // `summary --agreement kan --year 2026`
    [{ text: "kan-dso-2025" }, ["kan-dso-2025"]], // an exact id wins over its longer twin
    [{ text: "kan-dso-2025-2" }, ["kan-dso-2025-2"]],
    [{ text: "du" }, ["kan-du-2026"]],
    [{ text: "dso 2026" }, ["sn-dso-2026"]],
    [{ text: "2026" }, ["kan-du-2026", "sn-dso-2026"]],
    [{ text: "socialnämnden" }, ["sn-dso-2026"]],
    [{ text: "Kompetens", year: 2026 }, ["kan-du-2026"]],
    [{ text: "utbildning" }, ["kan-du-2026"]],
    [{ text: "omsorg 2025", year: null }, ["kan-dso-2025", "kan-dso-2025-2"]],
    [{ text: "ka" }, []], // two letters are a code or nothing
    [{ text: "namnden" }, []], // names match from the start of a word, not inside it
  ])("%j → %j", (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it("says which words named nothing", () => {
    expect(resolveAgreement(stored, { text: "sn budget" })).toMatchObject({ matches: [], unknownWords: ["budget"] });
  });
});
